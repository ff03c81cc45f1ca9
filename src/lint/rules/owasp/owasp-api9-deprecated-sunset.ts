import { defineRule } from '../../rule.js';
import { hasKeyIgnoringCase, isObject, operationSite, responsesOf } from './support/api.js';

const SUNSET_EXTENSIONS = ['x-sunset', 'x-sunset-date', 'x-deprecation-date', 'x-removal-date', 'x-deprecated-at', 'x-stability-sunset'];
const SUNSET_TEXT = /\b(sunset|removed|removal|retire[ds]?|decommission\w*|end[- ]of[- ]life)\b.*\d{4}|\d{4}-\d{2}-\d{2}/i;

export default defineRule({
  id: 'owasp-api9-deprecated-sunset',
  meta: {
    description: 'Deprecated operations must announce when they will be removed (a Sunset header, an x-sunset date, or a date in the description).',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API9:2023'],
    cwe: ['CWE-1059'],
    messages: { noSunset: '{{method}} {{path}} is deprecated without a sunset date; deprecated-but-running endpoints become zombie APIs.' },
    docs: {
      why: 'Deprecated operations that never go away keep old code, old bugs and old authorization logic reachable (zombie APIs).',
      fix: 'Declare the removal date: a `Sunset` response header (RFC 8594), an `x-sunset: 2026-12-31` extension, or the date in the description.',
      bad: 'get:\n  deprecated: true',
      good: 'get:\n  deprecated: true\n  x-sunset: "2026-12-31"',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        if (!isObject(node) || node.deprecated !== true) return;
        if (SUNSET_EXTENSIONS.some((key) => node[key] !== undefined)) return;
        if (typeof node.description === 'string' && SUNSET_TEXT.test(node.description)) return;
        for (const [, response] of responsesOf(ctx.document, node, ctx.location)) {
          if (hasKeyIgnoringCase(ctx.resolve(response.node.headers, response.location).node, 'Sunset')) return;
        }
        const site = operationSite(ctx);
        ctx.report({ messageId: 'noSunset', data: { method: site.method.toUpperCase(), path: site.path }, location: ctx.location.child('deprecated') });
      },
    };
  },
});
