import { defineChange, type Check } from '../types.js';

/** Server URLs of the whole API (2.0 `host` + `basePath` + `schemes` become URLs too). */
const servers: Check = {
  name: 'servers',
  definitions: [defineChange('server-added', 'info', 'none', 'servers', 'existence', 'add'), defineChange('server-removed', 'warning', 'none', 'servers', 'existence', 'remove')],
  run(context) {
    const before = new Map(context.base.servers.map((server) => [server.url, server]));
    const after = new Map(context.revision.servers.map((server) => [server.url, server]));
    for (const [url, server] of before) if (!after.has(url)) context.report('server-removed', { base: server.origin, revision: context.revision.infoOrigin, data: { url } });
    for (const [url, server] of after) if (!before.has(url)) context.report('server-added', { base: context.base.infoOrigin, revision: server.origin, data: { url } });
  },
};

export default servers;
