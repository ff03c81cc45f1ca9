import { isIP } from 'node:net';
import { connect } from 'node:tls';
import type { ScanContext } from '../context.js';
import { operationKey } from '../operations.js';
import { defineProbe, is2xx, rule } from '../probe.js';
import { RequestRefused } from '../transport.js';
import type { ScanExchange, ScanResponse } from '../types.js';

const rules = {
  cors: rule('scan-cors-any-origin', 'error', 'API8:2023', 'CWE-942', 'CORS reflects an arbitrary Origin and allows credentials: any web site can read responses with the user\'s cookies.', 'Allow only a fixed list of origins; never reflect Origin together with Allow-Credentials.'),
  headers: rule('scan-missing-security-headers', 'warning', 'API8:2023', 'CWE-693', 'Responses lack `X-Content-Type-Options: nosniff`.', 'Send `X-Content-Type-Options: nosniff` (and `Cache-Control: no-store` on private data).'),
  trace: rule('scan-trace-enabled', 'warning', 'API8:2023', 'CWE-693', 'The server answers TRACE and echoes the request.', 'Disable TRACE (and other undocumented methods) at the server or gateway.'),
  version: rule('scan-version-disclosure', 'warning', 'API8:2023', 'CWE-497', 'Response headers disclose server software and version.', 'Remove `Server`/`X-Powered-By` versions.'),
  redirect: rule('scan-open-redirect', 'error', 'API8:2023', 'CWE-601', 'A redirect parameter sends users to any external site.', 'Redirect only to relative paths or an allow-list of hosts.'),
  traversal: rule('scan-path-traversal', 'error', 'API8:2023', 'CWE-22', 'A file-name input reads files outside its folder.', 'Map names to files through an allow-list, or resolve and check the path stays in its folder.'),
  hsts: rule('scan-missing-hsts', 'warning', 'API8:2023', 'CWE-319', 'An HTTPS API does not send Strict-Transport-Security.', 'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains`.'),
  tls: rule('scan-weak-tls', 'error', 'API8:2023', 'CWE-326', 'The server accepts TLS 1.0 or 1.1.', 'Accept TLS 1.2 and 1.3 only.'),
  plainHttp: rule('scan-http-no-redirect', 'warning', 'API8:2023', 'CWE-319', 'The API answers over plain HTTP instead of redirecting to HTTPS.', 'Serve the API over HTTPS only: answer plain HTTP with a 301/308 redirect to https:// (or not at all), and send HSTS.'),
  graphql: rule('scan-graphql-introspection', 'warning', 'API8:2023', 'CWE-200', 'GraphQL introspection is enabled.', 'Disable introspection in production.'),
};

const EVIL_ORIGIN = 'https://rampart-evil.example';
const EVIL_LOCATION = 'https://rampart-redirect.example/landing';
const REDIRECT_NAME = /^(next|redirect|redirect_?uri|redirectUrl|return|return_?to|returnTo|returnUrl|url|continue|dest|destination|goto|target|callback)$/i;
const FILE_NAME = /file|filename|path|doc|document|template|download|attachment|name$/i;
const PASSWD = /root:[^:\n]*:0:0:|\[boot loader\]|for 16-bit app support/;

/** Arbitrary Origin reflected (or `null` allowed) together with credentials. */
export function corsVerdict(headers: Record<string, string>, origin: string): boolean {
  const allowed = headers['access-control-allow-origin'];
  return (allowed === origin || allowed === 'null') && (headers['access-control-allow-credentials'] ?? '').toLowerCase() === 'true';
}

/** A product name followed by a version number in Server, X-Powered-By, X-AspNet-Version. */
export function versionDisclosed(headers: Record<string, string>): string | undefined {
  for (const name of ['server', 'x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version']) {
    const value = headers[name];
    if (value && /\d+\.\d+/.test(value)) return `${name}: ${value}`;
  }
  return undefined;
}

export function openRedirectVerdict(response: Pick<ScanResponse, 'status' | 'headers'>, target: string): boolean {
  return response.status >= 300 && response.status < 400 && (response.headers.location ?? '').startsWith(target.replace(/\/landing$/, ''));
}

