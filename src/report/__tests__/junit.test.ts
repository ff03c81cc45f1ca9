import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/finding.js';
import { junit } from '../junit.js';
import { escapeXmlAttribute, escapeXmlText } from '../xml.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';
import { elements, parseXml, textOf, type XmlElement } from './xml-parse.js';

const mixed: Finding[] = [
  finding(),
  finding({ message: 'Second problem at the same place.' }),
  { ...basicAuth, fix: 'Use OAuth 2.' },
  finding({ ruleId: 'schema-description', severity: 'hint', message: 'Schema has no description.', location: { file: 'api/schemas/user.yaml', pointer: '', line: 3, column: 1 }, suppressed: { kind: 'inline', justification: 'generated' } }),
  operationFinding,
];
const mixedInputs = ['api/openapi.yaml', 'api/clean.yaml', '/repo/api/schemas/user.yaml'];

test('junit: exact document: suites per file sorted, one case per rule and location, clean input passes, suppressed skipped', () => {
  assert.equal(junit(mixed, context({ inputs: mixedInputs })), EXPECTED_MIXED);
});

test('junit: parses back; suite and total counts agree with the testcases', () => {
  const root = parseXml(junit(mixed, context({ inputs: mixedInputs })));
  assert.equal(root.name, 'testsuites');
  const suites = elements(root, 'testsuite');
  assert.deepEqual(suites.map((suite) => suite.attributes.name), ['api.example.com', 'api/clean.yaml', 'api/openapi.yaml', 'api/schemas/user.yaml']);
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const suite of suites) {
    const cases = elements(suite, 'testcase');
    const suiteFailures = cases.filter((testCase) => elements(testCase, 'failure').length > 0).length;
    const suiteSkipped = cases.filter((testCase) => elements(testCase, 'skipped').length > 0).length;
    assert.equal(Number(suite.attributes.tests), cases.length, suite.attributes.name);
    assert.equal(Number(suite.attributes.failures), suiteFailures, suite.attributes.name);
    assert.equal(Number(suite.attributes.skipped), suiteSkipped, suite.attributes.name);
    tests += cases.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
  }
  assert.deepEqual([root.attributes.tests, root.attributes.failures, root.attributes.skipped, root.attributes.errors].map(Number), [tests, failures, skipped, 0]);
  assert.deepEqual([tests, failures, skipped], [5, 3, 1]);
});

test('junit: no findings and no inputs is still a well-formed, empty report', () => {
  const output = junit([], context());
  assert.equal(output, '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rampart lint" tests="0" failures="0" errors="0" skipped="0" time="0">\n</testsuites>\n');
  assert.equal(parseXml(output).name, 'testsuites');
});

const hostile: Array<{ name: string; message: string; expected: string }> = [
  { name: 'markup characters', message: `<a href="x">&amp; it's</a>`, expected: `<a href="x">&amp; it's</a>` },
  { name: 'CDATA terminator', message: 'ends ]]> here', expected: 'ends ]]> here' },
  { name: 'newlines, CR and tab', message: 'line 1\nline 2\r\nline\t3', expected: 'line 1\nline 2\r\nline\t3' },
  { name: 'control characters XML forbids', message: 'nul\u0000 esc\u001b bell\u0007 ffff\uFFFF', expected: 'nul\\u0000 esc\\u001B bell\\u0007 ffff\\uFFFF' },
  { name: 'unpaired surrogates, while a real pair is kept', message: 'lone \uD800 and \uDC00; pair 😀', expected: 'lone \\uD800 and \\uDC00; pair 😀' },
  { name: 'entity-looking text', message: '&lt; &#0; &bogus;', expected: '&lt; &#0; &bogus;' },
];
for (const { name, message, expected } of hostile) {
  test(`junit: hostile message round-trips through a strict parser: ${name}`, () => {
    const file = `dir/${name}<&>".yaml`;
    const output = junit([finding({ message, ruleId: `rule"<${name}>`, location: { file, pointer: '/a', line: 1, column: 1 } })], context());
    const root = parseXml(output);
    const testCase = elements(elements(root, 'testsuite')[0]!, 'testcase')[0]!;
    const failure = elements(testCase, 'failure')[0] as XmlElement;
    assert.equal(failure.attributes.message, expected);
    assert.equal(testCase.attributes.classname, file);
    assert.equal(testCase.attributes.name, `rule"<${name}> at 1:1`);
    assert.ok(textOf(failure).startsWith(`warning: ${expected}\n`), textOf(failure));
  });
}

