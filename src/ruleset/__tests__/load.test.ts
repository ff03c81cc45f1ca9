import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveSelection } from '../../cli/selection.js';
import { isRampartError } from '../../core/errors.js';
import type { DocumentLocation } from '../../core/finding.js';
import { lint } from '../../lint/lint.js';
import type { RuleSelection } from '../../lint/rule-settings.js';
import { yaml } from '../../testing/dedent.js';
import { loadRulesets } from '../load.js';

/** A scratch folder with the given files; returns its path. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-ruleset-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function severities(selection: RuleSelection): Record<string, string> {
  return Object.fromEntries([...selection.base].map(([id, setting]) => [id, setting.severity]));
}

async function loadError(files: Record<string, string>, entry = 'ruleset.yaml', allowCustomFunctions = false): Promise<string> {
  const cwd = workspace(files);
  try {
    await loadRulesets([entry], { cwd, allowCustomFunctions });
  } catch (error) {
    assert.ok(isRampartError(error), `expected a RampartError, got ${String(error)}`);
    const line = error.toOneLine();
    assert.ok(!line.includes('\n'), 'one line');
    return line;
  }
  throw new Error('expected the ruleset to be rejected');
}

async function lintWith(files: Record<string, string>, document = 'openapi.yaml', allowCustomFunctions = false) {
  const cwd = workspace(files);
  const selection = await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions });
  const result = await lint(document, { cwd, selection });
  assert.deepEqual(result.errors, []);
  return result.findings
    .filter((finding) => selection.definitions.has(finding.ruleId) && !['no-unresolved-refs', 'no-duplicate-keys', 'rule-crashed'].includes(finding.ruleId))
    .map((finding) => {
      const location = finding.location as DocumentLocation;
      return `${finding.ruleId} ${finding.severity} ${location.file}#${location.pointer}:${location.line} ${finding.message}`;
    });
}

const RULE = (given: string, extra = '') => yaml`
  given: ${given}
  ${extra}
  then:
    function: truthy
`;

const DOC = yaml`
  openapi: 3.0.3
  info:
    title: Pets
    version: '1.0'
  paths:
    /pets:
      get:
        operationId: listPets
        responses:
          '200':
            description: ''
            content:
              application/json:
                schema:
                  $ref: 'pet.yaml'
`;
const PET = yaml`
  type: object
  properties:
    name:
      type: string
`;

describe('ruleset loading: extends and severities', () => {
  it('merges a chain of files; a later file changes severities and toggles inherited rules', async () => {
    const cwd = workspace({
      'base/a.yaml': yaml`
        rules:
          a-one: { given: $, then: { function: truthy } }
          a-two: { given: $, recommended: false, then: { function: truthy } }
          a-three: { given: $, severity: info, then: { function: truthy } }
      `,
      'base/b.yaml': yaml`
        extends: ./a.yaml
        rules:
          a-one: 0
          b-one: { given: $, severity: hint, then: { function: truthy } }
      `,
      'ruleset.yaml': yaml`
        extends: [base/b.yaml]
        rules:
          a-two: true
          a-three: false
          b-one: warn
          mine: { given: $, then: { function: falsy } }
      `,
    });
    const selection = await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions: false });
    assert.deepEqual(severities(selection), { 'a-one': 'error', 'a-two': 'warning', 'a-three': 'off', 'b-one': 'warning', mine: 'warning' });
  });

  it('reads the [file, mode] forms: all enables rules that are not recommended, off loads them disabled', async () => {
    const cwd = workspace({
      'lib.yaml': yaml`
        rules:
          shown: { given: $, then: { function: truthy } }
          hidden: { given: $, recommended: false, then: { function: truthy } }
      `,
      'all.yaml': 'extends: [[lib.yaml, all]]\n',
      'off.yaml': 'extends: [[./lib.yaml, off]]\nrules:\n  hidden: error\n',
      'plain.yaml': 'extends: lib.yaml\n',
    });
    const load = (file: string) => loadRulesets([file], { cwd, allowCustomFunctions: false }).then(severities);
    assert.deepEqual(await load('all.yaml'), { shown: 'warning', hidden: 'warning' });
    assert.deepEqual(await load('off.yaml'), { shown: 'off', hidden: 'error' });
    assert.deepEqual(await load('plain.yaml'), { shown: 'warning', hidden: 'off' });
  });

  it('accepts every severity spelling: names, 0-3, off, and true/false for inherited rules', async () => {
    const rules = ['r0', 'r1', 'r2', 'r3', 'rn', 'rw', 'ro'].map((name) => `  ${name}: { given: $, then: { function: truthy } }`).join('\n');
    const cwd = workspace({
      'lib.yaml': `rules:\n${rules}\n`,
      'ruleset.yaml': 'extends: lib.yaml\nrules:\n  r0: 0\n  r1: 1\n  r2: 2\n  r3: 3\n  rn: hint\n  rw: warn\n  ro: off\n',
    });
    assert.deepEqual(severities(await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions: false })), {
      r0: 'error',
      r1: 'warning',
      r2: 'info',
      r3: 'hint',
      rn: 'hint',
      rw: 'warning',
      ro: 'off',
    });
  });

  it('survives a cycle of extends (a → b → a) and keeps the rules of both', async () => {
    const cwd = workspace({
      'ruleset.yaml': 'extends: ./b.yaml\nrules:\n  from-a: { given: $, then: { function: truthy } }\n',
      'b.yaml': 'extends: ./ruleset.yaml\nrules:\n  from-b: { given: $, then: { function: truthy } }\n',
    });
    assert.deepEqual(Object.keys(severities(await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions: false }))).sort(), ['from-a', 'from-b']);
  });

  it('extends built-in rulesets by name and changes their rules', async () => {
    const cwd = workspace({ 'ruleset.yaml': 'extends: [[spectral:oas, off]]\nrules:\n  operation-operationId-unique: error\n' });
    const selection = await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions: false });
    const on = Object.entries(severities(selection)).filter(([, severity]) => severity !== 'off');
    assert.deepEqual(on, [['operation-operationId-unique', 'error']]);
    assert.ok(selection.definitions.get('operation-operationId-unique')?.builtin, 'the built-in rule itself runs');
    assert.ok(selection.definitions.size > 10);
  });

  it('redefines a built-in rule with its own given and then, keeping the built-in severity unless it sets one (as Spectral does)', async () => {
    const files = {
      'openapi.yaml': "openapi: 3.0.3\ninfo:\n  title: Pets\n  version: '1'\n  contact: { name: Pets team }\npaths: {}\n",
      'ruleset.yaml': yaml`
        extends: [[spectral:oas, off]]
        rules:
          info-contact:
            description: The contact needs an email.
            given: $.info.contact
            then: { field: email, function: truthy }
          operation-operationId-unique:
            severity: info
            given: $.info
            then: { field: termsOfService, function: truthy }
      `,
    };
    assert.deepEqual(await lintWith(files), [
      // Sorted by place. Without a message or description of its own, a redefined rule reports what
      // Spectral's rule of that id reports; with a description, that description (as in Spectral).
      'operation-operationId-unique info openapi.yaml#/info:2 Every operation must have unique "operationId".',
      'info-contact warning openapi.yaml#/info/contact:5 The contact needs an email.',
    ]);
    const selection = await loadRulesets(['ruleset.yaml'], { cwd: workspace(files), allowCustomFunctions: false });
    assert.equal(selection.definitions.get('info-contact')?.builtin, undefined, 'the built-in check no longer runs');
  });

  it('merges several --ruleset entries in order, and they replace the default rulesets', async () => {
    const cwd = workspace({
      'one.yaml': 'rules:\n  shared: { given: $, severity: error, then: { function: truthy } }\n',
      'two.yaml': 'rules:\n  shared: { given: $, severity: hint, then: { function: truthy } }\n  extra: { given: $, then: { function: truthy } }\n',
    });
    const selection = await resolveSelection({ rulesets: ['one.yaml', 'two.yaml'], cwd, allowCustomFunctions: false });
    assert.deepEqual(severities(selection), { shared: 'hint', extra: 'warning' });
  });

  it('loads JSON rulesets too', async () => {
    const cwd = workspace({ 'ruleset.json': JSON.stringify({ rules: { 'title-defined': { given: '$.info', then: { field: 'title', function: 'truthy' } } } }) });
    assert.deepEqual(severities(await loadRulesets(['ruleset.json'], { cwd, allowCustomFunctions: false })), { 'title-defined': 'warning' });
  });
});

describe('ruleset loading: rules at work', () => {
  it('reports with Spectral messages, positions and docs links; resolved rules see into referenced files', async () => {
    const findings = await lintWith({
      'openapi.yaml': DOC,
      'pet.yaml': PET,
      'ruleset.yaml': yaml`
        documentationUrl: https://example.com/rules
        rules:
          property-description:
            given: $..properties[*]
            then: { field: description, function: truthy }
          raw-property-description:
            resolved: false
            given: $..properties[*]
            then: { field: description, function: truthy }
          response-description:
            description: Responses need a description.
            severity: error
            given: $.paths[*][*].responses[*]
            then: { field: description, function: truthy }
          operation-ids:
            message: '{{property}} at {{path}} = {{value}}: {{error}}'
            given: $.paths[*][*]
            then: { field: operationId, function: pattern, functionOptions: { match: '^[a-z]+$' } }
      `,
    });
    assert.deepEqual(findings, [
      'operation-ids warning openapi.yaml#/paths/~1pets/get/operationId:8 operationId at #/paths/~1pets/get/operationId = listPets: "listPets" must match the pattern "^[a-z]+$"',
      'response-description error openapi.yaml#/paths/~1pets/get/responses/200/description:11 Responses need a description.',
      'property-description warning pet.yaml#/properties/name:3 "name.description" property must be truthy',
    ]);
  });

  it('turns documentationUrl into a link per rule', async () => {
    const cwd = workspace({ 'ruleset.yaml': 'documentationUrl: https://example.com/rules\nrules:\n  my-rule: { given: $, then: { function: truthy } }\n  own: { given: $, documentationUrl: https://own.example, then: { function: truthy } }\n' });
    const selection = await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions: false });
    assert.equal(selection.definitions.get('my-rule')?.docsUrl, 'https://example.com/rules#my-rule');
    assert.equal(selection.definitions.get('own')?.docsUrl, 'https://own.example');
  });

  it('findings of rules without documentationUrl carry no docs link (not a Rampart page that does not exist)', async () => {
    const cwd = workspace({ 'openapi.yaml': DOC, 'pet.yaml': PET, 'ruleset.yaml': 'rules:\n  no-link: { given: $.info, then: { field: contact, function: defined } }\n' });
    const selection = await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions: false });
    const result = await lint('openapi.yaml', { cwd, selection });
    const finding = result.findings.find((item) => item.ruleId === 'no-link');
    assert.ok(finding);
    assert.equal(finding.docsUrl, undefined);
  });

  it('expands aliases, nested aliases and aliases targeted by format', async () => {
    const files = {
      'openapi.yaml': DOC,
      'pet.yaml': PET,
      'ruleset.yaml': yaml`
        aliases:
          Operation: ['$.paths[*][get,put,post,delete]']
          Response: ['#Operation.responses[*]']
          Schema:
            targets:
              - formats: [oas2]
                given: ['$.definitions[*]']
              - formats: [oas3]
                given: ['$.paths[*][*].responses[*].content[*].schema']
        rules:
          response-description:
            formats: [oas2, oas3]
            given: '#Response'
            then: { field: description, function: truthy }
          schema-title:
            given: '#Schema'
            then: { field: title, function: defined }
      `,
    };
    assert.deepEqual(await lintWith(files), [
      'response-description warning openapi.yaml#/paths/~1pets/get/responses/200/description:11 "description" property must be truthy',
      'schema-title warning pet.yaml#:1 "title" property must be defined',
    ]);
  });

  it('limits rules to formats, from the rule or from the ruleset', async () => {
    const files = {
      'openapi.yaml': DOC,
      'ruleset.yaml': yaml`
        formats: [oas2]
        rules:
          only-swagger: { given: $.info, then: { field: contact, function: defined } }
          only-openapi-3-0: { formats: [oas3.0], given: $.info, then: { field: contact, function: defined } }
          only-openapi-3-1: { formats: [oas3_1], given: $.info, then: { field: contact, function: defined } }
      `,
    };
    assert.deepEqual(await lintWith(files), ['only-openapi-3-0 warning openapi.yaml#/info:2 "info.contact" property must be defined']);
  });

  it('maps overrides to per-file severities, closest pointer last', async () => {
    const cwd = workspace({
      'rules/ruleset.yaml': yaml`
        rules:
          a: { given: $, then: { function: truthy } }
          b: { given: $, then: { function: truthy } }
        overrides:
          - files: ['../api/**/*.yaml#/paths/~1pets/get', 'legacy.json']
            rules: { a: error }
          - files: ['../api/**/*.yaml#/paths']
            rules: { a: off, b: 3 }
          - files: ['../api/**/*.yaml']
            rules: { b: false }
      `,
    });
    const selection = await loadRulesets(['rules/ruleset.yaml'], { cwd, allowCustomFunctions: false });
    assert.deepEqual(
      selection.overrides.map((override) => [override.files, Object.fromEntries([...override.rules].map(([id, setting]) => [id, setting.severity]))]),
      [
        [['legacy.json'], { a: 'error' }],
        [['api/**/*.yaml'], { b: 'off' }],
        [['api/**/*.yaml#/paths'], { a: 'off', b: 'hint' }],
        [['api/**/*.yaml#/paths/~1pets/get'], { a: 'error' }],
      ],
    );
  });

  it('rebases override globs for a working directory below their globstar: files below it and above it', async () => {
    const root = workspace({
      'ruleset.yaml': "rules:\n  a: { given: $, then: { function: truthy } }\noverrides:\n  - files: ['api/**/*.yaml']\n    rules: { a: error }\n",
      'api/schemas/pet.yaml': 'type: object\n',
    });
    const selection = await loadRulesets(['../../ruleset.yaml'], { cwd: path.join(root, 'api', 'schemas'), allowCustomFunctions: false });
    assert.deepEqual(selection.overrides.flatMap((override) => override.files), ['**/*.yaml', '../**/*.yaml']);
  });

  it('applies overrides when linting', async () => {
    const findings = await lintWith({
      'openapi.yaml': DOC,
      'pet.yaml': PET,
      'ruleset.yaml': yaml`
        rules:
          response-description:
            given: $.paths[*][*].responses[*]
            then: { field: description, function: truthy }
          title-casing:
            given: $.info.title
            then: { function: casing, functionOptions: { type: flat } }
        overrides:
          - files: ['openapi.yaml#/paths/~1pets']
            rules: { response-description: info }
          - files: ['*.yaml']
            rules: { title-casing: error }
      `,
    });
    assert.deepEqual(findings, [
      'title-casing error openapi.yaml#/info/title:3 must be flat case',
      'response-description info openapi.yaml#/paths/~1pets/get/responses/200/description:11 "description" property must be truthy',
    ]);
  });

  it('a custom function that returns the wrong shape is a crashed rule that names the function and the problem', async () => {
    const returns: [string, string][] = [
      ["'str'", 'Function "bad" returned a string ("str"): expected an array of { message, path? } (or nothing)'],
      ["{ message: 'm' }", 'Function "bad" returned an object: expected an array of { message, path? } (or nothing)'],
      ["[{ path: ['info'] }]", 'Function "bad" returned an object at [0]: expected an array of { message, path? } (or nothing), with message a string'],
      ["[{ message: 'm', path: 'a.b' }]", 'Function "bad" returned a path that is not a list of keys and indexes at [0]: a string ("a.b")'],
    ];
    for (const [value, reason] of returns) {
      const cwd = workspace({
        'openapi.yaml': DOC,
        'ruleset.yaml': 'functions: [bad]\nrules:\n  r: { given: $.info, then: { function: bad } }\n',
        'functions/bad.js': `export default () => (${value});\n`,
      });
      const selection = await loadRulesets(['ruleset.yaml'], { cwd, allowCustomFunctions: true });
      const result = await lint('openapi.yaml', { cwd, selection });
      assert.deepEqual(
        result.findings.filter((finding) => finding.ruleId === 'rule-crashed').map((finding) => finding.message),
        [`Rule "r" threw an exception and was stopped: ${reason}`],
        value,
      );
    }
  });

  it('runs custom functions only when allowed, called as Spectral calls them', async () => {
    const files = {
      'openapi.yaml': DOC,
      'ruleset.yaml': yaml`
        functions: [noPets]
        rules:
          no-pets:
            given: $.paths
            then: { field: '@key', function: noPets, functionOptions: { word: pets } }
      `,
      'functions/noPets.js': yaml`
        export default function noPets(input, options, context) {
          if (String(input).includes(options.word)) return [{ message: input + ' mentions ' + options.word + ' (' + context.path.join('.') + ')' }];
        }
      `,
    };
    assert.equal(
      await loadError(files),
      'ruleset.yaml:1:13: functions[0]: custom function "noPets" is JavaScript from the ruleset; Rampart runs it only with --allow-custom-functions [RAMPART_CONFIG_INVALID]',
    );
    assert.deepEqual(await lintWith(files, 'openapi.yaml', true), ['no-pets warning openapi.yaml#/paths/~1pets:6 /pets mentions pets (paths./pets)']);
  });
});

describe('ruleset loading: bad rulesets are one-line errors with file:line', () => {
  const cases: { name: string; files: Record<string, string>; error: string }[] = [
    {
      name: 'unknown function option',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $\n    then:\n      function: casing\n      functionOptions: { type: camel, foo: 1 }\n' },
      error: 'ruleset.yaml:6:39: rules.my-rule.then.functionOptions: "casing" function does not support "foo" option [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'missing required option',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $\n    then:\n      - function: truthy\n      - function: enumeration\n' },
      error: 'ruleset.yaml:6:9: rules.my-rule.then[1].functionOptions: "enumeration" function has invalid options specified. Example valid options: { "values": ["Berlin", "London", "Paris"] }, { "values": [2, 3, 5, 8, 13, 21] } [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'options for a function that takes none',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $\n    then: { function: truthy, functionOptions: { x: 1 } }\n' },
      error: 'ruleset.yaml:4:31: rules.my-rule.then.functionOptions: "truthy" function does not accept any options [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'unknown function',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $\n    then: { function: shiny }\n' },
      error:
        'ruleset.yaml:4:13: rules.my-rule.then.function: unknown function "shiny". Core functions: alphabetical, casing, defined, enumeration, falsy, length, or, pattern, schema, truthy, undefined, unreferencedReusableObject, xor; custom functions must be listed in "functions" [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'rule without then',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $\n' },
      error: 'ruleset.yaml:2:3: rules.my-rule: the rule must have at least "given" and "then" properties [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'unknown rule property',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $\n    severty: error\n    then: { function: truthy }\n' },
      error: 'ruleset.yaml:4:5: rules.my-rule.severty: unknown rule property. Allowed: given, then, severity, message, description, formats, resolved, recommended, documentationUrl, tags, type, extensions [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'bad severity',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $\n    severity: fatal\n    then: { function: truthy }\n' },
      error: 'ruleset.yaml:4:5: rules.my-rule.severity: invalid severity "fatal": use error, warn, info, hint, off or 0-3 [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'unknown format',
      files: { 'ruleset.yaml': 'formats: [oas4]\nrules: {}\n' },
      error: 'ruleset.yaml:1:11: formats[0]: unknown format "oas4". Known: oas2, oas3, oas3_0, oas3_1, oas3_2, asyncapi2, asyncapi3, aas2, aas2_0, aas2_1, aas2_2, aas2_3, aas2_4, aas2_5, aas2_6, aas3, aas3_0, arazzo1_0, json-schema, json-schema-loose, json-schema-draft4, json-schema-draft6, json-schema-draft7, json-schema-2019-09, json-schema-2020-12 [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'unknown alias',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: "#Nope.info"\n    then: { function: truthy }\n' },
      error: 'ruleset.yaml:3:5: rules.my-rule.given: invalid JSONPath "#Nope.info": Alias "Nope" does not exist [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'circular alias',
      files: { 'ruleset.yaml': "aliases:\n  A: ['#B']\n  B: ['#A.x']\nrules: {}\n" },
      error: 'ruleset.yaml:2:3: aliases.A: Alias "A" is circular. Resolution stack: A -> B -> A [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'a filter that is not closed',
      files: { 'ruleset.yaml': 'rules:\n  my-rule:\n    given: $.info[?(@.x\n    then: { function: truthy }\n' },
      error: 'ruleset.yaml:3:5: rules.my-rule.given: invalid JSONPath "$.info[?(@.x": "[?(@" is not closed with ")]" [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'a filter that is not an expression',
      files: { 'ruleset.yaml': "rules:\n  my-rule:\n    given: ['$', '$.paths[*][?(@.a == 1 &&)]']\n    then: { function: truthy }\n" },
      error: 'ruleset.yaml:3:18: rules.my-rule.given[1]: invalid JSONPath "$.paths[*][?(@.a == 1 &&)]": Expected expression after && [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'a message for a built-in rule without a new given and then',
      files: { 'ruleset.yaml': 'extends: spectral:oas\nrules:\n  info-contact:\n    severity: error\n    message: Add a contact\n' },
      error: 'ruleset.yaml:5:5: rules.info-contact.message: "info-contact" is a built-in rule: set its severity or recommended here, or redefine it with "given" and "then" [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'a built-in rule redefined with only a given',
      files: { 'ruleset.yaml': 'extends: spectral:oas\nrules:\n  info-contact:\n    given: $.info\n' },
      error: 'ruleset.yaml:3:3: rules.info-contact: redefining the built-in rule "info-contact" takes both "given" and "then" [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'severity for a rule nobody defines',
      files: { 'ruleset.yaml': 'rules:\n  ghost: error\n' },
      error: 'ruleset.yaml:2:3: rules.ghost: cannot set the severity of rule "ghost": no extended ruleset defines it [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'override of an unknown rule',
      files: { 'ruleset.yaml': "rules: {}\noverrides:\n  - files: ['*.yaml']\n    rules: { ghost: off }\n" },
      error: 'ruleset.yaml:4:14: overrides[0].rules.ghost: cannot override rule "ghost": no such rule in this ruleset [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'missing extended file',
      files: { 'ruleset.yaml': 'extends: [./nowhere.yaml]\n' },
      error: 'ruleset.yaml:1:11: extends[0]: cannot extend "./nowhere.yaml": no such ruleset file [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'package names are not fetched',
      files: { 'ruleset.yaml': 'extends: "@acme/spectral-rules"\n' },
      error:
        'ruleset.yaml:1:1: extends: cannot extend "@acme/spectral-rules": use a built-in ruleset (spectral:oas, recommended, owasp, rampart:recommended, rampart:owasp) or a relative YAML/JSON file [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'invalid YAML',
      files: { 'ruleset.yaml': 'rules:\n  a: [\n' },
      error: 'ruleset.yaml:3:1: invalid YAML: deficient indentation [RAMPART_PARSE_FAILED]',
    },
    {
      name: 'not a mapping',
      files: { 'ruleset.yaml': '- a\n- b\n' },
      error: 'ruleset.yaml:1:1: a ruleset must be a mapping (with "extends" and/or "rules") [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'unknown top-level key',
      files: { 'ruleset.yaml': 'rulez: {}\n' },
      error: 'ruleset.yaml:1:1: rulez: unknown ruleset property. Allowed: extends, rules, aliases, overrides, formats, documentationUrl, functions, functionsDir, description, parserOptions [RAMPART_CONFIG_INVALID]',
    },
    {
      name: 'error inside an extended file names that file',
      files: { 'ruleset.yaml': 'extends: lib/base.yaml\n', 'lib/base.yaml': 'rules:\n  x:\n    given: 42\n    then: { function: truthy }\n' },
      error: 'lib/base.yaml:3:5: rules.x.given: must be a valid JSON Path expression or a reference to the existing Alias optionally paired with a JSON Path expression subset [RAMPART_CONFIG_INVALID]',
    },
  ];
  for (const item of cases) {
    it(item.name, async () => assert.equal(await loadError(item.files), item.error));
  }

  it('a missing ruleset file', async () => {
    assert.equal(await loadError({}, 'nope.yaml'), 'nope.yaml: no such ruleset file [RAMPART_FILE_NOT_FOUND]');
  });

  it('a misspelt built-in ruleset name reads as a missing file, with the name that was meant', async () => {
    assert.equal(await loadError({}, 'owsap'), 'owsap: no such ruleset file. Did you mean "owasp"? [RAMPART_FILE_NOT_FOUND]');
    assert.equal(await loadError({}, 'recomended'), 'recomended: no such ruleset file. Did you mean "recommended"? [RAMPART_FILE_NOT_FOUND]');
  });
});
