import rule from '../contact-properties.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'complete contact', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1', contact: { name: n, url: 'https://x.example', email: a@x.example } }
      paths: {}
    ` },
    { name: 'no contact at all', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'contact with name only',
      spec: yaml`
        openapi: 3.0.3
        info:
          title: t
          version: '1'
          contact:
            name: team
        paths: {}
      `,
      errors: [
        { messageId: 'missing', pointer: '/info/contact', line: 5, column: 3, message: 'Contact object must have "name", "url" and "email".' },
      ],
    },
  ],
});
