import { RampartError } from '../core/errors.js';
import type { Source } from './source.js';

export type SpecFormat = 'oas2' | 'oas3.0' | 'oas3.1';

export interface SpecVersion {
  format: SpecFormat;
  /** The version string as written (`2.0`, `3.0.3`, `3.1.0`). */
  declared: string;
}

/** Spectral's format names, used by `formats` in rulesets. */
export const SPECTRAL_FORMATS: Record<SpecFormat, string[]> = {
  oas2: ['oas2'],
  'oas3.0': ['oas3', 'oas3.0', 'oas3_0'],
  'oas3.1': ['oas3', 'oas3.1', 'oas3_1'],
};

export function detectVersion(root: Source): SpecVersion {
  const value = root.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new RampartError('RAMPART_NOT_AN_API', `expected an OpenAPI or Swagger object at the top level, found ${kind}`, {
      position: { file: root.displayPath, line: 1, column: 1 },
    });
  }
  const record = value as Record<string, unknown>;
  const at = (key: string) => {
    const range = root.range(`/${key}`);
    return { file: root.displayPath, line: range.line, column: range.column };
  };
  if ('swagger' in record) {
    const swagger = record.swagger;
    if (swagger === '2.0') return { format: 'oas2', declared: '2.0' };
    // Unquoted `swagger: 2.0` is the YAML number 2: lint it as Swagger 2.0 and let oas2-schema say it must be the string "2.0".
    if (swagger === 2) return { format: 'oas2', declared: '2' };
    throw new RampartError('RAMPART_NOT_AN_API', `unsupported Swagger version "${String(swagger)}" (supported: 2.0)`, { position: at('swagger') });
  }
  if ('openapi' in record) {
    const openapi = record.openapi;
    const declared = String(openapi);
    if (typeof openapi === 'string' && /^3\.0\.\d+(-.+)?$/.test(declared)) return { format: 'oas3.0', declared };
    if (typeof openapi === 'string' && /^3\.1\.\d+(-.+)?$/.test(declared)) return { format: 'oas3.1', declared };
    // Unquoted `openapi: 3.0` / `3.1` are YAML numbers (3 and 3.1): lint them as that version and let the schema rule report the type.
    if (openapi === 3) return { format: 'oas3.0', declared };
    if (openapi === 3.1) return { format: 'oas3.1', declared };
    throw new RampartError('RAMPART_NOT_AN_API', `unsupported OpenAPI version "${declared}" (supported: 2.0, 3.0.x, 3.1.x)`, { position: at('openapi') });
  }
  throw new RampartError('RAMPART_NOT_AN_API', 'not an API description: no "openapi" or "swagger" field at the top level', {
    position: { file: root.displayPath, line: 1, column: 1 },
  });
}
