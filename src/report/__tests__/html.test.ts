import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../core/finding.js';
import noHttpBasic from '../../lint/rules/owasp/owasp-api2-no-http-basic.js';
import { html } from '../html.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';

/** Text of the element with this id (the report is static HTML, so a regex is enough here). */
function byId(page: string, id: string): string | undefined {
  return new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(page)?.[1];
}

describe('html reporter', () => {
  const findings: Finding[] = [
    finding(),
    finding({ message: 'Second <script>alert(1)</script> & more', location: { file: 'api/openapi.yaml', pointer: '/paths/~1orders/get', line: 3, column: 5 }, fingerprint: 'x' }),
    basicAuth,
    operationFinding,
    finding({ severity: 'hint', suppressed: { kind: 'inline' }, fingerprint: 's' }),
  ];

  it('is self-contained: a CSP forbids the network and nothing loads from elsewhere', () => {
    const page = html(findings, context());
    assert.match(page, /^<!doctype html>/);
    assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(page, /<(script|link|img|iframe)[^>]+(src|href)=/i);
    assert.doesNotMatch(page, /url\(/);
    assert.ok(page.endsWith('\n'));
  });

  it('shows counts by severity that match the findings (suppressed ones apart)', () => {
    const page = html(findings, context());
    assert.equal(byId(page, 'count-total'), '4');
    assert.equal(byId(page, 'count-error'), '2');
    assert.equal(byId(page, 'count-warning'), '2');
    assert.equal(byId(page, 'count-hint'), '0');
    assert.equal(byId(page, 'count-suppressed'), '1');
    assert.equal(byId(page, 'count-shown'), '4');
    assert.equal((page.match(/<li class="finding"/g) ?? []).length, 4);
  });

  it('escapes messages', () => {
    const page = html(findings, context());
    assert.ok(page.includes('Second &lt;script&gt;alert(1)&lt;/script&gt; &amp; more'));
    assert.ok(!page.includes('<script>alert(1)'));
  });

  it('groups findings by rule, most severe first, with rule documentation inline', () => {
    // The CLI passes each built-in rule's docs in the context (ruleInfos), as here.
    const basic = { id: noHttpBasic.id, description: noHttpBasic.meta.description, defaultSeverity: 'error', owasp: [], cwe: [], docs: noHttpBasic.meta.docs };
    const rules = new Map([...context().rules, [noHttpBasic.id, basic]]);
    const page = html([finding({ ruleId: 'owasp-api2-no-http-basic', severity: 'error', message: 'basic', owasp: ['API2:2023'], cwe: ['CWE-522'] }), finding()], context({ rules }));
    const groups = [...page.matchAll(/<details class="group" data-rule="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(groups, ['owasp-api2-no-http-basic', 'operation-tags']);
    // Built-in rule docs (why, fix, bad and good examples) come from the rule's metadata.
    assert.match(page, /<strong>Why:<\/strong> Basic authentication sends a reusable password/);
    assert.match(page, /<h4>Bad<\/h4><pre>components:/);
    // Other rules fall back to the description from the report context.
    assert.match(page, /Operations must have tags\./);
  });

  it('charts findings by OWASP category and severity', () => {
    const page = html(findings, context());
    const row = (id: string) => new RegExp(`<tr data-category="${id}" data-total="(\\d+)"`).exec(page)?.[1];
    assert.equal(row('API1:2023'), '1');
    assert.equal(row('API2:2023'), '1');
    assert.equal(row('API4:2023'), '0');
    assert.equal(row('other'), '2');
  });

  it('draws score gauges, the tier and per-category scores when a score block is given', () => {
    const score = {
      overall: 72,
      grade: 'C',
      tier: 1,
      tierReasons: ['served on public hosts'],
      categories: { security: { name: 'Security', score: 55, grade: 'F', costs: [{ ruleId: 'owasp-api4-string-limit', cost: 3, findings: 9 }] }, design: { score: 90, grade: 'A' }, documentation: { score: 80, grade: 'B' }, 'API4:2023': { score: 20, grade: 'F' } },
    };
    const page = html(findings, context({ blocks: { score } }));
    assert.deepEqual([...page.matchAll(/data-gauge="([^"]+)" data-value="(\d+)"/g)].map((match) => `${match[1]}=${match[2]}`), ['overall=72', 'security=55', 'design=90', 'documentation=80']);
    assert.equal(byId(page, 'risk-tier'), '1');
    assert.match(page, /data-score-category="API4:2023">20</);
    assert.match(page, /owasp-api4-string-limit<\/code>: −3 \(9 findings\)/);
    assert.doesNotMatch(html(findings, context()), /data-gauge=/);
  });

  it('shows the source lines around each finding, read from the analysed file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-html-'));
    try {
      mkdirSync(path.join(dir, 'api'));
      writeFileSync(path.join(dir, 'api', 'openapi.yaml'), 'openapi: 3.0.3\npaths:\n  /orders:\n    get: {}\n  /users:\n    get: {}\n');
      const page = html([finding({ location: { file: 'api/openapi.yaml', pointer: '/paths/~1orders/get', line: 4, column: 5 } })], context({ cwd: dir }));
      assert.match(page, /<span class="ln"><i>2<\/i>paths:<\/span><span class="ln"><i>3<\/i>  \/orders:<\/span><span class="ln hit"><i>4<\/i>    get: \{\}<\/span>/);
      // data-path holds the file, the pointer and the API path, lower-cased, for the path filter.
      assert.match(page, /data-path="api\/openapi.yaml \/paths\/~1orders\/get \/orders"/);
      // A file that cannot be read loses its excerpt, nothing else.
      assert.doesNotMatch(html([finding({ location: { file: 'gone.yaml', pointer: '', line: 1, column: 1 } })], context({ cwd: dir })), /class="excerpt"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
