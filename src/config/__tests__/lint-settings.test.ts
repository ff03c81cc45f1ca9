import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { RampartError } from '../../core/errors.js';
import { builtinSelection, mergeSelections } from '../../lint/rulesets.js';
import { knownRuleDefinitions } from '../known-rules.js';
import { resolveLintSettings, type RulesetLoader } from '../lint-settings.js';
import { loadConfig } from '../load.js';

const root = mkdtempSync(path.join(tmpdir(), 'rampart-settings-'));
after(() => rmSync(root, { recursive: true, force: true }));

const calls: { names: string[]; cwd: string }[] = [];
const loadRulesets: RulesetLoader = async (names, options) => {
  calls.push({ names: [...names], cwd: options.cwd });
  return mergeSelections(...names.map((name) => builtinSelection(name)));
};

let counter = 0;
async function settingsFor(configText: string | undefined, flags: Parameters<typeof resolveLintSettings>[1] = {}, subdir = '') {
  const dir = path.join(root, `case-${counter++}`);
  mkdirSync(path.join(dir, subdir), { recursive: true });
  if (configText !== undefined) writeFileSync(path.join(dir, 'rampart.yaml'), configText);
  const cwd = path.join(dir, subdir);
  calls.length = 0;
  const settings = await resolveLintSettings(loadConfig(cwd), flags, { cwd, loadRulesets, knownRules: await knownRuleDefinitions() });
  return { settings, dir, cwd };
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RampartError, String(error));
    return error.toOneLine();
  }
  assert.fail('expected an error');
}

test('without a configuration: recommended + owasp, fail on error, stylish', async () => {
  const { settings } = await settingsFor(undefined);
  assert.equal(settings.failSeverity, 'error');
  assert.equal(settings.maxWarnings, undefined);
  assert.deepEqual(settings.formats, []);
  assert.equal(settings.selection.base.get('operation-operationId-unique')?.severity, 'error');
  assert.deepEqual(calls, []);
});

test('extends replaces the defaults and is loaded relative to the configuration file', async () => {
  const { settings, dir } = await settingsFor('extends: oas\n', {}, 'api/v1');
  assert.deepEqual(calls, [{ names: ['oas'], cwd: dir }]);
  assert.ok(settings.selection.definitions.has('path-keys-no-trailing-slash'));
});

test('--ruleset wins over extends; rules still apply', async () => {
  const { settings, cwd } = await settingsFor('extends: [owasp]\nrules: { path-keys-no-trailing-slash: hint }\n', { ruleset: ['oas'] });
  assert.deepEqual(calls, [{ names: ['oas'], cwd }]);
  assert.equal(settings.selection.base.get('path-keys-no-trailing-slash')?.severity, 'hint');
});

test('rules: names, numbers, warn and off become severities', async () => {
  const { settings } = await settingsFor('rules:\n  path-keys-no-trailing-slash: 3\n  operation-operationId-unique: warn\n  no-duplicate-keys: off\n');
  assert.deepEqual(
    ['path-keys-no-trailing-slash', 'operation-operationId-unique', 'no-duplicate-keys'].map((id) => settings.selection.base.get(id)?.severity),
    ['hint', 'warning', 'off'],
  );
});

test('a rule outside the extended rulesets can be enabled by id', async () => {
  const { settings } = await settingsFor('extends: [owasp]\nrules:\n  path-keys-no-trailing-slash: error\n');
  assert.equal(settings.selection.definitions.get('path-keys-no-trailing-slash')?.id, 'path-keys-no-trailing-slash');
  assert.equal(settings.selection.base.get('path-keys-no-trailing-slash')?.severity, 'error');
});

test('unknown rule ids are errors at their key that name close matches', async () => {
  assert.equal(
    await errorOf(settingsFor('extends: [recommended]\nrules:\n  path-keys-no-trailing-slashes: error\n')),
    'rampart.yaml:3:3: rules.path-keys-no-trailing-slashes: unknown rule "path-keys-no-trailing-slashes". Did you mean "path-keys-no-trailing-slash"? [RAMPART_CONFIG_INVALID]',
  );
  assert.equal(
    await errorOf(settingsFor('overrides:\n  - files: ["*.yaml"]\n    rules:\n      operationId-unique: off\n')),
    'rampart.yaml:4:7: overrides[0].rules.operationId-unique: unknown rule "operationId-unique". Did you mean "operation-operationId-unique"? [RAMPART_CONFIG_INVALID]',
  );
  assert.equal(
    await errorOf(settingsFor('rules:\n  zzz: off\n')),
    'rampart.yaml:2:3: rules.zzz: unknown rule "zzz". [RAMPART_CONFIG_INVALID]',
  );
});

test('an unknown ruleset in extends is reported at its entry', async () => {
  assert.equal(
    await errorOf(settingsFor('extends:\n  - recommended\n  - recommend\n')),
    `rampart.yaml:3:5: extends[1]: unknown ruleset "recommend". Available: recommended, owasp, oas, rampart:recommended, rampart:owasp, spectral:oas [RAMPART_CONFIG_INVALID]`,
  );
});

test('override globs are rebased from the configuration folder to the working directory', async () => {
  const { settings } = await settingsFor('overrides:\n  - files: ["api/legacy/*.yaml#/paths", "*.json"]\n    rules: { path-keys-no-trailing-slash: off }\n', {}, 'api');
  const last = settings.selection.overrides.at(-1)!;
  assert.deepEqual(last.files, ['legacy/*.yaml#/paths', '*.json']);
  assert.equal(last.rules.get('path-keys-no-trailing-slash')?.severity, 'off');
});

test('lint options come from the configuration; paths are relative to it; flags win', async () => {
  const config = 'lint: { failSeverity: warning, maxWarnings: 2, format: ["json:reports/out.json"], baseline: rampart-baseline.json, quiet: true }\nallowRemote: true\n';
  const fromConfig = await settingsFor(config, {}, 'sub');
  assert.equal(fromConfig.settings.failSeverity, 'warning');
  assert.equal(fromConfig.settings.maxWarnings, 2);
  assert.equal(fromConfig.settings.quiet, true);
  assert.deepEqual(fromConfig.settings.formats, [`json:${path.join(fromConfig.dir, 'reports', 'out.json')}`]);
  assert.equal(fromConfig.settings.baseline, path.join(fromConfig.dir, 'rampart-baseline.json'));
  assert.equal(fromConfig.settings.allowRemote, true);

  const fromFlags = await settingsFor(config, { failSeverity: 'hint', maxWarnings: '0', format: ['stylish'], baseline: 'b.json' }, 'sub');
  assert.equal(fromFlags.settings.failSeverity, 'hint');
  assert.equal(fromFlags.settings.maxWarnings, 0);
  assert.deepEqual(fromFlags.settings.formats, ['stylish']);
  assert.equal(fromFlags.settings.baseline, path.join(fromFlags.cwd, 'b.json'));
});

test('bad flag values are usage errors', async () => {
  assert.equal(await errorOf(settingsFor(undefined, { failSeverity: 'off' })), '--fail-severity: expected error, warning, info or hint, got "off" [RAMPART_USAGE]');
  assert.equal(await errorOf(settingsFor(undefined, { maxWarnings: '-1' })), '--max-warnings: expected an integer ≥ 0, got "-1" [RAMPART_USAGE]');
  assert.equal(await errorOf(settingsFor(undefined, { maxWarnings: '1.5' })), '--max-warnings: expected an integer ≥ 0, got "1.5" [RAMPART_USAGE]');
});