/** What is wrong with an HTTPS response's Strict-Transport-Security, if anything. */
export function hstsProblem(headers: Record<string, string>): string | undefined {
  const value = headers['strict-transport-security'];
  if (value === undefined) return 'no Strict-Transport-Security header';
  const maxAge = /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?\s*(?:;|$)/i.exec(value);
  if (!maxAge) return `Strict-Transport-Security without a valid max-age: ${value}`;
  if (Number(maxAge[1]) === 0) return `Strict-Transport-Security: ${value} turns HSTS off`;
  return undefined;
}

/**
 * A plain-HTTP answer that serves the API: content (2xx), a login challenge (401, inviting
 * credentials in clear text), or a redirect that does not go to https. Refusals (400, 403, 426 …)
 * and redirects to https are fine.
 */
export function plainHttpVerdict(response: Pick<ScanResponse, 'status' | 'headers'>): boolean {
  if (is2xx(response.status) || response.status === 401) return true;
  if (response.status >= 300 && response.status < 400) return !/^https:\/\//i.test(response.headers.location ?? '');
  return false;
}

export function traversalVerdict(baseline: string | undefined, body: string | undefined): boolean {
  return body !== undefined && PASSWD.test(body) && !(baseline !== undefined && PASSWD.test(baseline));
}

