import { defineRule } from '../../rule.js';
import { closestLocation, isObject } from './support/nodes.js';

export default defineRule({
  id: 'license-url',
  meta: {
    description: 'License object must include "url".',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { missing: 'License object must include "url".' },
    docs: {
      why: 'A licence name alone is ambiguous; the URL says exactly which terms apply.',
      fix: 'Add `info.license.url`.',
      bad: "info:\n  title: Shop\n  version: '1'\n  license: { name: Apache-2.0 }",
      good: "info:\n  title: Shop\n  version: '1'\n  license: { name: Apache-2.0, url: 'https://www.apache.org/licenses/LICENSE-2.0' }",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        const info = isObject(root.info) ? root.info : undefined;
        const license = isObject(info?.license) ? info.license : undefined;
        if (!license?.url) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, root, 'info', 'license', 'url') });
      },
    };
  },
});
