import { defineRule } from '../../rule.js';
import { closestLocation, isObject } from './support/nodes.js';

export default defineRule({
  id: 'info-license',
  meta: {
    description: 'Info object must have a "license" object.',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { missing: 'Info object must have "license" object.' },
    docs: {
      why: 'Without a licence, consumers cannot tell on what terms they may use the API description.',
      fix: 'Add `info.license` with the licence name and URL.',
      bad: "info:\n  title: Shop\n  version: '1'",
      good: "info:\n  title: Shop\n  version: '1'\n  license: { name: Apache-2.0, url: 'https://www.apache.org/licenses/LICENSE-2.0' }",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        const info = isObject(root.info) ? root.info : undefined;
        if (!info?.license) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, root, 'info', 'license') });
      },
    };
  },
});
