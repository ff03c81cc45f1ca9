import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { compare, keyOf, runRampart, runSpectral } from './parity-harness.js';
import { PARITY_WAIVERS } from './parity-waivers.js';

/**
 * Spectral parity: realistic custom rulesets run by the installed Spectral CLI and by Rampart on the
 * same documents. Every (rule, file, pointer, severity, line, message) must match, except differences
 * listed with a reason in parity-waivers.ts.
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = 'src/ruleset/__tests__/fixtures/parity';
const CORPUS = path.resolve(REPO, '../shared/corpus');
const corpusDocuments = ['petstore/petstore.yaml', 'crapi/crapi-openapi-spec.json', 'adyen-checkout/CheckoutService-v71.json']
  .map((name) => path.join(CORPUS, name))
  .filter((file) => existsSync(file))
  .map((file) => path.relative(REPO, file));

const DOCUMENTS = [`${FIXTURES}/docs/petfood.yaml`, `${FIXTURES}/docs/legacy.json`, `${FIXTURES}/docs/webhooks.yaml`, 'examples/bookstore/openapi.yaml', ...corpusDocuments];
const RULESETS = [`${FIXTURES}/rulesets/core-functions.yaml`, `${FIXTURES}/rulesets/aliases-overrides.yaml`];

test('custom rulesets: Rampart reports what Spectral reports', { timeout: 120_000 }, async (t) => {
  if (!existsSync(path.join(REPO, 'node_modules/.bin/spectral'))) {
    t.skip('Spectral CLI is not installed');
    return;
  }
  if (corpusDocuments.length === 0) t.diagnostic('../shared/corpus not found: parity runs on the repository fixtures only');
  const runs = await Promise.all(
    RULESETS.map(async (ruleset) => {
      const [spectral, rampart] = await Promise.all([runSpectral(REPO, ruleset, DOCUMENTS), runRampart(REPO, ruleset, DOCUMENTS)]);
      return { ruleset, spectral: spectral.filter((result) => rampart.ruleIds.has(result.ruleId)), rampart };
    }),
  );
  const unexplained: string[] = [];
  for (const run of runs) {
    const result = compare(run.spectral, run.rampart.findings, PARITY_WAIVERS);
    const byWaiver = new Map<string, number>();
    for (const item of result.waived) byWaiver.set(item.waiver, (byWaiver.get(item.waiver) ?? 0) + 1);
    const rulesSeen = new Set(run.spectral.map((item) => item.ruleId));
    t.diagnostic(
      `${path.basename(run.ruleset)}: ${DOCUMENTS.length} documents, ${run.rampart.ruleIds.size} rules (${rulesSeen.size} with results), ` +
        `${run.spectral.length} Spectral results, ${run.rampart.findings.length} Rampart findings, ${result.matching} identical, ` +
        `waived: ${[...byWaiver].map(([id, count]) => `${id} ×${count}`).join(', ') || 'none'}`,
    );
    assert.ok(result.matching > 0, `${run.ruleset}: no results at all; the comparison would prove nothing`);
    for (const item of result.spectralOnly) unexplained.push(`only Spectral  ${keyOf(item)}`);
    for (const item of result.rampartOnly) unexplained.push(`only Rampart   ${keyOf(item)}`);
  }
  assert.deepEqual(unexplained, [], 'differences without a waiver');
});

test('every parity ruleset uses every core function at least once', async () => {
  const { readFileSync } = await import('node:fs');
  const { coreFunctions } = await import('../functions/index.js');
  const text = RULESETS.map((file) => readFileSync(path.join(REPO, file), 'utf8')).join('\n') + readFileSync(path.join(REPO, FIXTURES, 'rulesets/base.yaml'), 'utf8');
  const missing = Object.keys(coreFunctions).filter((name) => !new RegExp(`function: ${name}\\b`).test(text));
  assert.deepEqual(missing, []);
});
