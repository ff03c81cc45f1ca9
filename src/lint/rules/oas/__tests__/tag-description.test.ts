import rule from '../tag-description.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'described tag', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\ntags: [{ name: a, description: A }]\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'tag without description',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        tags:
          - name: a
            description: A
          - name: b
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/tags/1', line: 6, column: 5 }],
    },
  ],
});
