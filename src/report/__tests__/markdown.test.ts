import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/finding.js';
import { createMarkdownReporter, escapeMarkdown, markdown, MARKDOWN_MAX_ROWS } from '../markdown.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';

const mixed: Finding[] = [
  finding(),
  basicAuth,
  finding({ ruleId: 'schema-description', severity: 'hint', message: 'Schema has no description.', location: { file: 'api/schemas/user.yaml', pointer: '', line: 3, column: 1 }, docsUrl: undefined }),
  operationFinding,
  finding({ suppressed: { kind: 'inline' } }),
];
const score = { score: 72.5, grade: 'C', categories: [{ id: 'API2:2023', score: 40 }, { name: 'Design', score: 95 }, { bogus: true }] };

const cases: Array<{ name: string; findings: Finding[]; blocks?: Record<string, unknown>; maxRows?: number; expected: string }> = [
  {
    name: 'headline with counts, score with categories, one table per file with docs links',
    findings: mixed,
    blocks: { score },
    expected: [
      '## ❌ Rampart lint: 4 problems (2 errors, 1 warning, 1 hint), 1 suppressed',
      '',
      '**Score: 72.5/100** (C)',
      '',
      '| Category | Score |',
      '| --- | --- |',
      '| API2:2023 | 40 |',
      '| Design | 95 |',
      '',
      '### api/openapi.yaml (2)',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| 🟠 warning | [operation-tags](https://docs.example/rules/operation-tags.md) | api/openapi.yaml:12 | Operation GET /users has no tags. |',
      '| 🔴 error | [no-http-basic](https://docs.example/rules/no-http-basic.md) | api/openapi.yaml:40 | Security scheme "basic" uses HTTP Basic. |',
      '',
      '### api/schemas/user.yaml (1)',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| ⚪ hint | schema-description | api/schemas/user.yaml:3 | Schema has no description. |',
      '',
      '### api.example.com (1)',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| 🔴 error | bola-two-users | GET /orders/{orderId} (api.example.com) | User B can read user A\'s order. |',
      '',
    ].join('\n'),
  },
  {
    name: 'truncation after N rows, with a note',
    findings: mixed,
    maxRows: 2,
    expected: [
      '## ❌ Rampart lint: 4 problems (2 errors, 1 warning, 1 hint), 1 suppressed',
      '',
      '### api/openapi.yaml (2)',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| 🟠 warning | [operation-tags](https://docs.example/rules/operation-tags.md) | api/openapi.yaml:12 | Operation GET /users has no tags. |',
      '| 🔴 error | [no-http-basic](https://docs.example/rules/no-http-basic.md) | api/openapi.yaml:40 | Security scheme "basic" uses HTTP Basic. |',
      '',
      '_Showing 2 of 4 findings; 2 more not shown. The SARIF or JSON report lists all of them._',
      '',
    ].join('\n'),
  },
  {
    name: 'pipes, HTML and Markdown syntax in messages and paths are escaped; unsafe characters in links encoded',
    findings: [
      finding({
        message: 'a | b <script>alert(1)</script> *bold* _x_ [link](http://x) `code` ~s~ \\ & line\nbreak',
        docsUrl: 'https://x.example/a (b)|c',
        location: { file: 'dir/we|ird_name.yaml', pointer: '', line: 2 },
      }),
    ],
    expected: [
      '## ⚠️ Rampart lint: 1 problem (1 warning)',
      '',
      '### dir/we\\|ird\\_name.yaml (1)',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| 🟠 warning | [operation-tags](https://x.example/a%20%28b%29%7Cc) | dir/we\\|ird\\_name.yaml:2 | a \\| b &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\_x\\_ \\[link\\](http://x) \\`code\\` \\~s\\~ \\\\ &amp; line<br>break |',
      '',
    ].join('\n'),
  },
  {
    name: 'clean, with a score block that is not a score (left out)',
    findings: [],
    blocks: { score: 'junk' },
    expected: '## ✅ Rampart lint: no problems found\n',
  },
  {
    name: 'clean with suppressed findings and a plain numeric score',
    findings: [finding({ suppressed: { kind: 'baseline' } })],
    blocks: { score: 88 },
    expected: '## ✅ Rampart lint: no problems found, 1 suppressed\n\n**Score: 88/100**\n',
  },
  {
    name: 'score categories given as a map; non-numeric entries skipped',
    findings: [],
    blocks: { score: { overall: 61, tier: 'high risk', max: 100, categories: { design: 70, security: { score: 52.25 }, broken: 'x', nan: Number.NaN } } },
    expected: ['## ✅ Rampart lint: no problems found', '', '**Score: 61/100** (high risk)', '', '| Category | Score |', '| --- | --- |', '| design | 70 |', '| security | 52.3 |', ''].join('\n'),
  },
  {
    name: 'score objects without a number are left out',
    findings: [],
    blocks: { score: { grade: 'A', categories: [] } },
    expected: '## ✅ Rampart lint: no problems found\n',
  },
  {
    name: 'maxRows 0 shows only the headline and the note',
    findings: [finding()],
    maxRows: 0,
    expected: '## ⚠️ Rampart lint: 1 problem (1 warning)\n\n_Showing 0 of 1 findings; 1 more not shown. The SARIF or JSON report lists all of them._\n',
  },
  {
    name: 'only infos: warning icon, "infos"',
    findings: [finding({ severity: 'info', docsUrl: 'javascript:alert(1)' }), finding({ severity: 'info', docsUrl: undefined })],
    expected: [
      '## ⚠️ Rampart lint: 2 problems (2 infos)',
      '',
      '### api/openapi.yaml (2)',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| 🔵 info | operation-tags | api/openapi.yaml:12 | Operation GET /users has no tags. |',
      '| 🔵 info | operation-tags | api/openapi.yaml:12 | Operation GET /users has no tags. |',
      '',
    ].join('\n'),
  },
];

for (const { name, findings, blocks, maxRows, expected } of cases) {
  test(`markdown: ${name}`, () => {
    const reporter = maxRows === undefined ? markdown : createMarkdownReporter({ maxRows });
    assert.equal(reporter(findings, context({ blocks })), expected);
  });
}

test('markdown: the default reporter truncates after MARKDOWN_MAX_ROWS rows', () => {
  const many = Array.from({ length: MARKDOWN_MAX_ROWS + 5 }, (_, index) => finding({ location: { file: `f${index % 3}.yaml`, pointer: '', line: index + 1 } }));
  const output = markdown(many, context());
  assert.equal(output.split('\n').filter((line) => line.startsWith('| 🟠')).length, MARKDOWN_MAX_ROWS);
  assert.ok(output.endsWith(`_Showing ${MARKDOWN_MAX_ROWS} of ${MARKDOWN_MAX_ROWS + 5} findings; 5 more not shown. The SARIF or JSON report lists all of them._\n`));
});

test('markdown: an escaped cell never contains an unescaped pipe, raw HTML or a line break', () => {
  const cell = escapeMarkdown('x|y\\|z <img src=x onerror=alert(1)>\r\n\r|');
  assert.equal(cell, 'x\\|y\\\\\\|z &lt;img src=x onerror=alert(1)&gt;<br><br>\\|');
  assert.doesNotMatch(cell.replace(/<br>/g, ''), /(^|[^\\])(\\\\)*\||<|\n|\r/);
});
