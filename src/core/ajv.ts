import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';

export type JsonSchemaDialect = 'draft4' | 'draft7' | 'draft2019-09' | 'draft2020-12';

const require = createRequire(import.meta.url);

/**
 * A new Ajv for one JSON Schema dialect, with ajv-formats unless told otherwise. Ajv is loaded on
 * first use, not at import: most lint runs never need it, and loading it (some 40 modules) costs
 * more than linting a small document.
 */
export function createAjv(dialect: JsonSchemaDialect, options: Options, { formats = true }: { formats?: boolean } = {}): Ajv {
  const Constructor = ajvClass(dialect);
  const ajv = new Constructor(options);
  if (formats) (require('ajv-formats') as { default: (instance: Ajv) => Ajv }).default(ajv);
  return ajv;
}

function ajvClass(dialect: JsonSchemaDialect): new (options: Options) => Ajv {
  switch (dialect) {
    case 'draft4':
      return (require('ajv-draft-04') as { default: new (options: Options) => Ajv }).default;
    case 'draft2019-09':
      return (require('ajv/dist/2019.js') as { Ajv2019: new (options: Options) => Ajv }).Ajv2019;
    case 'draft2020-12':
      return (require('ajv/dist/2020.js') as { Ajv2020: new (options: Options) => Ajv }).Ajv2020;
    case 'draft7':
      return (require('ajv') as { Ajv: new (options: Options) => Ajv }).Ajv;
  }
}
