import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SEVERITIES } from '../../../core/severity.js';
import { builtinRules, designRules, oasRules, owaspRules } from '../index.js';

/** Where each registry's rule files live, relative to src/lint/rules. */
const FOLDERS: [string, Record<string, unknown>][] = [
  ['oas', oasRules],
  ['design', designRules],
  ['owasp', owaspRules],
];

/** Intentional gaps, each with its reason. Empty today: every rule meets every check. */
const WAIVERS: Record<string, { check: string; reason: string }[]> = {};

const RULES_DIR = path.resolve('src/lint/rules');

function folderOf(id: string): string {
  const entry = FOLDERS.find(([, registry]) => id in registry);
  assert.ok(entry, `rule "${id}" is in builtinRules but in no ruleset registry`);
  return entry[0];
}

function waived(id: string, check: string): boolean {
  return (WAIVERS[id] ?? []).some((waiver) => waiver.check === check);
}

describe('built-in rule registry', () => {
  it('has no duplicate ids across rulesets', () => {
    const total = FOLDERS.reduce((sum, [, registry]) => sum + Object.keys(registry).length, 0);
    assert.equal(Object.keys(builtinRules).length, total);
  });

  it('places findings as Spectral does for the spectral:oas rules, and only for them', () => {
    const mismatched = Object.entries(builtinRules)
      .filter(([id, rule]) => (rule.meta.spectralPositions === true) !== (id in oasRules))
      .map(([id]) => id);
    assert.deepEqual(mismatched, []);
  });

  it('waivers name existing rules and give a reason', () => {
    for (const [id, list] of Object.entries(WAIVERS)) {
      assert.ok(id in builtinRules, `waiver for unknown rule "${id}"`);
      for (const waiver of list) assert.ok(waiver.reason.trim().length > 10, `waiver ${id}/${waiver.check} needs a reason`);
    }
  });

  for (const [key, rule] of Object.entries(builtinRules)) {
    describe(key, () => {
      const folder = folderOf(key);
      it('id matches its registry key and its file name', () => {
        assert.equal(rule.id, key);
        if (!waived(key, 'file')) assert.ok(existsSync(path.join(RULES_DIR, folder, `${key}.ts`)), `expected src/lint/rules/${folder}/${key}.ts`);
      });
      it('has complete metadata', () => {
        const { meta } = rule;
        if (!waived(key, 'description')) assert.ok(meta.description?.trim(), 'description');
        assert.ok((SEVERITIES as readonly string[]).includes(meta.defaultSeverity), `defaultSeverity "${meta.defaultSeverity}"`);
        assert.equal(typeof meta.recommended, 'boolean', 'recommended');
        assert.ok(Object.keys(meta.messages).length > 0, 'messages');
        for (const [id, template] of Object.entries(meta.messages)) assert.ok(String(template).trim(), `message "${id}" is empty`);
        if (!waived(key, 'docs')) {
          for (const field of ['why', 'fix', 'bad', 'good'] as const) assert.ok(meta.docs?.[field]?.trim(), `docs.${field}`);
          assert.notEqual(meta.docs.bad.trim(), meta.docs.good.trim(), 'docs.bad and docs.good are the same');
        }
      });
      it('has a test file that runs it', () => {
        if (waived(key, 'test')) return;
        const file = path.join(RULES_DIR, folder, '__tests__', `${key}.test.ts`);
        assert.ok(existsSync(file), `expected src/lint/rules/${folder}/__tests__/${key}.test.ts`);
        const text = readFileSync(file, 'utf8');
        assert.ok(text.includes(`/${key}.js'`), `the test file does not import ../${key}.js`);
      });
    });
  }
});
