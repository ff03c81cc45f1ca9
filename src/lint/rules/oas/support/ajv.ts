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
  // Validate the document as written: no defaults filled in.
  useDefaults: false,
  // The official schemas are known good: skip validating them against their meta-schemas, and
  // skip codegen optimisation passes (compile time matters when validators are built at run time).
  validateSchema: false,
  code: { optimize: false },
};

const instances = new Map<Dialect, AjvClass>();

/**
 * A fresh Ajv that keeps generated source, for build-time standalone validators
 * (`scripts/build-validators.mjs`): compiling the official OpenAPI schemas at every start-up costs
 * more than linting a small document.
 */
export function standaloneAjv(dialect: Dialect, formatsCode: unknown): AjvClass {
  const options = { ...OPTIONS, code: { source: true, esm: false, formats: formatsCode as never } };
  return createAjv(dialect, options);
}

/**
 * One Ajv per dialect per process, for the official schemas when no build-time validators exist
 * (tests from source): compiled schemas stay cached inside it.
 */
export function ajvFor(dialect: Dialect): AjvClass {
  let ajv = instances.get(dialect);
  if (!ajv) instances.set(dialect, (ajv = createAjv(dialect, OPTIONS)));
  return ajv;
}
