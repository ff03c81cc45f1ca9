import rule from '../openapi-tags.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'tags present', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\ntags: [{ name: a }]\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'empty tags',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        tags: []
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/tags', line: 3, column: 7 }],
    },
    { name: 'no tags', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\n", errors: [{ messageId: 'missing', pointer: '' }] },
  ],
});
