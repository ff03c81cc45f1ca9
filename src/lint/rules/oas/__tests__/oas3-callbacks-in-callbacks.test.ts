import rule from '../oas3-callbacks-in-callbacks.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'one level of callbacks', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /subscribe:
          post:
            callbacks:
              onEvent:
                '{$request.body#/url}':
                  post: { responses: { '200': { description: ok } } }
            responses: { '201': { description: ok } }
    ` },
  ],
  invalid: [
    {
      name: 'callback inside a callback',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /subscribe:
            post:
              callbacks:
                onEvent:
                  '{$request.body#/url}':
                    post:
                      callbacks:
                        onAck: {}
                      responses: { '200': { description: ok } }
              responses: { '201': { description: ok } }
      `,
      errors: [{ messageId: 'nested', pointer: '/paths/~1subscribe/post/callbacks/onEvent/{$request.body#~1url}/post/callbacks', line: 10, column: 15 }],
    },
  ],
});