export default defineProbe({
  id: 'transport-config',
  description: 'CORS with a foreign Origin, security and version headers, TRACE, open redirects, path traversal, GraphQL introspection; HSTS and TLS 1.0/1.1 when the target is HTTPS, and a redirect to HTTPS on the plain-HTTP address given with --http-target.',
  falsePositivePolicy: 'CORS counts only when the foreign Origin comes back with credentials allowed. Traversal needs a real /etc/passwd or win.ini signature absent from the baseline. Redirects count only when Location points at the scanner\'s foreign host. HTTPS checks are skipped on http targets; HSTS is judged on 2xx answers only; plain HTTP is asked anonymously for a path that answered without credentials, and refusals (400, 403, 426) are not findings.',
  rules,
  async run(context: ScanContext) {
    const user = context.users()[0] ?? context.admin() ?? null;
    const reachable = context.transport.exchanges.find((exchange) => exchange.operation && exchange.operation.method === 'get' && is2xx(exchange.response?.status) && exchange.identity === user?.name && !exchange.attack);
    if (reachable?.operation) {
      const operation = reachable.operation;
      const example = context.exampleInput(operation, user);
      if (example) {
        const exchange = await context.send(operation, example.input, { identity: user, probe: 'transport-config', attack: true, headers: { Origin: EVIL_ORIGIN } });
        if (exchange?.response && corsVerdict(exchange.response.headers, EVIL_ORIGIN)) {
          context.report(rules.cors, { operation }, `${operationKey(operation)} answered Origin ${EVIL_ORIGIN} with Access-Control-Allow-Origin: ${exchange.response.headers['access-control-allow-origin']} and Allow-Credentials: true.`, [{ label: 'foreign Origin', exchange }]);
        }
      }
    } else context.skip('transport-config', 'CORS: no GET operation answered 2xx to compare with');

    const sample = context.transport.exchanges.filter((exchange) => exchange.response && /json/.test(exchange.response.headers['content-type'] ?? ''));
    const noSniff = sample.find((exchange) => (exchange.response!.headers['x-content-type-options'] ?? '').toLowerCase() !== 'nosniff');
    if (noSniff) context.report(rules.headers, noSniff.operation ? { operation: noSniff.operation } : { method: noSniff.request.method, path: new URL(noSniff.request.url).pathname }, 'JSON responses are sent without X-Content-Type-Options: nosniff.', [{ label: 'response', exchange: noSniff }]);
    const disclosing = context.transport.exchanges.find((exchange) => exchange.response && versionDisclosed(exchange.response.headers));
    if (disclosing) context.report(rules.version, disclosing.operation ? { operation: disclosing.operation } : { method: disclosing.request.method, path: new URL(disclosing.request.url).pathname }, `Response headers disclose ${versionDisclosed(disclosing.response!.headers)}.`, [{ label: 'response', exchange: disclosing }]);

    const base = context.transport.options.target.pathname || '/';
    const trace = await context.send(undefined, { headers: { 'X-Rampart-Trace': 'echo-check' } }, { identity: null, probe: 'transport-config', attack: true, method: 'TRACE' }, base);
    if (trace?.response && is2xx(trace.response.status) && /x-rampart-trace/i.test(trace.response.body)) {
      context.report(rules.trace, { method: 'TRACE', path: base }, 'TRACE is enabled and echoes request headers.', [{ label: 'TRACE', exchange: trace }]);
    }

    for (const operation of context.api.operations.filter((candidate) => candidate.method === 'get')) {
      const example = context.exampleInput(operation, user);
      for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query' && REDIRECT_NAME.test(candidate.name))) {
        if (!example) break;
        const exchange = await context.send(operation, { ...example.input, query: { ...(example.input.query ?? {}), [parameter.name]: EVIL_LOCATION } }, { identity: user, probe: 'transport-config', attack: true });
        if (exchange?.response && openRedirectVerdict(exchange.response, EVIL_LOCATION)) {
          context.report(rules.redirect, { operation }, `${operationKey(operation)} redirects to ${EVIL_LOCATION} given in "${parameter.name}".`, [{ label: 'foreign redirect', exchange }]);
        }
      }
      for (const parameter of operation.parameters.filter((candidate) => (candidate.in === 'query' || candidate.in === 'path') && FILE_NAME.test(candidate.name) && (!candidate.schema.types || candidate.schema.types.has('string')) && !candidate.schema.enum)) {
        const path = context.pathValues(operation, user) ?? { values: {} };
        const values = { ...Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, 'rampart'])), ...path.values };
        const input = (value: string) => (parameter.in === 'path' ? { path: { ...values, [parameter.name]: value }, query: example?.input.query } : { path: values, query: { ...(example?.input.query ?? {}), [parameter.name]: value } });
        const baseline = await context.send(operation, input('rampart-missing.txt'), { identity: user, probe: 'transport-config' });
        for (const payload of ['../../../../../../../../etc/passwd', '..\\..\\..\\..\\..\\..\\windows\\win.ini']) {
          const exchange = await context.send(operation, input(payload), { identity: user, probe: 'transport-config', attack: true });
          if (exchange?.response && traversalVerdict(baseline?.response?.body, exchange.response.body)) {
            context.report(rules.traversal, { operation }, `${operationKey(operation)} returned a system file for ${parameter.in} "${parameter.name}" = ${payload}.`, [{ label: 'traversal', exchange }]);
            break;
          }
        }
      }
    }

    const graphql = context.api.operations.find((operation) => /graphql/i.test(operation.path) && operation.method === 'post');
    if (graphql) {
      const exchange = await context.send(graphql, { body: { query: '{ __schema { queryType { name } types { name } } }' } }, { identity: user, probe: 'transport-config', attack: true });
      if (exchange?.response && is2xx(exchange.response.status) && /"__schema"\s*:\s*\{/.test(exchange.response.body)) {
        context.report(rules.graphql, { operation: graphql }, 'GraphQL introspection answers with the schema.', [{ label: 'introspection', exchange }]);
      }
    }

    await httpsChecks(context);
  },
});

