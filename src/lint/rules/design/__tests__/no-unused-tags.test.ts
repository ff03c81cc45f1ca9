import rule from '../no-unused-tags.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'all tags used', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      tags: [{ name: users }]
      paths:
        /users:
          get: { tags: [users], responses: {} }
    ` },
  ],
  invalid: [
    {
      name: 'unused tag',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        tags: [{ name: users }, { name: legacy }]
        paths:
          /users:
            get: { tags: [users], responses: {} }
      `,
      errors: [{ messageId: 'unused', pointer: '/tags/1', message: 'Tag "legacy" is declared but no operation uses it.' }],
    },
  ],
});
