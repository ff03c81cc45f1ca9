import { defineRule } from '../../rule.js';
import { isObject, type Json } from '../owasp/support/api.js';

const PATH_VERSION = /^\/(v\d+(?:[.-]\d+)*)(?=\/|$)/i;
const URL_VERSION = /\/(v\d+(?:[.-]\d+)*)(?=\/|$)/i;
const VERSION_PARAMETER = /^(api[-_]?version|x-api-version|accept-version|version)$/i;

export default defineRule({
  id: 'api-version-consistent',
  meta: {
    description: 'The API version is visible (server URL, path prefix, or a version header/query parameter) and every path uses the same scheme.',
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      notVisible: 'No API version is visible: no /vN in server URLs or paths, and no version header or query parameter.',
      unversionedPath: 'Path "{{path}}" has no version prefix, but most paths start with /{{dominant}}.',
      otherVersion: 'Path "{{path}}" is under /{{version}}, but most paths are under /{{dominant}}.',
    },
    docs: {
      why: 'Clients pin a version to stay safe from breaking changes; an invisible or mixed versioning scheme leaves them guessing which contract they are calling.',
      fix: 'Choose one scheme (a `/v1` server or path prefix, or an `API-Version` header) and use it everywhere; move stray paths under the same version.',
      bad: 'paths:\n  /v1/users: {}\n  /v1/orders: {}\n  /invoices: {}',
      good: 'paths:\n  /v1/users: {}\n  /v1/orders: {}\n  /v1/invoices: {}',
    },
  },
  create() {
    let versionParameter = false;
    return {
      Parameter(node) {
        if (isObject(node) && typeof node.name === 'string' && (node.in === 'header' || node.in === 'query') && VERSION_PARAMETER.test(node.name)) versionParameter = true;
      },
      Document: {
        leave(root: Json, ctx) {
          const paths = isObject(root.paths) ? Object.keys(root.paths).filter((path) => path.startsWith('/')) : [];
          const servers = ctx.format === 'oas2' ? [String(root.basePath ?? '')] : Array.isArray(root.servers) ? root.servers.map((server) => (isObject(server) ? String(server.url ?? '') : '')) : [];
          const inServers = servers.some((url) => URL_VERSION.test(url));
          const versions = new Map<string, number>();
          for (const path of paths) {
            const version = PATH_VERSION.exec(path)?.[1]?.toLowerCase();
            if (version) versions.set(version, (versions.get(version) ?? 0) + 1);
          }
          const versioned = [...versions.values()].reduce((sum, count) => sum + count, 0);
          if (versioned === 0) {
            if (!inServers && !versionParameter && paths.length > 0) ctx.report({ messageId: 'notVisible', location: ctx.location.child(ctx.format === 'oas2' ? 'basePath' : 'servers') });
            return;
          }
          const [dominant] = [...versions.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
          const pathsLocation = ctx.location.child('paths');
          for (const path of paths) {
            const version = PATH_VERSION.exec(path)?.[1]?.toLowerCase();
            if (version === undefined && versioned * 2 > paths.length) ctx.report({ messageId: 'unversionedPath', data: { path, dominant }, location: pathsLocation.child(path).key() });
            else if (version !== undefined && version !== dominant) ctx.report({ messageId: 'otherVersion', data: { path, version, dominant }, location: pathsLocation.child(path).key() });
          }
        },
      },
    };
  },
});
