import { defineChange, type Check } from '../types.js';

/** operationId and tags: not on the wire, but generated SDKs name and group their methods by them. */
const operationIdentity: Check = {
  name: 'operation-identity',
  definitions: [
    defineChange('operation-id-changed', 'breaking', 'none', 'operation', 'identity', 'rename'),
    defineChange('operation-id-removed', 'breaking', 'none', 'operation', 'identity', 'remove'),
    defineChange('operation-id-added', 'info', 'none', 'operation', 'identity', 'add'),
    defineChange('operation-tag-removed', 'breaking', 'none', 'operation', 'identity', 'remove'),
    defineChange('operation-tag-added', 'info', 'none', 'operation', 'identity', 'add'),
  ],
  run(context) {
    for (const { base, revision } of context.pairs) {
      const at = { operation: revision, base: base.origin, revision: revision.origin };
      const from = base.operationId;
      const to = revision.operationId;
      if (from !== undefined && to !== undefined && from !== to) context.report('operation-id-changed', { ...at, data: { from, to } });
      else if (from !== undefined && to === undefined) context.report('operation-id-removed', { ...at, data: { from } });
      else if (from === undefined && to !== undefined) context.report('operation-id-added', { ...at, data: { to } });
      for (const tag of base.tags) if (!revision.tags.includes(tag)) context.report('operation-tag-removed', { ...at, data: { tag } });
      for (const tag of revision.tags) if (!base.tags.includes(tag)) context.report('operation-tag-added', { ...at, data: { tag } });
    }
  },
};

export default operationIdentity;
