import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import type { Ajv as AjvClass, Options } from 'ajv';
import type { Finding } from '../../core/finding.js';
import { sarif } from '../sarif.js';
import type { ReportContext } from '../types.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';

type Json = Record<string, any>;

const require = createRequire(import.meta.url);
const AjvDraft04 = (require('ajv-draft-04') as { default: new (options: Options) => AjvClass }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: AjvClass) => AjvClass }).default;

/** The official SARIF 2.1.0 schema (rtm.5, the published 2.1.0 schema), shipped by the devDependency @microsoft/jest-sarif. */
const SCHEMA_PATH = path.join(path.dirname(require.resolve('@microsoft/jest-sarif')), 'schemas', 'sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: the schema's language pattern is not valid in unicode mode (a known erratum of rtm.5).
const ajv = new AjvDraft04({ allErrors: true, strict: false, logger: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

const render = (findings: readonly Finding[], overrides: Partial<ReportContext> = {}): Json => JSON.parse(sarif(findings, context(overrides))) as Json;
const run = (log: Json): Json => log.runs[0];

const richFindings: Finding[] = [
  { ...basicAuth, relatedLocations: [{ file: 'api/schemas/user.yaml', pointer: '/properties/id', line: 3, column: 3, endLine: 3, endColumn: 5 }], fix: 'Use OAuth 2 or short-lived tokens.' },
  finding({ severity: 'hint', suppressed: { kind: 'inline', justification: 'internal API' } }),
  operationFinding,
];
const richContext: Partial<ReportContext> = { inputs: ['api/openapi.yaml', 'api/clean.yaml'], blocks: { score: { score: 72 } } };

test('sarif: the whole log for rules, artifacts, regions, related and logical locations, suppressions, properties', () => {
  assert.deepEqual(render(richFindings, richContext), EXPECTED_RICH);
});

const schemaCases: Array<{ name: string; findings: Finding[]; context?: Partial<ReportContext> }> = [
  { name: 'no findings', findings: [] },
  { name: 'rich log', findings: richFindings, context: richContext },
  { name: 'every severity', findings: (['error', 'warning', 'info', 'hint'] as const).map((severity) => finding({ severity, ruleId: `rule-${severity}` })) },
  { name: 'no positions, no fingerprint, no docs', findings: [finding({ location: { file: 'a.yaml', pointer: '' }, fingerprint: undefined, docsUrl: undefined })] },
  { name: 'baseline suppression and stage fields', findings: [finding({ suppressed: { kind: 'baseline' }, fields: { level: 'breaking' } })] },
  { name: 'hostile paths and messages', findings: [finding({ message: '<script>\n%0A "quoted" \u0000', location: { file: 'dir with space/ü#?.yaml', pointer: '/a', line: 1, column: 1 } })], context: { cwd: '/a b/c' } },
];
for (const { name, findings, context: overrides } of schemaCases) {
  test(`sarif: valid against the SARIF 2.1.0 schema: ${name}`, () => {
    const log = render(findings, overrides);
    const valid = validateSarif(log);
    assert.equal(valid, true, JSON.stringify(validateSarif.errors, null, 2));
  });
}

test('sarif: the schema check can fail (a broken log is rejected)', () => {
  const log = render([finding()]);
  delete log.runs[0].tool.driver.name;
  log.runs[0].results[0].level = 'fatal';
  assert.equal(validateSarif(log), false);
});

const levelCases: Array<[Finding['severity'], string]> = [['error', 'error'], ['warning', 'warning'], ['info', 'note'], ['hint', 'note']];
for (const [severity, level] of levelCases) {
  test(`sarif: severity ${severity} → level ${level}`, () => {
    assert.equal(run(render([finding({ severity })])).results[0].level, level);
  });
}

test('sarif: partialFingerprints do not change when the finding moves to other lines', () => {
  const before = run(render([finding()])).results[0];
  const after = run(render([finding({ location: { file: 'api/openapi.yaml', pointer: '/paths/~1users/get', line: 30, column: 5, endLine: 30, endColumn: 8 } })])).results[0];
  assert.deepEqual(after.partialFingerprints, before.partialFingerprints);
  assert.deepEqual(before.partialFingerprints, { 'rampartFingerprint/v1': 'fp-tags-users' });
  assert.notDeepEqual(after.locations, before.locations);
});

test('sarif: a baseline suppression is external, without a justification when none is given', () => {
  assert.deepEqual(run(render([finding({ suppressed: { kind: 'baseline' } })])).results[0].suppressions, [{ kind: 'external' }]);
});

const uriCases: Array<{ name: string; file: string; cwd?: string; expected: Json }> = [
  { name: 'relative path', file: 'api/openapi.yaml', expected: { uri: 'api/openapi.yaml', uriBaseId: '%SRCROOT%', index: 0 } },
  { name: 'Windows separators', file: 'api\\win.yaml', expected: { uri: 'api/win.yaml', uriBaseId: '%SRCROOT%', index: 0 } },
  { name: 'absolute path inside cwd', file: '/repo/api/abs.yaml', expected: { uri: 'api/abs.yaml', uriBaseId: '%SRCROOT%', index: 0 } },
  { name: 'characters that need percent-encoding', file: 'my api/v1#draft.yaml', expected: { uri: 'my%20api/v1%23draft.yaml', uriBaseId: '%SRCROOT%', index: 0 } },
  { name: 'outside the working directory', file: '/elsewhere/x.yaml', expected: { uri: 'file:///elsewhere/x.yaml', index: 0 } },
  { name: 'remote document', file: 'https://example.com/specs/a.yaml', expected: { uri: 'https://example.com/specs/a.yaml', index: 0 } },
];
for (const { name, file, expected } of uriCases) {
  test(`sarif: artifact URI for ${name}`, () => {
    const log = run(render([finding({ location: { file, pointer: '/a', line: 1, column: 1 } })]));
    assert.deepEqual(log.results[0].locations[0].physicalLocation.artifactLocation, expected);
    const { index, ...location } = expected;
    assert.deepEqual(log.artifacts[index as number].location, location);
  });
}

test('sarif: %SRCROOT% is the cwd as a file URI ending in a slash', () => {
  assert.deepEqual(run(render([], { cwd: '/home/me/my project' })).originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/me/my%20project/' } });
});

const regionCases: Array<{ name: string; location: Finding['location']; expected: Json | undefined }> = [
  { name: 'full range', location: { file: 'a.yaml', pointer: '/a', line: 2, column: 3, endLine: 4, endColumn: 1 }, expected: { startLine: 2, startColumn: 3, endLine: 4, endColumn: 1 } },
  { name: 'point', location: { file: 'a.yaml', pointer: '/a', line: 2, column: 3 }, expected: { startLine: 2, startColumn: 3, endLine: 2 } },
  { name: 'end column before start on one line is clamped', location: { file: 'a.yaml', pointer: '/a', line: 2, column: 7, endLine: 2, endColumn: 3 }, expected: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 7 } },
  { name: 'no line: no region', location: { file: 'a.yaml', pointer: '/a' }, expected: undefined },
];
for (const { name, location, expected } of regionCases) {
  test(`sarif: region, ${name}`, () => {
    assert.deepEqual(run(render([finding({ location })])).results[0].locations[0].physicalLocation.region, expected);
  });
}

test('sarif: rules are listed once, sorted, and ruleIndex points at them', () => {
  const log = run(render([finding({ ruleId: 'b' }), finding({ ruleId: 'a' }), finding({ ruleId: 'b', message: 'again' })]));
  assert.deepEqual(log.tool.driver.rules.map((rule: Json) => rule.id), ['a', 'b']);
  for (const result of log.results) assert.equal(log.tool.driver.rules[result.ruleIndex].id, result.ruleId);
});

test('sarif: security-severity follows the most severe finding of a security rule; other rules have none', () => {
  const log = run(render([{ ...basicAuth, severity: 'warning' }, { ...basicAuth, severity: 'info' }, finding({ severity: 'error' })]));
  const [basic, tags] = log.tool.driver.rules;
  assert.equal(basic.properties['security-severity'], '5.5');
  assert.deepEqual(basic.properties.tags, ['security', 'API2:2023', 'external/cwe/cwe-522']);
  assert.deepEqual(tags.properties, { tags: [] });
});

test("sarif: a diff change located in the base's git revision leads with its counterpart in the working tree", () => {
  const removal = finding({ location: { file: 'HEAD:api/schemas.yaml', pointer: '/Pet/properties/name', line: 7 }, relatedLocations: [{ file: 'api/schemas.yaml', pointer: '/Pet', line: 3 }] });
  const result = run(render([removal])).results[0] as Json;
  assert.deepEqual(result.locations.map((place: Json) => [place.physicalLocation.artifactLocation.uri, place.physicalLocation.region.startLine]), [['api/schemas.yaml', 3]]);
  assert.deepEqual(result.relatedLocations.map((place: Json) => [place.id, place.physicalLocation.artifactLocation.uri, place.physicalLocation.region.startLine]), [[1, 'HEAD%3Aapi/schemas.yaml', 7]]);
  assert.equal(validateSarif(render([removal])), true, JSON.stringify(validateSarif.errors));
});

test('sarif: no run properties without blocks', () => {
  assert.equal(run(render([finding()])).properties, undefined);
});

const EXPECTED_RICH: Json = {
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "version": "2.1.0",
    "runs": [
      {
        "tool": {
          "driver": {
            "name": "rampart",
            "version": "1.2.3",
            "semanticVersion": "1.2.3",
            "informationUri": "https://github.com/rampart-dev/rampart",
            "rules": [
              {
                "id": "bola-two-users",
                "shortDescription": {
                  "text": "bola-two-users"
                },
                "fullDescription": {
                  "text": "bola-two-users"
                },
                "help": {
                  "text": "bola-two-users\n\nOWASP API Security Top 10: API1:2023; CWE: CWE-639",
                  "markdown": "**bola-two-users**\n\nOWASP API Security Top 10: API1:2023; CWE: CWE-639"
                },
                "defaultConfiguration": {
                  "level": "error"
                },
                "properties": {
                  "tags": [
                    "security",
                    "API1:2023",
                    "external/cwe/cwe-639"
                  ],
                  "security-severity": "8.0"
                }
              },
              {
                "id": "no-http-basic",
                "shortDescription": {
                  "text": "HTTP Basic authentication must not be used."
                },
                "fullDescription": {
                  "text": "Basic sends reusable credentials with every request.\n\nUse OAuth 2 or short-lived tokens."
                },
                "help": {
                  "text": "HTTP Basic authentication must not be used.\n\nBasic sends reusable credentials with every request.\n\nUse OAuth 2 or short-lived tokens.\n\nOWASP API Security Top 10: API2:2023; CWE: CWE-522\n\nDocumentation: https://docs.example/rules/no-http-basic.md",
                  "markdown": "**HTTP Basic authentication must not be used.**\n\nBasic sends reusable credentials with every request.\n\nUse OAuth 2 or short-lived tokens.\n\nOWASP API Security Top 10: API2:2023; CWE: CWE-522\n\n[Documentation](https://docs.example/rules/no-http-basic.md)"
                },
                "helpUri": "https://docs.example/rules/no-http-basic.md",
                "defaultConfiguration": {
                  "level": "error"
                },
                "properties": {
                  "tags": [
                    "security",
                    "API2:2023",
                    "external/cwe/cwe-522"
                  ],
                  "security-severity": "8.0"
                }
              },
              {
                "id": "operation-tags",
                "shortDescription": {
                  "text": "Operations must have tags."
                },
                "fullDescription": {
                  "text": "Operations must have tags."
                },
                "help": {
                  "text": "Operations must have tags.\n\nDocumentation: https://docs.example/rules/operation-tags.md",
                  "markdown": "**Operations must have tags.**\n\n[Documentation](https://docs.example/rules/operation-tags.md)"
                },
                "helpUri": "https://docs.example/rules/operation-tags.md",
                "defaultConfiguration": {
                  "level": "warning"
                },
                "properties": {
                  "tags": []
                }
              }
            ]
          }
        },
        "automationDetails": {
          "id": "rampart/lint/"
        },
        "originalUriBaseIds": {
          "%SRCROOT%": {
            "uri": "file:///repo/"
          }
        },
        "artifacts": [
          {
            "location": {
              "uri": "api/clean.yaml",
              "uriBaseId": "%SRCROOT%"
            },
            "roles": [
              "analysisTarget"
            ]
          },
          {
            "location": {
              "uri": "api/openapi.yaml",
              "uriBaseId": "%SRCROOT%"
            },
            "roles": [
              "analysisTarget"
            ]
          },
          {
            "location": {
              "uri": "api/schemas/user.yaml",
              "uriBaseId": "%SRCROOT%"
            }
          }
        ],
        "results": [
          {
            "ruleId": "no-http-basic",
            "ruleIndex": 1,
            "level": "error",
            "message": {
              "text": "Security scheme \"basic\" uses HTTP Basic."
            },
            "locations": [
              {
                "physicalLocation": {
                  "artifactLocation": {
                    "uri": "api/openapi.yaml",
                    "uriBaseId": "%SRCROOT%",
                    "index": 1
                  },
                  "region": {
                    "startLine": 40,
                    "startColumn": 5,
                    "endLine": 42,
                    "endColumn": 20
                  }
                },
                "logicalLocations": [
                  {
                    "fullyQualifiedName": "/components/securitySchemes/basic"
                  }
                ]
              }
            ],
            "relatedLocations": [
              {
                "id": 1,
                "physicalLocation": {
                  "artifactLocation": {
                    "uri": "api/schemas/user.yaml",
                    "uriBaseId": "%SRCROOT%",
                    "index": 2
                  },
                  "region": {
                    "startLine": 3,
                    "startColumn": 3,
                    "endLine": 3,
                    "endColumn": 5
                  }
                },
                "logicalLocations": [
                  {
                    "fullyQualifiedName": "/properties/id"
                  }
                ]
              }
            ],
            "partialFingerprints": {
              "rampartFingerprint/v1": "fp-basic"
            },
            "properties": {
              "fix": "Use OAuth 2 or short-lived tokens."
            }
          },
          {
            "ruleId": "operation-tags",
            "ruleIndex": 2,
            "level": "note",
            "message": {
              "text": "Operation GET /users has no tags."
            },
            "locations": [
              {
                "physicalLocation": {
                  "artifactLocation": {
                    "uri": "api/openapi.yaml",
                    "uriBaseId": "%SRCROOT%",
                    "index": 1
                  },
                  "region": {
                    "startLine": 12,
                    "startColumn": 5,
                    "endLine": 12,
                    "endColumn": 8
                  }
                },
                "logicalLocations": [
                  {
                    "fullyQualifiedName": "/paths/~1users/get"
                  }
                ]
              }
            ],
            "partialFingerprints": {
              "rampartFingerprint/v1": "fp-tags-users"
            },
            "suppressions": [
              {
                "kind": "inSource",
                "justification": "internal API"
              }
            ]
          },
          {
            "ruleId": "bola-two-users",
            "ruleIndex": 0,
            "level": "error",
            "message": {
              "text": "User B can read user A's order."
            },
            "locations": [
              {
                "logicalLocations": [
                  {
                    "name": "/orders/{orderId}",
                    "fullyQualifiedName": "GET /orders/{orderId} (api.example.com)",
                    "kind": "function"
                  }
                ]
              }
            ],
            "partialFingerprints": {
              "rampartFingerprint/v1": "fp-bola"
            },
            "properties": {
              "evidence": {
                "status": 200
              },
              "reproduce": "curl -H \"Authorization: Bearer <B>\" https://api.example.com/orders/1"
            }
          }
        ],
        "columnKind": "utf16CodeUnits",
        "properties": {
          "score": {
            "score": 72
          }
        }
      }
    ]
  };
