import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { builtinRules } from '../index.js';
import { renderRulesMarkdown } from '../rule-docs.js';

describe('docs/rules.md', () => {
  it('is up to date with the rules\' metadata (regenerate with: npx tsx scripts/generate-rule-docs.ts)', () => {
    const written = readFileSync('docs/rules.md', 'utf8');
    assert.ok(written === renderRulesMarkdown(), 'docs/rules.md is out of date: run npx tsx scripts/generate-rule-docs.ts');
  });

  it('documents every built-in rule', () => {
    const text = renderRulesMarkdown();
    for (const id of Object.keys(builtinRules)) assert.ok(text.includes(`### \`${id}\``), `no section for ${id}`);
  });
});
