/**
 * End to end: start the traffic demo on 127.0.0.1, drive traffic, record it as HAR here, run the
 * built CLI on it, and check the inventory and findings against the demo's known description.
 * Also measures template precision/recall, and har-to-openapi's on the same HAR, side by side.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { demoCalls, recordHar, type HarLog } from '../../../examples/traffic-demo/drive.js';
import { startTrafficDemo } from '../../../examples/traffic-demo/server.js';
import { EXPECTED_FINDINGS, scoreTemplates, TRUE_ENDPOINTS } from '../../../examples/traffic-demo/truth.js';
import { builtPackageRoot, REPO, useFreshCli } from '../golden.js';

const SPEC = path.join(REPO, 'examples', 'traffic-demo', 'openapi.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'rampart-discover-e2e-'));
const harFile = path.join(dir, 'demo.har');
let har: HarLog;

function rampart(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  // A private build of the current sources (the shared dist/ may be stale or mid-rebuild).
  const result = spawnSync(process.execPath, [path.join(builtPackageRoot(), 'bin', 'rampart.js'), ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 120_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

interface JsonReport {
  findings: { ruleId: string; severity: string; message: string; location: { method?: string; path?: string; file?: string; line?: number }; owasp: string[]; evidence?: unknown }[];
  inventory: { summary: Record<string, unknown>; endpoints: { method: string; path: string; protocol: string; count: number; sensitive: string[]; operation?: string; auth: { kinds: Record<string, number> }; confidence: number }[]; healthChecks: unknown[]; staticAssets: unknown[] };
}

let cleanup = () => {};
after(() => cleanup());

before(async () => {
  cleanup = useFreshCli();
  const demo = await startTrafficDemo();
  try {
    har = await recordHar(demo.url, demoCalls());
  } finally {
    await demo.close();
  }
  writeFileSync(harFile, JSON.stringify(har, null, 2));
});

describe('rampart discover on the traffic demo', () => {
  let report: JsonReport;
  let run: ReturnType<typeof rampart>;
  before(() => {
    run = rampart('discover', harFile, '--spec', SPEC, '--openapi', 'reconstructed.yaml', '--format', 'json');
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it('exits 1 (error findings) with nothing on stderr', () => {
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });

  it('inventories every real endpoint with method, template, protocol, count and data classes', () => {
    const endpoints = Object.fromEntries(report.inventory.endpoints.map((endpoint) => [`${endpoint.method} ${endpoint.path}${endpoint.operation ? ` ${endpoint.operation}` : ''}`, [endpoint.protocol, endpoint.count, endpoint.sensitive]]));
    assert.deepEqual(endpoints, {
      'GET /api/v1/admin/export': ['rest', 2, ['api-key']],
      'GET /api/v1/debug/config': ['rest', 1, []],
      'GET /api/v1/legacy/reports': ['rest', 3, []],
      'POST /api/v1/orders': ['rest', 6, []],
      'GET /api/v1/orders/{orderId}': ['rest', 10, []],
      'GET /api/v1/products': ['rest', 5, []],
      'GET /api/v1/products/{productId}': ['rest', 10, []],
      'GET /api/v1/users': ['rest', 6, ['email']],
      'GET /api/v1/users/{userId}': ['rest', 40, ['email', 'us-ssn']],
      'PATCH /api/v1/users/{userId}': ['rest', 5, []],
      'GET /api/v1/users/{userId}/orders': ['rest', 20, []],
      'GET /api/v1/users/me': ['rest', 5, ['email']],
      'POST /graphql query GetViewer': ['graphql', 3, []],
      'POST /graphql query ListProducts': ['graphql', 2, []],
    });
    assert.equal(report.inventory.summary.exchanges, har.log.entries.length);
    assert.equal(report.inventory.summary.healthChecks, 3);
    assert.equal(report.inventory.summary.staticAssets, 2);
  });

  it('reports exactly the drift the demo was built with', () => {
    const found = new Set(
      report.findings.map((finding) => `${finding.ruleId} ${finding.location.method} ${finding.location.path ?? ''}`.trim()),
    );
    const unused = report.findings.find((finding) => finding.ruleId === 'unused-endpoint');
    assert.ok(unused?.location.file?.endsWith('openapi.yaml') && unused.location.line === 62, 'unused points at the operation in the spec');
    found.delete('unused-endpoint undefined');
    const expected = new Set(EXPECTED_FINDINGS.filter((entry) => !entry.startsWith('unused-endpoint')));
    assert.deepEqual([...found].sort(), [...expected].sort());
    assert.ok(report.findings.filter((finding) => finding.ruleId.endsWith('-endpoint')).every((finding) => finding.owasp.includes('API9:2023')));
    const zombie = report.findings.find((finding) => finding.ruleId === 'zombie-endpoint');
    assert.match(zombie!.message, /legacy-batch\/0\.9 \(3\)/);
  });

  it(`template precision and recall ≥ 0.95 (and har-to-openapi on the same HAR, side by side)`, async (t) => {
    const ours = scoreTemplates(report.inventory.endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`));
    const theirs = scoreTemplates(await harToOpenApiTemplates(har));
    const line = (name: string, score: ReturnType<typeof scoreTemplates>) =>
      `${name}: precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)}; false: ${JSON.stringify(score.falsePositives)} missed: ${JSON.stringify(score.falseNegatives)}`;
    t.diagnostic(line('rampart', ours));
    t.diagnostic(line('har-to-openapi (attemptToParameterizeUrl)', theirs));
    writeFileSync(path.join(tmpdir(), 'rampart-discover-templates.txt'), `${line('rampart', ours)}\n${line('har-to-openapi', theirs)}\n`);
    assert.ok(ours.precision >= 0.95, line('rampart', ours));
    assert.ok(ours.recall >= 0.95, line('rampart', ours));
    assert.equal(TRUE_ENDPOINTS.length, 13);
  });

  it('the reconstructed OpenAPI 3.1 loads in rampart lint without structural errors', () => {
    const text = readFileSync(path.join(dir, 'reconstructed.yaml'), 'utf8');
    assert.match(text, /^openapi: 3\.1\.0/);
    const lint = rampart('lint', 'reconstructed.yaml', '--format', 'json');
    assert.notEqual(lint.status, 2, lint.stderr);
    const structural = (JSON.parse(lint.stdout) as JsonReport).findings.filter((finding) => /^(no-unresolved-refs|no-duplicate-keys|array-items|rule-crashed|oas3-schema|path-params)/.test(finding.ruleId));
    assert.deepEqual(structural, []);
    assert.ok(!/@example\.com|\d{3}-45-\d{4}|sk_live_/.test(text), 'no example values copied from traffic');
    // Nor enums of observed values: the demo's names, SKUs and amounts are not categories.
    assert.ok(!/User \d+|sku-\d+|Lamp|'12\.50'/.test(text), 'no observed values as enums');
  });

  it('never prints sensitive values, in any format', () => {
    const outputs = [run.stdout, rampart('discover', harFile, '--spec', SPEC).stdout, rampart('discover', harFile, '--format', 'markdown').stdout];
    for (const output of outputs) {
      assert.ok(output.length > 500);
      assert.doesNotMatch(output, /user\d+@example\.com/);
      assert.doesNotMatch(output, /\d{3}-45-\d{4}/);
      assert.doesNotMatch(output, /sk_live_/);
      assert.doesNotMatch(output, /eyJ[A-Za-z0-9_-]{10,}/);
    }
  });
});

describe('rampart discover on hostile input', () => {
  it('a truncated HAR: the complete entries, a one-line warning, no stack trace', () => {
    const text = JSON.stringify(har);
    writeFileSync(path.join(dir, 'truncated.har'), text.slice(0, Math.floor(text.length / 2)));
    const result = rampart('discover', 'truncated.har', '--format', 'json');
    assert.equal(result.status, 1, 'exit 1: the weak JWTs of the first half are still found; never 2 or 3');
    assert.match(result.stderr, /^rampart: warning: truncated\.har: the JSON text ends early \(truncated\) after \d+ complete elements/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    const summary = (JSON.parse(result.stdout) as JsonReport).inventory.summary as { exchanges: number };
    assert.ok(summary.exchanges > 20 && summary.exchanges < har.log.entries.length, `read ${summary.exchanges} exchanges`);
  });

  it('a truncated gzip HAR, in discover and proxy --replay: the complete entries and warnings, never exit 3', () => {
    const zipped = gzipSync(JSON.stringify(har));
    writeFileSync(path.join(dir, 'truncated.har.gz'), zipped.subarray(0, Math.floor(zipped.length / 2)));
    const discovered = rampart('discover', 'truncated.har.gz', '--format', 'json');
    const replayed = rampart('proxy', '--replay', 'truncated.har.gz', '--no-config', '--format', 'json');
    for (const result of [discovered, replayed]) {
      assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
      assert.match(result.stderr, /^rampart: warning: truncated\.har\.gz: the gzip data ends early \(truncated\)/);
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
    }
    const exchanges = (JSON.parse(discovered.stdout) as JsonReport).inventory.summary.exchanges as number;
    assert.ok(exchanges > 0 && exchanges < har.log.entries.length, `read ${exchanges} exchanges`);
    assert.equal((JSON.parse(replayed.stdout) as { replay: { exchanges: number } }).replay.exchanges, exchanges);
  });

  it('not traffic at all: exit 2, one line', () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
    const result = rampart('discover', 'notes.txt');
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /notes\.txt: not a HAR file/);
  });

  it('invalid JSON bodies, deep JSON, a huge single body, binary bodies: counted, not fatal', () => {
    let deep = '1';
    for (let k = 0; k < 50_000; k++) deep = `{"d":${deep}}`;
    const base = har.log.entries[0] as { request: Record<string, unknown>; response: { content: Record<string, unknown> } };
    const variant = (pathName: string, content: Record<string, unknown>) => ({ ...base, request: { ...base.request, url: `http://127.0.0.1/${pathName}` }, response: { ...base.response, content } });
    const entries = [
      variant('bad', { mimeType: 'application/json', text: '{"a":' }),
      variant('deep', { mimeType: 'application/json', text: deep }),
      variant('huge', { mimeType: 'application/json', text: JSON.stringify({ blob: 'x'.repeat(20 * 1024 * 1024) }) }),
      variant('binary', { mimeType: 'application/octet-stream', encoding: 'base64', text: Buffer.from([0, 1, 2, 255]).toString('base64') }),
    ];
    writeFileSync(path.join(dir, 'hostile.har'), JSON.stringify({ log: { version: '1.2', entries } }));
    const result = rampart('discover', 'hostile.har', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const endpoints = (JSON.parse(result.stdout) as { inventory: { endpoints: { path: string; invalidJsonBodies: number; opaqueBodies: number }[] } }).inventory.endpoints;
    const byPath = Object.fromEntries(endpoints.map((endpoint) => [endpoint.path, [endpoint.invalidJsonBodies, endpoint.opaqueBodies]]));
    assert.deepEqual(byPath, { '/bad': [1, 0], '/binary': [0, 1], '/deep': [0, 0], '/huge': [0, 1] });
  });
});

/** har-to-openapi's paths (with its URL parameterisation on), without health checks and static files. */
async function harToOpenApiTemplates(log: HarLog): Promise<string[]> {
  const { generateSpec } = (await import('har-to-openapi')) as { generateSpec: (har: unknown, config: Record<string, unknown>) => Promise<{ spec: { paths: Record<string, Record<string, unknown>> } }> };
  const { spec } = await generateSpec(structuredClone(log), { attemptToParameterizeUrl: true, dropPathsWithoutSuccessfulResponse: false, relaxedMethods: true });
  const templates: string[] = [];
  for (const [pathName, item] of Object.entries(spec.paths ?? {})) {
    if (/^\/(health|static\/)/.test(pathName)) continue;
    for (const method of Object.keys(item)) if (/^(get|put|post|delete|patch|head|options)$/.test(method)) templates.push(`${method.toUpperCase()} ${pathName}`);
  }
  return templates;
}
