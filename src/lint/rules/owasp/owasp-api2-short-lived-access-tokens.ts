import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-short-lived-access-tokens',
  meta: {
    description: 'OAuth 2 flows should declare a refreshUrl, so access tokens can be short-lived.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-613'],
    formats: ['oas3.0', 'oas3.1'],
    messages: { noRefresh: 'OAuth 2 flow "{{flow}}" has no refreshUrl; access tokens likely do not expire.' },
    docs: {
      why: 'A stolen access token is useful until it expires. Refresh tokens let access tokens live minutes rather than months.',
      fix: 'Issue short-lived access tokens and declare the `refreshUrl` of the flow.',
      bad: 'flows:\n  authorizationCode:\n    authorizationUrl: https://auth.example.com/authorize\n    tokenUrl: https://auth.example.com/token\n    scopes: {}',
      good: 'flows:\n  authorizationCode:\n    authorizationUrl: https://auth.example.com/authorize\n    tokenUrl: https://auth.example.com/token\n    refreshUrl: https://auth.example.com/refresh\n    scopes: {}',
    },
  },
  create() {
    return {
      OAuthFlow(node, ctx) {
        if (!isObject(node)) return;
        if (typeof node.refreshUrl !== 'string' || node.refreshUrl === '') ctx.report({ messageId: 'noRefresh', data: { flow: String(ctx.key) } });
      },
    };
  },
});
