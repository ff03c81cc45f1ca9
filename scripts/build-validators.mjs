#!/usr/bin/env node
// Generates standalone Ajv validators for the official OpenAPI schemas into dist/generated/, so a
// lint run does not compile them at start-up. Runs after tsc (npm run build); the rules fall back
// to compiling at run time when the generated files are absent (tests run from source).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleDocuments } from './sample-documents.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { _ } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;
const { standaloneAjv } = await import(path.join(root, 'dist/lint/rules/oas/support/ajv.js'));
const { standaloneSource } = await import(path.join(root, 'dist/lint/rules/oas/support/openapi-schema.js'));

const outDir = path.join(root, 'dist/generated');
mkdirSync(outDir, { recursive: true });
const dialects = { oas2: 'draft4', 'oas3.0': 'draft4', 'oas3.1': 'draft2020-12' };
for (const [format, dialect] of Object.entries(dialects)) {
  const ajv = standaloneAjv(dialect, _`require("ajv-formats/dist/formats").fullFormats`);
  const source = standaloneSource(format, ajv, standaloneCode);
  writeFileSync(path.join(outDir, `openapi-${format}.cjs`), source);
}

// The configuration file's validator too: a run with a rampart.yaml then loads no Ajv.
const { configAjv, GENERATED_CONFIG_VALIDATOR } = await import(path.join(root, 'dist/config/validate.js'));
const { configSchema } = await import(path.join(root, 'dist/config/schema.js'));
const configStandalone = configAjv({ source: true, esm: false });
writeFileSync(GENERATED_CONFIG_VALIDATOR, standaloneCode(configStandalone, configStandalone.compile(configSchema)));

// V8 code caches of the generated modules, taken after they have validated sample documents, so a
// lint run neither parses the modules nor compiles the validator functions those documents reach
// (about a third of a small run). Each document of a format is exercised, plus every fragment.
const { tuneV8ForBatchRun, writeCodeCache } = await import(path.join(root, 'dist/core/code-cache.js'));
// Under the V8 settings lint runs with (cli/bundle-loader.ts): V8 takes a cache only under the flags it was written with.
tuneV8ForBatchRun();
const samples = sampleDocuments(root);
await writeCodeCache(GENERATED_CONFIG_VALIDATOR, (validate) => {
  validate({ extends: ['recommended'], rules: { 'operation-tags': 'warn' }, overrides: [{ files: ['**#/paths'], rules: { a: 0 } }], lint: { format: ['json'], quiet: true } });
  validate({ rules: { a: 'loud' } });
  validate({ extends: [1] });
});
for (const format of Object.keys(dialects)) {
  await writeCodeCache(path.join(outDir, `openapi-${format}.cjs`), (validators) => {
    for (const document of samples[format]) validators.document(document);
    for (const [name, validate] of Object.entries(validators)) if (name.startsWith('fragment_')) validate({});
  });
}
