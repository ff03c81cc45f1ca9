import type { Operation, Schema } from '../../spec/api.js';
import type { ScanContext } from '../context.js';
import { jsonBody, operationKey } from '../operations.js';
import { defineProbe, rule } from '../probe.js';
import type { CanaryHit } from '../canary.js';

const rules = {
  ssrf: rule('scan-ssrf', 'error', 'API7:2023', 'CWE-918', 'The server fetches a URL supplied in a request, including one on loopback.', 'Fetch only from an allow-list of hosts; resolve and refuse private, loopback and link-local addresses; disable redirects.'),
};

const URL_NAME = /(^|_|-)(url|uri|href|link|callback|webhook|endpoint|src|source|image|avatar|feed|target|redirect)s?$|Url$|Uri$/i;

/** A string input that takes a URL: by format or by name. */
export function isUrlInput(name: string, schema: Schema): boolean {
  if (schema.types && !schema.types.has('string')) return false;
  return schema.format === 'uri' || schema.format === 'url' || URL_NAME.test(name);
}

/** A hit for the request's own token proves the fetch; hits for other tokens prove nothing about this input. */
export function ssrfVerdict(hits: readonly CanaryHit[], token: string): boolean {
  return hits.some((hit) => hit.token === token);
}

export default defineProbe({
  id: 'ssrf',
  description: 'Puts a URL of the scanner\'s own canary server (127.0.0.1) into URL-typed inputs and waits for the target to fetch it.',
  falsePositivePolicy: 'Only a request arriving at the canary with the unique token of that input counts; nothing else is inferred from status codes or timing.',
  rules,
  async run(context: ScanContext) {
    const user = context.users()[0] ?? context.admin() ?? null;
    let tested = 0;
    for (const operation of context.api.operations) {
      if (!['get', 'post', 'put', 'patch'].includes(operation.method) || context.isAdmin(operation)) continue;
      const example = context.exampleInput(operation, user);
      if (!example || !context.mayWrite(operation, example.created)) continue;
      const slots: { where: 'query' | 'body'; name: string }[] = [];
      for (const parameter of operation.parameters) if (parameter.in === 'query' && isUrlInput(parameter.name, parameter.schema)) slots.push({ where: 'query', name: parameter.name });
      for (const [name, property] of jsonBody(operation)?.schema?.properties ?? []) if (!property.readOnly && isUrlInput(name, property)) slots.push({ where: 'body', name });
      for (const slot of slots) {
        tested++;
        if (await probeSlot(context, operation, user, example.input, slot, example.created)) break;
      }
    }
    if (tested === 0) context.skip('ssrf', 'no URL-typed input (format uri/url or a url-like name)');
  },
});

async function probeSlot(context: ScanContext, operation: Operation, user: Parameters<ScanContext['send']>[2]['identity'], base: import('../context.js').RequestInput, slot: { where: 'query' | 'body'; name: string }, created: boolean): Promise<boolean> {
  const { url, token } = context.canary.url(`${slot.where}-${slot.name}`);
  const input = slot.where === 'query' ? { ...base, query: { ...(base.query ?? {}), [slot.name]: url } } : { ...base, body: { ...(base.body as Record<string, unknown>), [slot.name]: url } };
  const exchange = await context.send(operation, input, { identity: user, probe: 'ssrf', attack: true, scanCreated: created });
  if (!exchange) return false;
  const hits = await context.canary.hitsFor(token, 1500);
  if (!ssrfVerdict(hits, token)) return false;
  context.report(rules.ssrf, { operation }, `${operationKey(operation)} fetched the scanner's canary URL given in ${slot.where} "${slot.name}" (${hits.length} request${hits.length > 1 ? 's' : ''} to 127.0.0.1).`, [{ label: 'request with the canary URL', exchange }], {
    canaryHits: hits.map(({ method, path, userAgent }) => ({ method, path, userAgent })),
  }, {
    preface: [`# ${url} is the scanner's canary, gone after the scan: replace it with the URL of a listener you control that the API can reach (e.g. \`nc -l 8000\`), and watch for the request.`],
  });
  return true;
}
