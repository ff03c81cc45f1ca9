import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { configSchema } from '../schema.js';
import { configAjv, GENERATED_CONFIG_VALIDATOR } from '../validate.js';

/** The build's standalone validator judges every configuration as the compiled schema does, with the same errors. */
const configs: unknown[] = [
  {},
  { extends: ['recommended', 'owasp'], rules: { 'operation-tags': 'warn', x: 0 }, overrides: [{ files: ['legacy/**#/paths'], rules: { x: 'off' } }] },
  { lint: { failSeverity: 'warning', maxWarnings: 3, format: ['json', 'sarif:out.sarif'], baseline: 'b.json', quiet: true }, allowRemote: true },
  { rule: {} },
  { rules: { a: 'loud' } },
  { rules: { a: 7 } },
  { extends: [1] },
  { extends: 3 },
  { overrides: [{ files: [] }] },
  { overrides: [{ files: ['#/paths'] }] },
  { overrides: [{ rules: {} }] },
  { lint: { maxWarnings: -1 } },
  { lint: { colour: true } },
  [],
];

test('the generated configuration validator agrees with the schema compiled at run time', { skip: !existsSync(GENERATED_CONFIG_VALIDATOR) && 'needs `npm run build`' }, () => {
  const generated = createRequire(import.meta.url)(GENERATED_CONFIG_VALIDATOR) as ValidateFunction;
  const compiled = configAjv().compile(configSchema);
  const verdict = (validate: ValidateFunction, value: unknown) => {
    const valid = validate(value);
    const errors = (validate.errors ?? []).map((error: ErrorObject) => [error.keyword, error.instancePath, error.params, (error.parentSchema as { expected?: string } | undefined)?.expected]);
    return { valid, errors };
  };
  for (const config of configs) assert.deepEqual(verdict(generated, config), verdict(compiled, config), JSON.stringify(config));
});
