import type { Ajv as AjvClass, Options } from 'ajv';
import { createAjv } from '../../../../core/ajv.js';

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
  return createAjv(dialect, options);
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
    ajv = createAjv(dialect, options);
    instances.set(key, ajv);
  }
  return ajv;
}
