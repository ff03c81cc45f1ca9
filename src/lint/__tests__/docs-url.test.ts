import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { builtinRules } from '../rules/index.js';
import { lint } from '../lint.js';
import { docsUrlFor } from '../rulesets.js';

/** Reports (markdown, SARIF helpUri, JUnit, HTML) link every built-in rule to its documentation: the link must lead somewhere in this repository. */
const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
const REPO_URL = 'https://github.com/rampart-dev/rampart/blob/main/';

const cases: { id: string; file: string; anchor: string }[] = [
  { id: 'owasp-api9-inventory-access', file: 'docs/rules.md', anchor: 'rule-owasp-api9-inventory-access' },
  { id: 'operation-operationId-unique', file: 'docs/rules.md', anchor: 'rule-operation-operationid-unique' },
  { id: 'no-$ref-siblings', file: 'docs/rules.md', anchor: 'rule-no-ref-siblings' },
];

for (const { id, file, anchor } of cases) {
  test(`docs link of ${id}`, () => {
    assert.equal(docsUrlFor(id), `${REPO_URL}${file}#${anchor}`);
  });
}

test('every built-in rule links to a file of the repository and an anchor in it', () => {
  const broken: string[] = [];
  for (const id of Object.keys(builtinRules)) {
    const url = docsUrlFor(id);
    const [file = '', anchor = ''] = url.slice(REPO_URL.length).split('#');
    const full = path.join(REPO, file);
    if (!url.startsWith(REPO_URL) || !statSync(full, { throwIfNoEntry: false })?.isFile()) broken.push(`${id}: ${url} (no such file)`);
    else if (!readFileSync(full, 'utf8').includes(`<a id="${anchor}"></a>`)) broken.push(`${id}: ${url} (no such anchor)`);
  }
  assert.deepEqual(broken, []);
});

test('the core rules (load problems, crashed rules) link to the README section that describes them', async () => {
  const result = await lint([], { cwd: REPO });
  const core = ['no-unresolved-refs', 'no-duplicate-keys', 'rule-crashed'];
  assert.deepEqual(
    core.map((id) => result.rules.get(id)?.docsUrl),
    core.map(() => `${REPO_URL}README.md#exit-codes-and-errors`),
  );
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  assert.ok(readme.includes('\n## Exit codes and errors\n'));
  for (const id of core) assert.ok(readme.includes(`\`${id}\``), `README does not describe ${id}`);
});
