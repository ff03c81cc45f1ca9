import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-no-implicit-or-password-flow',
  meta: {
    description: 'OAuth 2 implicit and resource-owner password flows must not be used.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-287'],
    messages: { deprecatedFlow: 'OAuth 2 flow "{{flow}}" of "{{name}}" is deprecated by the OAuth 2.0 Security BCP (RFC 9700); use authorization code with PKCE or client credentials.' },
    docs: {
      why: 'The implicit flow returns tokens in the URL fragment (leaks, no sender binding); the password flow hands the user\'s password to the client. RFC 9700 forbids both.',
      fix: 'Use the authorization code flow with PKCE for users, client credentials for machines.',
      bad: 'flows:\n  implicit:\n    authorizationUrl: https://auth.example.com/authorize\n    scopes: {}',
      good: 'flows:\n  authorizationCode:\n    authorizationUrl: https://auth.example.com/authorize\n    tokenUrl: https://auth.example.com/token\n    scopes: {}',
    },
  },
  create() {
    return {
      SecurityScheme(node, ctx) {
        if (!isObject(node) || node.type !== 'oauth2') return;
        const name = String(ctx.key);
        if (ctx.format === 'oas2') {
          if (node.flow === 'implicit' || node.flow === 'password') ctx.report({ messageId: 'deprecatedFlow', data: { flow: node.flow, name }, location: ctx.location.child('flow') });
          return;
        }
        const flows = ctx.resolve(node.flows, ctx.location.child('flows'));
        if (!isObject(flows.node)) return;
        const at = flows.location ?? ctx.location.child('flows');
        for (const flow of ['implicit', 'password']) {
          if (isObject(flows.node[flow])) ctx.report({ messageId: 'deprecatedFlow', data: { flow, name }, location: at.child(flow).key() });
        }
      },
    };
  },
});
