import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/finding.js';
import { escapeData, escapeProperty, github } from '../github.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';

/** Reads a workflow command back the way the Actions runner does: properties end at the first `::`. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  assert.ok(line.startsWith('::'), line);
  const end = line.indexOf('::', 2);
  assert.notEqual(end, -1, line);
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space === -1 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space !== -1) {
    for (const pair of info.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=');
      properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1), true);
    }
  }
  return { command, properties, message: unescape(line.slice(end + 2), false) };
}

function unescape(value: string, property: boolean): string {
  let result = value.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) result = result.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return result.replace(/%25/g, '%');
}

const cases: Array<{ name: string; findings: Finding[]; expected: string }> = [
  { name: 'no findings: no output', findings: [], expected: '' },
  { name: 'suppressed findings are not annotated', findings: [finding({ suppressed: { kind: 'inline' } })], expected: '' },
  {
    name: 'one-line range with columns; sorted error, warning, info, hint (info and hint are notices); fix on a second line',
    findings: [finding({ severity: 'hint' }), finding(), { ...basicAuth, location: { ...basicAuth.location, endLine: 40 }, fix: 'Use OAuth 2.' }, finding({ severity: 'info', ruleId: 'x' })],
    expected: [
      '::error file=api/openapi.yaml,line=40,col=5,endLine=40,endColumn=20,title=no-http-basic::Security scheme "basic" uses HTTP Basic.%0AFix: Use OAuth 2.',
      '::warning file=api/openapi.yaml,line=12,col=5,endLine=12,endColumn=8,title=operation-tags::Operation GET /users has no tags.',
      '::notice file=api/openapi.yaml,line=12,col=5,endLine=12,endColumn=8,title=x::Operation GET /users has no tags.',
      '::notice file=api/openapi.yaml,line=12,col=5,endLine=12,endColumn=8,title=operation-tags::Operation GET /users has no tags.',
      '',
    ].join('\n'),
  },
  {
    name: 'multi-line range: columns are left out, as GitHub requires',
    findings: [basicAuth],
    expected: '::error file=api/openapi.yaml,line=40,endLine=42,title=no-http-basic::Security scheme "basic" uses HTTP Basic.\n',
  },
  {
    name: 'no position: file only',
    findings: [finding({ location: { file: 'api/openapi.yaml', pointer: '' } })],
    expected: '::warning file=api/openapi.yaml,title=operation-tags::Operation GET /users has no tags.\n',
  },
  {
    name: 'absolute path inside cwd becomes relative',
    findings: [finding({ location: { file: '/repo/api/openapi.yaml', pointer: '', line: 3 } })],
    expected: '::warning file=api/openapi.yaml,line=3,endLine=3,title=operation-tags::Operation GET /users has no tags.\n',
  },
  {
    name: "a diff finding in the base's git revision is annotated at its counterpart in the working tree",
    findings: [finding({ location: { file: 'HEAD:api/schemas.yaml', pointer: '/Pet/properties/name', line: 7 }, relatedLocations: [{ file: 'api/schemas.yaml', pointer: '/Pet', line: 3, column: 3 }] })],
    expected: '::warning file=api/schemas.yaml,line=3,col=3,endLine=3,title=operation-tags::Operation GET /users has no tags.\n',
  },
  {
    name: 'a finding only in a git revision names it in the message instead of a file GitHub cannot show',
    findings: [finding({ location: { file: 'main:api/openapi.yaml', pointer: '/paths/~1a', line: 12 } })],
    expected: '::warning title=operation-tags::main:api/openapi.yaml:12: Operation GET /users has no tags.\n',
  },
  {
    name: 'operation location: no file, the operation leads the message',
    findings: [operationFinding],
    expected: "::error title=bola-two-users::GET /orders/{orderId} (api.example.com): User B can read user A's order.\n",
  },
];
for (const { name, findings, expected } of cases) {
  test(`github: ${name}`, () => {
    assert.equal(github(findings, context()), expected);
  });
}

test('github: revisions the CLI read from git are recognised by name, a branch with a slash included', () => {
  const removal = finding({ location: { file: 'origin/main:api/schemas.yaml', pointer: '/Pet/properties/name', line: 7 }, relatedLocations: [{ file: 'api/schemas.yaml', pointer: '/Pet', line: 3 }] });
  assert.equal(github([removal], context({ revisions: ['origin/main'] })), '::warning file=api/schemas.yaml,line=3,endLine=3,title=operation-tags::Operation GET /users has no tags.\n');
  // Named revisions decide alone: a folder whose name looks like one is a file of the tree.
  const file = finding({ location: { file: 'HEAD:notes.yaml', pointer: '', line: 2 } });
  assert.equal(github([file], context({ revisions: ['origin/main'] })), '::warning file=HEAD%3Anotes.yaml,line=2,endLine=2,title=operation-tags::Operation GET /users has no tags.\n');
});

const hostile: Array<{ name: string; message: string; file: string; ruleId: string }> = [
  { name: 'newline that tries to start a second command', message: 'oops\n::error file=x,line=1::injected', file: 'a.yaml', ruleId: 'r' },
  { name: 'CR and CRLF', message: 'a\rb\r\nc', file: 'a.yaml', ruleId: 'r' },
  { name: 'percent signs that look like escapes', message: '100% %0A %25 %3A', file: 'a.yaml', ruleId: 'r' },
  { name: 'double colons in the message', message: 'a::b ::c::', file: 'a.yaml', ruleId: 'r' },
  { name: 'commas and colons in properties', message: 'm', file: 'dir,x/c:d%0A.yaml', ruleId: 'owasp:api2:2023,evil=1' },
];
for (const { name, message, file, ruleId } of hostile) {
  test(`github: hostile input stays one command and round-trips: ${name}`, () => {
    const output = github([finding({ message, ruleId, location: { file, pointer: '', line: 7, column: 2 } })], context());
    const lines = output.split('\n');
    assert.equal(lines.length, 2, output);
    assert.equal(lines[1], '');
    const parsed = parseCommand(lines[0]!);
    assert.equal(parsed.command, 'warning');
    assert.deepEqual(parsed.properties, { file, line: '7', col: '2', endLine: '7', title: ruleId });
    assert.equal(parsed.message, message);
  });
}

const escapes: Array<[string, string, string]> = [
  ['a%b', 'a%25b', 'a%25b'],
  ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
  ['a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
  ['%0A', '%250A', '%250A'],
];
for (const [input, data, property] of escapes) {
  test(`github: escaping of ${JSON.stringify(input)}`, () => {
    assert.equal(escapeData(input), data);
    assert.equal(escapeProperty(input), property);
  });
}
