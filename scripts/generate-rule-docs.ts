// Writes docs/rules.md from the built-in rules' metadata. Run: npx tsx scripts/generate-rule-docs.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesMarkdown } from '../src/lint/rules/rule-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'rules.md');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderRulesMarkdown());
console.log(`wrote ${path.relative(root, target)}`);
