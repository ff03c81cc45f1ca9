import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSource } from '../source.js';
import { detectVersion } from '../version.js';
import { expectRampartError } from './expect-error.js';

const detect = (text: string, name = 'api.yaml') => detectVersion(parseSource(`/virtual/${name}`, name, text));

describe('version detection', () => {
  const supported: [text: string, format: string, declared: string][] = [
    ['swagger: "2.0"\ninfo: {}\n', 'oas2', '2.0'],
    ["swagger: '2.0'\n", 'oas2', '2.0'],
    ['{"swagger": "2.0"}', 'oas2', '2.0'],
    ['openapi: 3.0.0\n', 'oas3.0', '3.0.0'],
    ['openapi: 3.0.3\n', 'oas3.0', '3.0.3'],
    ['openapi: "3.0.4"\n', 'oas3.0', '3.0.4'],
    ['openapi: 3.0.0-rc2\n', 'oas3.0', '3.0.0-rc2'],
    ['openapi: 3.1.0\n', 'oas3.1', '3.1.0'],
    ['openapi: 3.1.1\n', 'oas3.1', '3.1.1'],
    ['{"info": {}, "openapi": "3.1.0"}', 'oas3.1', '3.1.0'],
    // Unquoted versions are YAML numbers: linted as that version; the schema rule reports the type.
    ['swagger: 2.0\n', 'oas2', '2'],
    ['{"swagger": 2.0}', 'oas2', '2'],
    ['openapi: 3.0\n', 'oas3.0', '3'],
    ['openapi: 3.1\n', 'oas3.1', '3.1'],
  ];
  for (const [text, format, declared] of supported) {
    test(`${JSON.stringify(text)} is ${format}`, () => assert.deepEqual(detect(text, text.startsWith('{') ? 'api.json' : 'api.yaml'), { format, declared }));
  }

  const refused: [text: string, oneLine: string][] = [
    ['info: {}\nopenapi: 3.2.0\n', 'api.yaml:2:10: unsupported OpenAPI version "3.2.0" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['openapi: 4.0.0\n', 'api.yaml:1:10: unsupported OpenAPI version "4.0.0" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['openapi: "3.0"\n', 'api.yaml:1:10: unsupported OpenAPI version "3.0" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['openapi: 2.0.0\n', 'api.yaml:1:10: unsupported OpenAPI version "2.0.0" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['swagger: "1.2"\n', 'api.yaml:1:10: unsupported Swagger version "1.2" (supported: 2.0) [RAMPART_NOT_AN_API]'],
    ['swagger: 3.0\n', 'api.yaml:1:10: unsupported Swagger version "3" (supported: 2.0) [RAMPART_NOT_AN_API]'],
    ['swagger: 1.2\n', 'api.yaml:1:10: unsupported Swagger version "1.2" (supported: 2.0) [RAMPART_NOT_AN_API]'],
    ['openapi: 3.2\n', 'api.yaml:1:10: unsupported OpenAPI version "3.2" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['openapi: 2.0\n', 'api.yaml:1:10: unsupported OpenAPI version "2" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['openapi: true\n', 'api.yaml:1:10: unsupported OpenAPI version "true" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['swagger: "3.0"\n', 'api.yaml:1:10: unsupported Swagger version "3.0" (supported: 2.0) [RAMPART_NOT_AN_API]'],
    ['{\n  "info": {},\n  "openapi": "3.3.0"\n}', 'api.json:3:14: unsupported OpenAPI version "3.3.0" (supported: 2.0, 3.0.x, 3.1.x) [RAMPART_NOT_AN_API]'],
    ['info: { title: t }\npaths: {}\n', 'api.yaml:1:1: not an API description: no "openapi" or "swagger" field at the top level [RAMPART_NOT_AN_API]'],
    ['asyncapi: 2.6.0\n', 'api.yaml:1:1: not an API description: no "openapi" or "swagger" field at the top level [RAMPART_NOT_AN_API]'],
    ['- a\n- b\n', 'api.yaml:1:1: expected an OpenAPI or Swagger object at the top level, found a list [RAMPART_NOT_AN_API]'],
  ];
  for (const [text, oneLine] of refused) {
    test(`${JSON.stringify(text)} is refused with its position`, async () => void (await expectRampartError(() => detect(text, text.startsWith('{') ? 'api.json' : 'api.yaml'), 'RAMPART_NOT_AN_API', oneLine)));
  }
});
