import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { createAjv } from '../../core/ajv.js';
import { prettifyAjvErrors } from '../../lint/spectral-ajv-errors.js';
import { defineCoreFunction } from '../types.js';

const require = createRequire(import.meta.url);

export const DIALECTS = ['auto', 'draft4', 'draft6', 'draft7', 'draft2019-09', 'draft2020-12'] as const;
type Dialect = (typeof DIALECTS)[number];
type Family = 'default' | 'draft4' | 'draft2019-09' | 'draft2020-12';

const SCHEMA_URI = /^https?:\/\/json-schema.org\/(?:draft-0([467])|draft\/(20(?:19-09|20-12)))\/(?:hyper-)?schema#?$/;

/** The dialect a schema declares with `$schema` (Spectral's detection), or undefined. */
export function detectDialect(schema: Record<string, unknown>): Dialect | undefined {
  if (typeof schema.$schema !== 'string' || !schema.$schema.includes('//json-schema.org/')) return undefined;
  const match = SCHEMA_URI.exec(schema.$schema);
  if (!match) return undefined;
  return (match[1] ? `draft${match[1]}` : `draft${match[2]}`) as Dialect;
}

const silentLogger = {
  log: () => undefined,
  warn: (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('unknown format')) return;
  },
  error: () => undefined,
};

function ajvForFamily(family: Family, allErrors: boolean): Ajv {
  const options: Options = { allErrors, meta: true, messages: true, strict: false, allowUnionTypes: true, logger: silentLogger, unicodeRegExp: false };
  const ajv = createAjv(family === 'default' ? 'draft7' : family, options);
  if (family === 'default') ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  return ajv;
}

const instances = new Map<string, Ajv>();
const compiled = new WeakMap<Ajv, WeakMap<object, ValidateFunction>>();

function validatorFor(schema: Record<string, unknown>, dialect: Dialect, allErrors: boolean): ValidateFunction {
  const family: Family = dialect === 'draft4' || dialect === 'draft2019-09' || dialect === 'draft2020-12' ? dialect : 'default';
  const key = `${family}:${allErrors}`;
  let ajv = instances.get(key);
  if (!ajv) {
    ajv = ajvForFamily(family, allErrors);
    instances.set(key, ajv);
  }
  if (typeof schema.$id === 'string') return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  let cache = compiled.get(ajv);
  if (!cache) compiled.set(ajv, (cache = new WeakMap()));
  let validate = cache.get(schema);
  if (!validate) cache.set(schema, (validate = ajv.compile(schema)));
  return validate;
}

export default defineCoreFunction({
  name: 'schema',
  options: {
    additionalProperties: false,
    properties: {
      schema: { type: 'object' },
      dialect: { enum: [...DIALECTS], default: 'auto' },
      allErrors: { type: 'boolean', default: false },
    },
    required: ['schema'],
    type: 'object',
    errorMessage: {
      type: '"schema" function has invalid options specified. Example valid options: { "schema": { /* any JSON Schema can be defined here */ } , { "schema": { "type": "object" }, "dialect": "auto" }',
    },
  },
  run(input, options: { schema: Record<string, unknown>; dialect?: Dialect; allErrors?: boolean }, { path, rule }) {
    if (input === undefined) return [{ path, message: '#{{print("property")}}must exist' }];
    const dialect = options.dialect === undefined || options.dialect === 'auto' ? (detectDialect(options.schema) ?? 'draft7') : options.dialect;
    try {
      const validate = validatorFor(options.schema, dialect, options.allErrors === true);
      if (validate(input) !== false || !Array.isArray(validate.errors)) return [];
      return prettifyAjvErrors(validate.errors, input, path).map(({ message, path: below }) => ({
        message,
        path: [...path, ...(below !== '' ? below.replace(/^\//, '').split('/') : [])],
      }));
    } catch (error) {
      if (!(error instanceof Error)) throw new Error('Unexpected error');
      // A $ref the schema cannot reach is expected on resolved documents; Spectral stays quiet then.
      if (rule.resolved && (error as { missingRef?: unknown }).missingRef !== undefined) return [];
      return [{ message: error.message, path }];
    }
  },
});

