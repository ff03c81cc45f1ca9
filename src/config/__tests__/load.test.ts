import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { RampartError } from '../../core/errors.js';
import { loadConfig } from '../load.js';

const root = mkdtempSync(path.join(tmpdir(), 'rampart-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder holding one config file; returns the folder. */
function folderWith(name: string, text: string): string {
  const dir = path.join(root, `case-${counter++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), text);
  return dir;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof RampartError, `expected a RampartError, got ${String(error)}`);
    return error.toOneLine();
  }
  assert.fail('expected an error');
}

const invalid: { name: string; file?: string; text: string; expected: string }[] = [
  {
    name: 'bad severity, located at its key',
    text: 'extends: [recommended]\nrules:\n  path-keys-no-trailing-slash: warn\n  operation-tags: loud\n',
    expected: 'rampart.yaml:4:3: rules.operation-tags: expected error, warning, info, hint or off, got "loud" [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'severity number out of range',
    text: 'rules:\n  a: 7\n',
    expected: 'rampart.yaml:2:3: rules.a: expected error, warning, info, hint or off, got 7 [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'unknown top-level key names the close one',
    text: 'rule:\n  a: error\n',
    expected: 'rampart.yaml:1:1: unknown key "rule"; did you mean "rules"? [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'unknown lint option lists the known ones',
    text: 'lint:\n  colour: true\n',
    expected: 'rampart.yaml:2:3: lint: unknown key "colour"; expected one of failSeverity, maxWarnings, format, baseline, quiet [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'negative maxWarnings',
    text: 'lint:\n  maxWarnings: -1\n',
    expected: 'rampart.yaml:2:3: lint.maxWarnings: expected an integer ≥ 0, got -1 [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'failSeverity off is not a threshold',
    text: 'lint:\n  failSeverity: off\n',
    expected: 'rampart.yaml:2:3: lint.failSeverity: expected error, warning, info or hint, got "off" [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'override without files',
    text: 'overrides:\n  - rules:\n      a: off\n',
    expected: 'rampart.yaml:2:5: overrides[0]: missing "files" [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'override with an empty glob',
    text: 'overrides:\n  - files: ["a.yaml", ""]\n',
    expected: 'rampart.yaml:2:23: overrides[0].files[1]: expected a glob, optionally followed by #/json/pointer (**#/paths for every file), got "" [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'override with a pointer and no glob',
    text: 'overrides:\n  - files: ["#/paths"]\n    rules: { a: off }\n',
    expected: 'rampart.yaml:2:13: overrides[0].files[0]: expected a glob, optionally followed by #/json/pointer (**#/paths for every file), got "#/paths" [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'override with no files at all',
    text: 'overrides:\n  - files: []\n',
    expected: 'rampart.yaml:2:5: overrides[0].files: expected a non-empty list of globs (optionally glob#/json/pointer), got an empty list [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'a bad item in a list that may also be a string is reported at the item',
    text: 'extends: [recommended, 1]\n',
    expected: 'rampart.yaml:1:24: extends[1]: expected a non-empty string, got 1 [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'a repeated top-level key (the first would be silently lost)',
    text: 'rules:\n  operation-description: off\nrules:\n  operation-tags: off\n',
    expected: 'rampart.yaml:3:1: rules: this key appears twice in its mapping; keep one [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'a repeated rule id',
    text: 'rules:\n  operation-tags: off\n  operation-tags: error\n',
    expected: 'rampart.yaml:3:3: rules.operation-tags: this key appears twice in its mapping; keep one [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'a repeated key in a JSON configuration',
    file: 'rampart.json',
    text: '{\n  "rules": {},\n  "rules": {}\n}\n',
    expected: 'rampart.json:3:3: rules: this key appears twice in its mapping; keep one [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'extends must be names',
    text: 'extends: 3\n',
    expected: 'rampart.yaml:1:1: extends: expected a ruleset name or file, or a list of them, got 3 [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'not a mapping',
    text: '- a\n- b\n',
    expected: 'rampart.yaml:1:1: expected a mapping (extends, rules, overrides, lint, allowRemote, allowOutsideRoot, allowCustomFunctions), got a list [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'JSON config, position from the JSON text',
    file: 'rampart.json',
    text: '{\n  "allowRemote": "yes"\n}\n',
    expected: 'rampart.json:2:3: allowRemote: expected true or false, got "yes" [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'YAML syntax error',
    text: 'rules: [a\n',
    expected: 'rampart.yaml:2:1: invalid YAML: deficient indentation [RAMPART_PARSE_FAILED]',
  },
];

for (const item of invalid) {
  test(`loadConfig rejects: ${item.name}`, () => {
    const dir = folderWith(item.file ?? 'rampart.yaml', item.text);
    assert.equal(errorOf(() => loadConfig(dir)), item.expected);
  });
}

test('loadConfig accepts every documented key', () => {
  const dir = folderWith(
    '.rampart.yaml',
    [
      '$schema: ./node_modules/rampart/config.schema.json',
      'extends: [recommended, owasp]',
      'rules: { path-keys-no-trailing-slash: 0, operation-operationId-unique: warn, x: off, y: 3 }',
      'overrides:',
      '  - files: ["legacy/**/*.yaml#/paths"]',
      '    rules: { x: hint }',
      'lint: { failSeverity: warning, maxWarnings: 0, format: [json, "stylish:out.txt"], baseline: b.json, quiet: true }',
      'allowRemote: false',
      'allowOutsideRoot: true',
      'allowCustomFunctions: false',
    ].join('\n'),
  );
  const loaded = loadConfig(dir);
  assert.equal(loaded?.origin.file, path.join(dir, '.rampart.yaml'));
  assert.deepEqual(loaded?.config, {
    $schema: './node_modules/rampart/config.schema.json',
    extends: ['recommended', 'owasp'],
    rules: { 'path-keys-no-trailing-slash': 0, 'operation-operationId-unique': 'warn', x: 'off', y: 3 },
    overrides: [{ files: ['legacy/**/*.yaml#/paths'], rules: { x: 'hint' } }],
    lint: { failSeverity: 'warning', maxWarnings: 0, format: ['json', 'stylish:out.txt'], baseline: 'b.json', quiet: true },
    allowRemote: false,
    allowOutsideRoot: true,
    allowCustomFunctions: false,
  });
});

test('an empty or comment-only file is an empty configuration', () => {
  assert.deepEqual(loadConfig(folderWith('rampart.yaml', ''))?.config, {});
  assert.deepEqual(loadConfig(folderWith('rampart.yaml', '# nothing yet\n'))?.config, {});
});

test('discovery walks up from the working directory; the nearest file wins', () => {
  const top = folderWith('rampart.yaml', 'rules: { a: error }\n');
  const middle = path.join(top, 'api');
  const deep = path.join(middle, 'v1', 'internal');
  mkdirSync(deep, { recursive: true });
  assert.equal(loadConfig(deep)?.origin.file, path.join(top, 'rampart.yaml'));
  assert.equal(loadConfig(deep)?.origin.displayPath, path.join('..', '..', '..', 'rampart.yaml'));
  writeFileSync(path.join(middle, '.rampart.json'), '{"rules": {"b": "off"}}');
  assert.equal(loadConfig(deep)?.origin.file, path.join(middle, '.rampart.json'));
});

test('rampart.yaml is preferred over .rampart.yaml in the same folder', () => {
  const dir = folderWith('.rampart.yaml', 'rules: { a: error }\n');
  writeFileSync(path.join(dir, 'rampart.yaml'), 'rules: { b: error }\n');
  assert.deepEqual(loadConfig(dir)?.config, { rules: { b: 'error' } });
});

test('--no-config ignores files; --config picks one; a missing --config file is an error', () => {
  const dir = folderWith('rampart.yaml', 'rules: [');
  assert.equal(loadConfig(dir, false), undefined);
  writeFileSync(path.join(dir, 'other.yaml'), 'allowRemote: true\n');
  assert.deepEqual(loadConfig(dir, 'other.yaml')?.config, { allowRemote: true });
  assert.equal(errorOf(() => loadConfig(dir, 'missing.yaml')), 'missing.yaml: configuration file not found [RAMPART_FILE_NOT_FOUND]');
  mkdirSync(path.join(dir, 'configs'));
  assert.equal(errorOf(() => loadConfig(dir, 'configs')), 'configs: is a folder, not a configuration file [RAMPART_FILE_NOT_FOUND]');
});
