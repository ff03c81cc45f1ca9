import type { NodeLocation } from '../../location.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../owasp/support/api.js';
import { casingOf, dominantStyle, fits } from './support/casing.js';

export default defineRule({
  id: 'operation-id-style',
  meta: {
    description: 'operationIds follow one casing style, the dominant one of the document.',
    defaultSeverity: 'warning',
    recommended: true,
    messages: { outlier: 'operationId "{{operationId}}" is {{style}}, but most operationIds in this document are {{dominant}}.' },
    docs: {
      why: 'SDK generators turn operationIds into method names; mixed styles produce inconsistent, surprising client APIs.',
      fix: 'Rename outliers to the dominant style (usually camelCase: `listUsers`, `getUser`).',
      bad: 'paths:\n  /users:\n    get: { operationId: listUsers }\n    post: { operationId: create_user }\n  /users/{id}:\n    get: { operationId: getUser }',
      good: 'paths:\n  /users:\n    get: { operationId: listUsers }\n    post: { operationId: createUser }\n  /users/{id}:\n    get: { operationId: getUser }',
    },
  },
  create() {
    const ids: { operationId: string; location: NodeLocation }[] = [];
    return {
      Operation(node, ctx) {
        if (isObject(node) && typeof node.operationId === 'string') ids.push({ operationId: node.operationId, location: ctx.location.child('operationId') });
      },
      Document: {
        leave(_root, ctx) {
          const dominant = dominantStyle(ids.map((id) => id.operationId));
          if (!dominant) return;
          for (const { operationId, location } of ids) {
            const style = casingOf(operationId);
            if (!fits(style, dominant)) ctx.report({ messageId: 'outlier', data: { operationId, style: style === 'other' ? 'in no common style' : style, dominant }, location });
          }
        },
      },
    };
  },
});