test('junit: the parser used above rejects what is not well-formed', () => {
  const bad = [
    '<a><b></a></b>',
    '<a>&</a>',
    '<a>&nbsp;</a>',
    '<a x="1" x="2"/>',
    '<a x="<"/>',
    '<a>\u0001</a>',
    '<a>&#1;</a>',
    '<a/><b/>',
    '<a>',
    '<a>]]></a>',
  ];
  for (const text of bad) assert.throws(() => parseXml(text), Error, text);
});

const escapes: Array<[string, string, string]> = [
  ['&<>"\'', '&amp;&lt;&gt;"\'', '&amp;&lt;&gt;&quot;&apos;'],
  ['a\nb\r\tc', 'a\nb&#13;\tc', 'a&#10;b&#13;&#9;c'],
  ['\u0000\u000B\u000C\u001F', '\\u0000\\u000B\\u000C\\u001F', '\\u0000\\u000B\\u000C\\u001F'],
];
for (const [input, text, attribute] of escapes) {
  test(`junit: XML escaping of ${JSON.stringify(input)}`, () => {
    assert.equal(escapeXmlText(input), text);
    assert.equal(escapeXmlAttribute(input), attribute);
  });
}

const EXPECTED_MIXED = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<testsuites name="rampart lint" tests="5" failures="3" errors="0" skipped="1" time="0">',
  '  <testsuite name="api.example.com" tests="1" failures="1" errors="0" skipped="0" time="0">',
  '    <testcase classname="api.example.com" name="bola-two-users at GET /orders/{orderId}" time="0">',
  '      <failure message="User B can read user A&apos;s order." type="error">error: User B can read user A\'s order.',
  'Rule: bola-two-users',
  'Location: GET /orders/{orderId} (api.example.com)',
  'Mapping: API1:2023, CWE-639',
  'Reproduce: curl -H "Authorization: Bearer &lt;B&gt;" https://api.example.com/orders/1</failure>',
  '    </testcase>',
  '  </testsuite>',
  '  <testsuite name="api/clean.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">',
  '    <testcase classname="api/clean.yaml" name="rampart lint" file="api/clean.yaml" time="0" />',
  '  </testsuite>',
  '  <testsuite name="api/openapi.yaml" tests="2" failures="2" errors="0" skipped="0" time="0">',
  '    <testcase classname="api/openapi.yaml" name="operation-tags at 12:5" file="api/openapi.yaml" line="12" time="0">',
  '      <failure message="Operation GET /users has no tags.&#10;Second problem at the same place." type="warning">warning: Operation GET /users has no tags.',
  'warning: Second problem at the same place.',
  'Rule: operation-tags',
  'Location: api/openapi.yaml:12:5 (/paths/~1users/get)',
  'Docs: https://docs.example/rules/operation-tags.md</failure>',
  '    </testcase>',
  '    <testcase classname="api/openapi.yaml" name="no-http-basic at 40:5" file="api/openapi.yaml" line="40" time="0">',
  '      <failure message="Security scheme &quot;basic&quot; uses HTTP Basic." type="error">error: Security scheme "basic" uses HTTP Basic.',
  'Rule: no-http-basic',
  'Location: api/openapi.yaml:40:5 (/components/securitySchemes/basic)',
  'Mapping: API2:2023, CWE-522',
  'Fix: Use OAuth 2.',
  'Docs: https://docs.example/rules/no-http-basic.md</failure>',
  '    </testcase>',
  '  </testsuite>',
  '  <testsuite name="api/schemas/user.yaml" tests="1" failures="0" errors="0" skipped="1" time="0">',
  '    <testcase classname="api/schemas/user.yaml" name="schema-description at 3:1" file="api/schemas/user.yaml" line="3" time="0">',
  '      <skipped message="suppressed (inline): generated" />',
  '    </testcase>',
  '  </testsuite>',
  '</testsuites>',
  '',
].join('\n');
