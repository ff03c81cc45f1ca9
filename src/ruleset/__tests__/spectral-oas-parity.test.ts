import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { oasRules } from '../../lint/rules/index.js';
import { compare, keyOf, runRampart, runSpectral } from './parity-harness.js';
import { PARITY_WAIVERS, SPECTRAL_OAS_WAIVERS } from './parity-waivers.js';

/**
 * Spectral parity of the built-in rules: Spectral's own `spectral:oas` ruleset and Rampart's
 * implementations of it (the same ids, reached through `extends: spectral:oas`), every rule on,
 * run on the same documents. Every (rule, file, pointer, severity, line, message) must match,
 * except differences listed with a reason in parity-waivers.ts.
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = 'src/ruleset/__tests__/fixtures/parity';
const RULESET = `${FIXTURES}/rulesets/spectral-oas-all.yaml`;
const CORPUS = path.resolve(REPO, '../shared/corpus');
// Small ones, of each version: OpenAPI 3.0 (petstore, crapi), 3.1 (adyen-checkout), Swagger 2.0 (slack-web).
const corpusDocuments = ['petstore/petstore.yaml', 'crapi/crapi-openapi-spec.json', 'adyen-checkout/CheckoutService-v71.json', 'slack-web/slack_web_openapi_v2.json']
  .map((name) => path.join(CORPUS, name))
  .filter((file) => existsSync(file))
  .map((file) => path.relative(REPO, file));

const DOCUMENTS = [
  `${FIXTURES}/docs/oas/swagger2.yaml`,
  `${FIXTURES}/docs/oas/swagger2-no-host.json`,
  `${FIXTURES}/docs/oas/openapi30.yaml`,
  `${FIXTURES}/docs/oas/openapi31.yaml`,
  `${FIXTURES}/docs/petfood.yaml`,
  `${FIXTURES}/docs/legacy.json`,
  `${FIXTURES}/docs/webhooks.yaml`,
  'examples/bookstore/openapi.yaml',
  ...corpusDocuments,
];

/** Spectral rules Rampart does not implement, each with its reason. */
const NOT_IMPLEMENTED: Record<string, string> = {
  'oas3_2-no-deprecated-xml-attribute': 'OpenAPI 3.2 documents are not supported yet; the rule applies to nothing else.',
};

const spectralInstalled = existsSync(path.join(REPO, 'node_modules/.bin/spectral'));

test('spectral:oas: Rampart\'s built-in rules report what Spectral\'s report', { timeout: 120_000 }, async (t) => {
  if (!spectralInstalled) {
    t.skip('Spectral CLI is not installed');
    return;
  }
  if (corpusDocuments.length === 0) t.diagnostic('../shared/corpus not found: parity runs on the repository fixtures only');
  const [spectral, rampart] = await Promise.all([runSpectral(REPO, RULESET, DOCUMENTS), runRampart(REPO, RULESET, DOCUMENTS)]);
  const result = compare(spectral, rampart.findings, [...PARITY_WAIVERS, ...SPECTRAL_OAS_WAIVERS]);
  const byWaiver = new Map<string, number>();
  for (const item of result.waived) byWaiver.set(item.waiver, (byWaiver.get(item.waiver) ?? 0) + 1);
  const rulesSeen = new Set(spectral.map((item) => item.ruleId));
  t.diagnostic(
    `spectral:oas all: ${DOCUMENTS.length} documents, ${rampart.ruleIds.size} rules (${rulesSeen.size} with results), ` +
      `${spectral.length} Spectral results, ${rampart.findings.length} Rampart findings, ${result.matching} identical, ` +
      `waived: ${[...byWaiver].map(([id, count]) => `${id} ×${count}`).join(', ') || 'none'}`,
  );
  assert.ok(result.matching > 0, 'no results at all; the comparison would prove nothing');
  const unexplained = [...result.spectralOnly.map((item) => `only Spectral  ${keyOf(item)}`), ...result.rampartOnly.map((item) => `only Rampart   ${keyOf(item)}`)];
  assert.deepEqual(unexplained, [], 'differences without a waiver');
});

test('spectral:oas: every Spectral rule has a Rampart rule of the same id', (t) => {
  const require = createRequire(import.meta.url);
  let spectralRules: Record<string, unknown>;
  try {
    spectralRules = require('@stoplight/spectral-rulesets').oas.rules;
  } catch {
    t.skip('@stoplight/spectral-rulesets is not installed');
    return;
  }
  const missing = Object.keys(spectralRules).filter((id) => !(id in oasRules) && !(id in NOT_IMPLEMENTED));
  const extra = Object.keys(oasRules).filter((id) => !(id in spectralRules));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
});
