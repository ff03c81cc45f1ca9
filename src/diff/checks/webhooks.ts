import { defineChange, type Check } from '../types.js';

/** OpenAPI 3.1 webhooks: requests the API sends to its subscribers. */
const webhooks: Check = {
  name: 'webhooks',
  definitions: [defineChange('webhook-added', 'info', 'none', 'webhooks', 'existence', 'add'), defineChange('webhook-removed', 'breaking', 'none', 'webhooks', 'existence', 'remove')],
  run(context) {
    const key = (method: string, name: string) => `${method} ${name}`;
    const before = new Map(context.base.webhooks.map((hook) => [key(hook.method, hook.path), hook]));
    const after = new Map(context.revision.webhooks.map((hook) => [key(hook.method, hook.path), hook]));
    for (const [id, hook] of before) {
      if (!after.has(id)) context.report('webhook-removed', { base: hook.origin, revision: context.revision.infoOrigin, data: { name: hook.path, method: hook.method.toUpperCase() } });
    }
    for (const [id, hook] of after) {
      if (!before.has(id)) context.report('webhook-added', { base: context.base.infoOrigin, revision: hook.origin, data: { name: hook.path, method: hook.method.toUpperCase() } });
    }
  },
};

export default webhooks;
