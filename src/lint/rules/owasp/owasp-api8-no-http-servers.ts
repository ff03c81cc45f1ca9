import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api8-no-http-servers',
  meta: {
    description: 'Servers must use https:// or wss:// (Swagger 2.0: `schemes` https or wss), never plain http or ws.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API8:2023'],
    cwe: ['CWE-319'],
    messages: {
      httpServer: 'Server URL "{{url}}" uses plain {{protocol}}; use https:// or wss://.',
      httpScheme: 'Scheme "{{scheme}}" is not encrypted; use https or wss.',
    },
    docs: {
      why: 'Unencrypted transport exposes credentials, tokens and personal data to anyone on the network path, and lets them alter traffic.',
      fix: 'Serve the API over TLS only and list only https/wss servers.',
      bad: 'servers:\n  - url: http://api.example.com',
      good: 'servers:\n  - url: https://api.example.com',
    },
  },
  create() {
    return {
      Root(node, ctx) {
        if (ctx.format !== 'oas2' || !isObject(node) || !Array.isArray(node.schemes)) return;
        node.schemes.forEach((scheme, index) => {
          if (scheme !== 'https' && scheme !== 'wss') ctx.report({ messageId: 'httpScheme', data: { scheme: String(scheme) }, location: ctx.location.child('schemes', index) });
        });
      },
      Server(node, ctx) {
        if (!isObject(node) || typeof node.url !== 'string') return;
        const match = /^(http|ws):/i.exec(node.url);
        if (match) ctx.report({ messageId: 'httpServer', data: { url: node.url, protocol: match[1]!.toLowerCase() }, location: ctx.location.child('url') });
      },
    };
  },
});
