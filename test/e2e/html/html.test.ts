/**
 * Opens the HTML report in real headless Chromium (Debian `chromium` + playwright-core): the counts
 * it shows must match the JSON report of the same run, filters must work, and the page must not
 * touch the network. Saves a screenshot under a temporary folder (path printed as a diagnostic).
 * Skips cleanly when /usr/bin/chromium is absent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { builtPackageRoot, REPO, useFreshCli } from '../golden.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface JsonReport {
  findings: { ruleId: string; severity: string; owasp: string[]; location: { file?: string; pointer?: string } }[];
  summary: Record<string, number>;
  score?: { overall: number; tier: number; categories: Record<string, { score: number }> };
}

describe('html report in Chromium', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` }, () => {
  let cleanup = () => {};
  const out = mkdtempSync(path.join(tmpdir(), 'rampart-html-e2e-'));
  let report: JsonReport;
  before(() => {
    cleanup = useFreshCli();
    const cli = path.join(builtPackageRoot(), 'bin', 'rampart.js');
    const run = spawnSync(process.execPath, [cli, 'score', 'examples/bookstore/openapi.yaml', '--format', `html:${path.join(out, 'report.html')}`, '--format', `json:${path.join(out, 'report.json')}`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    assert.equal(run.stderr, '');
    report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as JsonReport;
    assert.ok(report.findings.length > 5, 'the example has findings on purpose');
  });
  after(() => cleanup());

  test('counts, chart and score match the JSON report; filters work; no network', async (t) => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(path.join(out, 'report.html')).href);

      const number = async (selector: string) => Number(await page.locator(selector).textContent());
      assert.equal(await number('#count-total'), report.findings.length);
      for (const severity of ['error', 'warning', 'info', 'hint']) assert.equal(await number(`#count-${severity}`), report.summary[severity], severity);
      assert.equal(await page.locator('.finding:visible').count(), report.findings.length);

      // Chart rows: findings per OWASP category, as in the JSON.
      for (const row of await page.locator('#owasp-chart tbody tr').all()) {
        const category = (await row.getAttribute('data-category'))!;
        const expected = category === 'other' ? report.findings.filter((finding) => !finding.owasp.some((tag) => tag.endsWith(':2023'))).length : report.findings.filter((finding) => finding.owasp.includes(category)).length;
        assert.equal(Number(await row.getAttribute('data-total')), expected, category);
      }
      // Score gauges and tier, as in the JSON score block.
      assert.equal(Number(await page.locator('[data-gauge="overall"]').getAttribute('data-value')), report.score!.overall);
      assert.equal(Number(await page.locator('[data-gauge="security"]').getAttribute('data-value')), report.score!.categories.security!.score);
      assert.equal(await number('#risk-tier'), report.score!.tier);

      // Severity filter: untick errors.
      await page.locator('input[name=severity][value=error]').uncheck();
      assert.equal(await number('#count-shown'), report.findings.length - report.summary.error!);
      assert.equal(await page.locator('.finding:visible').count(), report.findings.length - report.summary.error!);
      await page.locator('input[name=severity][value=error]').check();

      // Rule filter: the most frequent rule.
      const byRule = new Map<string, number>();
      for (const finding of report.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
      const [ruleId, ruleCount] = [...byRule.entries()].sort((a, b) => b[1] - a[1])[0]!;
      await page.locator('#filter-rule').selectOption(ruleId);
      assert.equal(await number('#count-shown'), ruleCount);
      assert.equal(await page.locator('.group:visible').count(), 1);
      await page.locator('#filter-rule').selectOption('');

      // Path filter: findings under /orders (pointer or file), case-insensitive.
      await page.locator('#filter-path').fill('/ORDERS');
      const underOrders = report.findings.filter((finding) => `${finding.location.file} ${finding.location.pointer}`.toLowerCase().includes('orders')).length;
      assert.ok(underOrders > 0);
      assert.equal(await number('#count-shown'), underOrders);
      await page.locator('#filter-path').fill('no-such-path-anywhere');
      assert.equal(await number('#count-shown'), 0);
      assert.equal(await page.locator('#empty').isVisible(), true);
      await page.locator('#filter-path').fill('');

      await page.locator('#filter-path').blur();
      await page.evaluate(() => window.scrollTo(0, 0));
      const screenshot = path.join(out, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: false });
      t.diagnostic(`screenshot: ${screenshot}`);
      assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), []);
    } finally {
      await browser.close();
    }
  });
});
