import type { SpecFormat } from '../spec/version.js';

/** Format names a ruleset may use, normalised (`oas3.0` and `oas3_0` are the same). */
const OPENAPI_FORMATS = ['oas2', 'oas3', 'oas3_0', 'oas3_1', 'oas3_2'];
/** Formats Rampart never lints (it reads only OpenAPI/Swagger); rules limited to them never run. */
const OTHER_FORMATS = [
  'asyncapi2', 'asyncapi3', 'aas2', 'aas2_0', 'aas2_1', 'aas2_2', 'aas2_3', 'aas2_4', 'aas2_5', 'aas2_6', 'aas3', 'aas3_0',
  'arazzo1_0', 'json-schema', 'json-schema-loose', 'json-schema-draft4', 'json-schema-draft6', 'json-schema-draft7',
  'json-schema-2019-09', 'json-schema-2020-12',
];

export function normalizeFormat(name: string): string | undefined {
  const normalized = name.replace(/^(oas3|aas2|aas3|arazzo1)\.(\d)$/, '$1_$2');
  return OPENAPI_FORMATS.includes(normalized) || OTHER_FORMATS.includes(normalized) ? normalized : undefined;
}

export function knownFormats(): string[] {
  return [...OPENAPI_FORMATS, ...OTHER_FORMATS];
}

/** The formats a document has, in normalised names. */
export function documentFormats(format: SpecFormat): ReadonlySet<string> {
  switch (format) {
    case 'oas2':
      return new Set(['oas2']);
    case 'oas3.0':
      return new Set(['oas3', 'oas3_0']);
    case 'oas3.1':
      return new Set(['oas3', 'oas3_1']);
  }
}
