import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { lint } from '../../../lint.js';

/**
 * Spectral OWASP parity: Spectral's published OWASP ruleset (`@stoplight/spectral-owasp-ruleset`)
 * and Rampart's `owasp` rules on the same documents. Every Spectral result must have a Rampart
 * counterpart: the mapped rule, the same file, and the same JSON pointer or one on its path (Rampart
 * reports some root causes once, e.g. rate-limit headers per operation rather than per response;
 * Spectral truncates paths at keys that contain dots). Results Rampart leaves out on purpose are
 * waived below, each with its reason; Rampart-only findings are allowed (rules Spectral lacks).
 */
const REPO = path.resolve(import.meta.dirname, '../../../../..');
const RULESET = 'src/lint/rules/owasp/__tests__/fixtures/spectral-owasp.yaml';
const CORPUS = path.resolve(REPO, '../shared/corpus');
const corpus = ['petstore/petstore.yaml', 'crapi/crapi-openapi-spec.json', 'adyen-checkout/CheckoutService-v71.json'].map((name) => path.join(CORPUS, name)).filter((file) => existsSync(file));
const DOCUMENTS = [path.join(REPO, 'examples/bookstore/openapi.yaml'), ...corpus];

/** Spectral OWASP rule (2023 name without prefix) → Rampart rule, where the names differ. */
const RENAMED: Record<string, string> = {
  'no-additionalProperties': 'owasp-api3-no-additional-properties',
  'no-unevaluatedProperties': 'owasp-api3-no-additional-properties',
  'constrained-additionalProperties': 'owasp-api3-constrained-additional-properties',
  'constrained-unevaluatedProperties': 'owasp-api3-constrained-additional-properties',
  'integer-limit-legacy': 'owasp-api4-integer-limit',
  'no-scheme-http': 'owasp-api8-no-http-servers',
  'no-server-http': 'owasp-api8-no-http-servers',
};

export function rampartRuleOf(spectralCode: string): string | undefined {
  const match = /^owasp:api(\d+):2023-(.+)$/.exec(spectralCode);
  if (!match) return undefined;
  return RENAMED[match[2]!] ?? `owasp-api${match[1]}-${match[2]}`;
}

interface SpectralResult {
  code: string;
  path: (string | number)[];
  source: string;
  message: string;
}

/** Deliberate differences (README "Rule bases"): a Spectral result Rampart does not report, and why. */
const WAIVERS: { rule: string; reason: string; applies: (pointer: string, node: unknown) => boolean }[] = [
  {
    rule: 'owasp-api4-string-limit',
    reason: 'fixed-length formats (date, date-time, uuid, …) bound the length already',
    applies: (_pointer, node) => isObject(node) && ['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6'].includes(String(node.format)),
  },
  {
    rule: 'owasp-api8-define-cors-origin',
    reason: 'Spectral matches any key named "headers": schema properties, example values, the components/headers map',
    applies: (pointer) => /\/(properties|examples|value)\//.test(pointer) || pointer === '/components/headers',
  },
];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function runSpectral(documents: readonly string[]): Promise<SpectralResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'node_modules/.bin/spectral'), 'lint', '-r', RULESET, '-f', 'json', '--quiet', ...documents], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // Exit 1 means "results found"; anything else is a failed run.
    child.on('close', (code) => (code === 0 || code === 1 ? resolve(JSON.parse(stdout || '[]') as SpectralResult[]) : reject(new Error(`spectral exited ${code}: ${stderr}`))));
  });
}

const escape = (segment: string | number) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

function nodeAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const segment of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

test('owasp: every Spectral OWASP result has a Rampart counterpart', { timeout: 300_000 }, async (t) => {
  if (!existsSync(path.join(REPO, 'node_modules/@stoplight/spectral-owasp-ruleset'))) {
    t.skip('@stoplight/spectral-owasp-ruleset is not installed');
    return;
  }
  if (corpus.length === 0) t.diagnostic('../shared/corpus not found: parity runs on the bookstore example only');
  const [spectral, rampart] = await Promise.all([runSpectral(DOCUMENTS), lint(DOCUMENTS, { cwd: REPO })]);
  const reported = new Map<string, string[]>();
  for (const finding of rampart.findings) {
    const location = finding.location as { file?: string; pointer?: string };
    if (location.file === undefined) continue;
    const key = `${finding.ruleId} ${path.resolve(REPO, location.file)}`;
    reported.set(key, [...(reported.get(key) ?? []), location.pointer ?? '']);
  }
  const values = new Map<string, unknown>();
  const valueOf = (file: string) => {
    if (!values.has(file)) values.set(file, file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : load(readFileSync(file, 'utf8')));
    return values.get(file);
  };
  const unexplained: string[] = [];
  const waived = new Map<string, number>();
  let matched = 0;
  const seen = new Set<string>();
  for (const result of spectral) {
    const rule = rampartRuleOf(result.code);
    if (!rule) continue;
    const pointer = result.path.length === 0 ? '' : `/${result.path.map(escape).join('/')}`;
    const id = `${rule} ${result.source}#${pointer}`;
    if (seen.has(id)) continue;
    seen.add(id);
    // The two additionalProperties rules split one concern (open `true`/`{}` vs schema without maxProperties) differently from Spectral's pair.
    const candidates = rule.endsWith('additional-properties') ? ['owasp-api3-no-additional-properties', 'owasp-api3-constrained-additional-properties'] : [rule];
    const pointers = candidates.flatMap((candidate) => reported.get(`${candidate} ${result.source}`) ?? []);
    if (pointers.some((other) => other === pointer || pointer.startsWith(`${other}/`) || other.startsWith(`${pointer}/`))) {
      matched++;
      continue;
    }
    const waiver = WAIVERS.find((entry) => entry.rule === rule && entry.applies(pointer, nodeAt(valueOf(result.source), pointer)));
    if (waiver) waived.set(waiver.reason, (waived.get(waiver.reason) ?? 0) + 1);
    else unexplained.push(`${rule} ${path.relative(REPO, result.source)}#${pointer}: ${result.message}`);
  }
  t.diagnostic(`${DOCUMENTS.length} documents, ${seen.size} Spectral OWASP results, ${matched} with a Rampart counterpart, waived: ${[...waived].map(([reason, count]) => `${count} (${reason})`).join('; ') || 'none'}`);
  assert.ok(matched > 0, 'no results at all: the comparison would prove nothing');
  assert.deepEqual(unexplained, [], 'Spectral OWASP results without a Rampart counterpart');
});
