import type { FromSchema } from './schema-type.js';

/**
 * The configuration file (`rampart.yaml`, `.rampart.yaml`, `rampart.json`, `.rampart.json`).
 * This schema is the single source of truth: `validate.ts` checks files against it and
 * `RampartConfig` is derived from it. `expected` is our annotation: the human wording of what a
 * value may be, used in error messages instead of Ajv's per-branch errors.
 */

const severity = {
  expected: 'error, warning, info, hint or off',
  anyOf: [
    { type: 'string', enum: ['error', 'warning', 'warn', 'info', 'hint', 'off'] },
    { type: 'integer', minimum: 0, maximum: 3 },
  ],
} as const;

const ruleSettings = {
  type: 'object',
  expected: 'a mapping of rule id to severity',
  additionalProperties: severity,
} as const;

const stringOrList = (expected: string) =>
  ({
    expected,
    anyOf: [
      { type: 'string', minLength: 1 },
      { type: 'array', items: { type: 'string', minLength: 1, expected: 'a non-empty string' } },
    ],
  }) as const;

export const configSchema = {
  type: 'object',
  expected: 'a mapping (extends, rules, overrides, lint, allowRemote, allowOutsideRoot, allowCustomFunctions)',
  additionalProperties: false,
  properties: {
    /** Editors use it to find a schema; Rampart ignores it. */
    $schema: { type: 'string' },
    /** Ruleset names (`recommended`, `owasp`, `spectral:oas`) or Spectral-format files; replaces the defaults. */
    extends: stringOrList('a ruleset name or file, or a list of them'),
    rules: ruleSettings,
    overrides: {
      type: 'array',
      expected: 'a list of { files, rules }',
      items: {
        type: 'object',
        expected: 'a mapping with files and rules',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: {
            type: 'array',
            expected: 'a non-empty list of globs (optionally glob#/json/pointer)',
            minItems: 1,
            // A pointer alone (`#/paths`) names no file: `**#/paths` is every file.
            items: { type: 'string', pattern: '^[^#]', expected: 'a glob, optionally followed by #/json/pointer (**#/paths for every file)' },
          },
          rules: ruleSettings,
        },
      },
    },
    lint: {
      type: 'object',
      expected: 'a mapping (failSeverity, maxWarnings, format, baseline, quiet)',
      additionalProperties: false,
      properties: {
        failSeverity: { type: 'string', enum: ['error', 'warning', 'info', 'hint'], expected: 'error, warning, info or hint' },
        maxWarnings: { type: 'integer', minimum: 0, expected: 'an integer ≥ 0' },
        format: stringOrList('a format (name or name:file), or a list of them'),
        baseline: { type: 'string', minLength: 1, expected: 'a file name' },
        quiet: { type: 'boolean', expected: 'true or false' },
      },
    },
    allowRemote: { type: 'boolean', expected: 'true or false' },
    allowOutsideRoot: { type: 'boolean', expected: 'true or false' },
    allowCustomFunctions: { type: 'boolean', expected: 'true or false' },
    /** Identities and limits for `rampart scan`; validated by src/scan/config.ts, which owns it. */
    scan: { type: 'object', expected: 'a mapping (see rampart scan: target, rps, budget, identities, adminOperations)' },
    /** Detectors, identity and store settings for `rampart proxy`; validated by src/monitor/config.ts, which owns it. */
    proxy: { type: 'object', expected: 'a mapping (see rampart proxy: detectors, identity, store, alerts)' },
  },
} as const;

export type RampartConfig = FromSchema<typeof configSchema>;
export type SeveritySetting = FromSchema<typeof severity>;

/** The file names looked for in each folder, in this order of preference. */
export const CONFIG_FILE_NAMES = ['rampart.yaml', 'rampart.yml', '.rampart.yaml', '.rampart.yml', 'rampart.json', '.rampart.json'] as const;
