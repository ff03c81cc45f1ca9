import { defineRule } from '../../rule.js';
import type { NodeLocation } from '../../location.js';

export default defineRule({
  id: 'operation-operationId-unique',
  meta: {
    description: 'Every operation must have a unique operationId.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    // The first user is a related location, not words: the fingerprint must survive edits to it.
    messages: { duplicate: 'operationId "{{operationId}}" is already used by another operation.' },
    docs: {
      why: 'Code generators and SDKs name methods after operationId; two operations with one id collide or silently overwrite each other.',
      fix: 'Give each operation its own operationId.',
      bad: 'paths:\n  /a:\n    get: { operationId: list }\n  /b:\n    get: { operationId: list }',
      good: 'paths:\n  /a:\n    get: { operationId: listA }\n  /b:\n    get: { operationId: listB }',
    },
  },
  create() {
    const firstUse = new Map<string, NodeLocation>();
    return {
      Operation(node: { operationId?: unknown }, ctx) {
        if (typeof node.operationId !== 'string') return;
        const location = ctx.location.child('operationId');
        const first = firstUse.get(node.operationId);
        if (first) ctx.report({ messageId: 'duplicate', data: { operationId: node.operationId }, location, related: [first] });
        else firstUse.set(node.operationId, location);
      },
    };
  },
});
