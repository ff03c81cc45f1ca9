import { defineRule } from '../../rule.js';
import type { NodeLocation } from '../../location.js';

export default defineRule({
  id: 'operation-operationId-unique',
  meta: {
    description: 'Every operation must have a unique operationId.',
    defaultSeverity: 'error',
    recommended: true,
    messages: { duplicate: 'operationId "{{operationId}}" is already used by {{first}}.' },
    docs: {
      why: 'Code generators and SDKs name methods after operationId; two operations with one id collide or silently overwrite each other.',
      fix: 'Give each operation its own operationId.',
      bad: 'paths:\n  /a:\n    get: { operationId: list }\n  /b:\n    get: { operationId: list }',
      good: 'paths:\n  /a:\n    get: { operationId: listA }\n  /b:\n    get: { operationId: listB }',
    },
  },
  create() {
    const seen = new Map<string, { where: string; location: NodeLocation }>();
    return {
      Operation(node: { operationId?: unknown }, ctx) {
        if (typeof node.operationId !== 'string') return;
        const pathItem = ctx.ancestors.at(-1);
        const where = `${String(ctx.key).toUpperCase()} ${String(pathItem?.key ?? '')}`;
        const first = seen.get(node.operationId);
        if (first) ctx.report({ messageId: 'duplicate', data: { operationId: node.operationId, first: first.where }, location: ctx.location.child('operationId') });
        else seen.set(node.operationId, { where, location: ctx.location });
      },
    };
  },
});
