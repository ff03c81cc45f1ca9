import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { requireWithCodeCache } from '../core/code-cache.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { createAjv } from '../core/ajv.js';
import { joinPointer } from '../spec/pointer.js';
import { closeMatches } from '../core/close-matches.js';
import type { ConfigSource } from './config-source.js';
import { configSchema, type RampartConfig } from './schema.js';

let compiled: ValidateFunction | undefined;

/** Where the build writes the validator (scripts/build-validators.mjs). */
export const GENERATED_CONFIG_VALIDATOR = path.join(PACKAGE_ROOT, 'dist', 'generated', 'config.cjs');

/**
 * The build's standalone validator when there is one: a run with a configuration file then loads
 * neither Ajv (some 40 modules) nor compiles the schema, which took as long as linting a small
 * document. Tests from source compile it on first use.
 */
function configValidator(): ValidateFunction {
  if (compiled) return compiled;
  if (existsSync(GENERATED_CONFIG_VALIDATOR)) return (compiled = requireWithCodeCache(GENERATED_CONFIG_VALIDATOR) as ValidateFunction);
  return (compiled = configAjv().compile(configSchema));
}

/** The Ajv the validator is compiled with; `code` set, the build turns it into a standalone module. */
export function configAjv(code?: Options['code']): Ajv {
  const ajv = createAjv('draft7', { allErrors: false, verbose: true, strict: true, ...(code ? { code } : {}) }, { formats: false });
  // Our annotation: the human wording of an allowed value, used instead of Ajv's per-branch errors.
  ajv.addKeyword({ keyword: 'expected', schemaType: 'string' });
  return ajv;
}

/** Checks a parsed configuration against the schema; throws RAMPART_CONFIG_INVALID at the first problem, with its position. */
export function validateConfig(config: ConfigSource): RampartConfig {
  const value = config.source.value ?? {};
  const validateSchema = configValidator();
  if (validateSchema(value)) return value as RampartConfig;
  throw toError(config, pickError(validateSchema.errors ?? []));
}

/**
 * With anyOf, Ajv lists each failed branch before the anyOf error itself: the anyOf one speaks for
 * them all, unless a branch failed below the value (a bad item in a list the value may be), which
 * is then the precise place.
 */
function pickError(errors: readonly ErrorObject[]): ErrorObject {
  const first = errors[0]!;
  const anyOf = errors.find((error) => error.keyword === 'anyOf' && first.instancePath.startsWith(error.instancePath));
  if (!anyOf) return first;
  const deeper = errors.find((error) => error.instancePath.length > anyOf.instancePath.length && error.instancePath.startsWith(`${anyOf.instancePath}/`));
  return deeper ?? anyOf;
}

function toError(config: ConfigSource, error: ErrorObject) {
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {}).filter((name) => name !== '$schema');
    const near = closeMatches(key, allowed, 1);
    const hint = near.length > 0 ? `; did you mean "${near[0]}"?` : `; expected one of ${allowed.join(', ')}`;
    return config.error(joinPointer(error.instancePath, key), `unknown key "${key}"${hint}`, 'RAMPART_CONFIG_INVALID', error.instancePath);
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return config.error(error.instancePath, `missing "${missing}"`);
  }
  const expected = (error.parentSchema as { expected?: string } | undefined)?.expected;
  const wording = expected ?? error.message ?? 'invalid value';
  return config.error(error.instancePath, `expected ${wording.replace(/^must (be )?/, '')}, got ${describe(error.data)}`);
}

/** A short, quoted rendering of a bad value for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty mapping' : 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
