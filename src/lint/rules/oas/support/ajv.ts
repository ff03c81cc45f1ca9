import { createRequire } from 'node:module';
import type { Ajv as AjvClass, Options } from 'ajv';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';

// ajv-draft-04 and ajv-formats are CommonJS with a `default` export; require keeps their types simple.
const require = createRequire(import.meta.url);
const AjvDraft04 = (require('ajv-draft-04') as { default: new (options: Options) => AjvClass }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: AjvClass) => AjvClass }).default;

export type Dialect = 'draft4' | 'draft7' | 'draft2020-12';

const OPTIONS: Options = {
  allErrors: true,
  strict: false,
  allowUnionTypes: true,
  validateFormats: true,
  unicodeRegExp: false,
  logger: false,
  // Spectral's example checks validate against the schema as written: no defaults filled in.
  useDefaults: false,
  // Compile cost dominates one-shot example checks: skip validating each schema against its
  // meta-schema (oas3-schema reports broken schemas) and skip codegen optimisation passes.
  validateSchema: false,
  code: { optimize: false },
};

const instances = new Map<string, AjvClass>();

/**
 * A fresh Ajv that keeps generated source, for build-time standalone validators
 * (`scripts/build-validators.mjs`): compiling the official OpenAPI schemas at every start-up costs
 * more than linting a small document.
 */
export function standaloneAjv(dialect: Dialect, formatsCode: unknown): AjvClass {
  const options = { ...OPTIONS, allErrors: true, code: { source: true, esm: false, formats: formatsCode as never } };
  const ajv = dialect === 'draft4' ? new AjvDraft04(options) : dialect === 'draft2020-12' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  return ajv;
}

/**
 * One Ajv per dialect (and error mode) per process: compiled schemas stay cached inside it.
 * `allErrors: false` stops at the first error, as Spectral's example checks do.
 */
export function ajvFor(dialect: Dialect, allErrors = true): AjvClass {
  const key = `${dialect}:${allErrors}`;
  let ajv = instances.get(key);
  if (!ajv) {
    const options = { ...OPTIONS, allErrors };
    ajv = dialect === 'draft4' ? new AjvDraft04(options) : dialect === 'draft2020-12' ? new Ajv2020(options) : new Ajv(options);
    addFormats(ajv);
    instances.set(key, ajv);
  }
  return ajv;
}