/** HSTS on what was already sent, TLS 1.0/1.1 handshakes, and the plain-HTTP twin when the user named one. */
async function httpsChecks(context: ScanContext): Promise<void> {
  const target = context.transport.options.target;
  if (target.protocol !== 'https:') {
    context.skip('transport-config', 'HSTS and TLS versions not tested: the target is plain http');
    return;
  }
  const secured = context.transport.exchanges.filter((exchange) => exchange.response && is2xx(exchange.response.status) && exchange.request.url.startsWith('https:'));
  const hstsMissing = secured.find((exchange) => hstsProblem(exchange.response!.headers));
  if (hstsMissing) {
    context.report(rules.hsts, { method: hstsMissing.request.method, path: new URL(hstsMissing.request.url).pathname }, `HTTPS responses lack HSTS (${hstsProblem(hstsMissing.response!.headers)}): browsers may still use plain HTTP for this API.`, [{ label: 'response', exchange: hstsMissing }]);
  } else if (secured.length === 0) context.skip('transport-config', 'HSTS: no HTTPS request answered 2xx');

  const versions = [['TLSv1', 'TLS 1.0', 'tls1'], ['TLSv1.1', 'TLS 1.1', 'tls1_1']] as const;
  // Each version alone: a server may take one and refuse the other.
  const answers: (string | false | undefined)[] = [];
  for (const [protocol] of versions) answers.push(await acceptsTls(target, protocol));
  const accepted = versions.filter(([protocol], k) => answers[k] === protocol);
  if (accepted.length > 0) {
    context.report(rules.tls, { method: 'CONNECT', path: '/' }, `${target.host} completes ${accepted.map(([, name]) => name).join(' and ')} handshakes.`, [], {
      protocols: accepted.map(([protocol]) => protocol),
      commands: accepted.map(([, , flag]) => `openssl s_client -connect ${target.host} -${flag} -cipher 'DEFAULT:@SECLEVEL=0'`),
    });
  }
  const untested = versions.filter((_, k) => answers[k] === undefined).map(([, name]) => name);
  if (untested.length > 0) context.skip('transport-config', `${untested.join(' and ')}: this Node.js/OpenSSL build cannot offer them, so they were not tested`);

  const plain = context.transport.options.httpTarget;
  if (!plain) {
    context.skip('transport-config', 'HTTP to HTTPS redirect not tested: pass --http-target with the plain-http address');
    return;
  }
  // A path the API answers without credentials, so no token is sent in clear text.
  const open = [...context.anonymous.values()].find((exchange) => is2xx(exchange.response?.status));
  const path = open ? new URL(open.request.url).pathname : target.pathname || '/';
  let exchange: ScanExchange;
  try {
    exchange = await context.transport.send({ method: 'GET', path: new URL(path, plain).href, probe: 'transport-config', attack: true, operation: open?.operation });
  } catch (error) {
    if (!(error instanceof RequestRefused)) throw error;
    context.skip('transport-config', error.message);
    return;
  }
  if (exchange.response && plainHttpVerdict(exchange.response)) {
    const answer = exchange.response.status >= 300 && exchange.response.status < 400 ? `redirects to ${exchange.response.headers.location ?? 'nowhere'}` : `answers ${exchange.response.status}`;
    context.report(rules.plainHttp, { method: 'GET', path: open?.operation?.path ?? path }, `${plain.origin}${path} ${answer} instead of redirecting to https.`, [{ label: 'plain HTTP', exchange }]);
  }
}

/** The protocol of a handshake at exactly `version` the server completed; false: refused; undefined: we could not offer it. */
function acceptsTls(target: URL, version: 'TLSv1' | 'TLSv1.1'): Promise<string | false | undefined> {
  return new Promise((resolve) => {
    let socket: ReturnType<typeof connect>;
    const host = target.hostname.replace(/^\[|\]$/g, '');
    try {
      // SECLEVEL=0: OpenSSL 3 refuses TLS 1.0/1.1 ciphers by default, and we want to know what the server accepts.
      socket = connect({ host, port: Number(target.port || 443), minVersion: version, maxVersion: version, rejectUnauthorized: false, servername: isIP(host) ? undefined : host, ciphers: 'DEFAULT:@SECLEVEL=0' });
    } catch {
      resolve(undefined);
      return;
    }
    socket.setTimeout(3000, () => socket.destroy());
    socket.once('secureConnect', () => {
      resolve(socket.getProtocol() ?? version);
      socket.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(/no protocols available|unsupported protocol|wrong version/i.test(error.message) && error.code === 'ERR_SSL_NO_PROTOCOLS_AVAILABLE' ? undefined : false));
    socket.once('close', () => resolve(false));
  });
}
