/**
 * End to end: the built CLI scans three secure APIs shaped unlike the demo (started in this process
 * on 127.0.0.1), with every probe. Each behaves in ways that once read as weaknesses: a search that
 * echoes its query and reports "unterminated quoted string" for a stray quote, word search that
 * finds "or" and "and", e-mail user names validated before the login is tried, cookie sessions with
 * a CSRF header, 404 for other users' objects, strict schemas, numeric ids, an API-key health check
 * without authentication. Nothing at warning or above may be reported, and the servers' own tallies
 * show the scan really exercised their operations, so the test cannot pass by testing nothing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { builtPackageRoot, REPO, useFreshCli } from '../golden.js';
import { CATALOG_SCAN_CONFIG, startCatalogApi } from './catalog-secure.js';
import { INVENTORY_SCAN_CONFIG, startInventoryApi } from './inventory-secure.js';
import { NOTES_SCAN_CONFIG, startNotesApi } from './notes-secure.js';
import type { RunningApi } from './secure-api-kit.js';

const run = promisify(execFile);
let cleanup = () => {};

interface Report {
  findings: { ruleId: string; severity: string; location: { method: string; path: string }; message: string }[];
  scan: { requests: number; durationMs: number; skipped: { probe: string; reason: string; operation?: string }[] };
}

interface Target {
  name: string;
  start: () => Promise<RunningApi>;
  config: string;
  extraArgs: string[];
  /** Operations that must have answered 2xx at least once during the scan. */
  succeeded: string[];
  /** Statuses each operation must have given at least once: the attacks reached it and were refused. */
  refused: Record<string, number[]>;
}

const TARGETS: Target[] = [
  {
    name: 'catalog (OAuth2 opaque tokens with scopes, search echoing its query)',
    start: startCatalogApi,
    config: CATALOG_SCAN_CONFIG,
    extraArgs: [],
    succeeded: ['POST /oauth/token', 'GET /books/search', 'GET /books', 'GET /books/{bookId}', 'GET /orders', 'POST /orders', 'GET /orders/{orderId}', 'GET /admin/orders', 'POST /admin/books'],
    // 400: a stray quote is a query syntax error; 403: users lack catalog:admin; 404: bob asks for alice's order.
    refused: { 'GET /books/search': [400, 401], 'GET /admin/orders': [403], 'GET /orders/{orderId}': [404] },
  },
  {
    name: 'notes (cookie session + CSRF header, problem+json, 422, If-Match)',
    start: startNotesApi,
    config: NOTES_SCAN_CONFIG,
    extraArgs: ['--allow-destructive'],
    succeeded: ['POST /session', 'POST /password-resets', 'GET /me', 'GET /notes', 'POST /notes', 'GET /notes/{noteId}', 'DELETE /notes/{noteId}'],
    // 401 and 429 on sign-in: wrong passwords for known and made-up addresses, then the burst; 428/412: updates without the ETag.
    refused: { 'POST /session': [401, 429], 'POST /notes': [422], 'GET /notes/{noteId}': [404], 'PATCH /notes/{noteId}': [412] },
  },
  {
    name: 'inventory (API keys, numeric ids, strict schemas, /internal admin routes)',
    start: startInventoryApi,
    config: INVENTORY_SCAN_CONFIG,
    extraArgs: ['--allow-destructive'],
    succeeded: ['GET /health', 'GET /items', 'POST /items', 'GET /items/{itemId}', 'PUT /items/{itemId}', 'GET /internal/stats', 'POST /internal/items/{itemId}/recall'],
    refused: { 'POST /items': [400], 'GET /items/{itemId}': [404], 'GET /internal/stats': [403], 'GET /items': [401] },
  },
];

before(() => {
  cleanup = useFreshCli();
});
after(() => cleanup());

for (const target of TARGETS) {
  describe(`rampart scan on a secure API: ${target.name}`, () => {
    let report: Report;
    let status: number;
    let api: RunningApi;
    before(async () => {
      api = await target.start();
      const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-secure-'));
      writeFileSync(path.join(dir, 'rampart.yaml'), target.config);
      const args = [path.join(builtPackageRoot(), 'bin', 'rampart.js'), 'scan', '--config', path.join(dir, 'rampart.yaml'), '--spec', `${api.url}/openapi.json`, '--target', api.url, '--format', 'json', '--rps', '2000', '--seed', '42', '--budget', '1500', ...target.extraArgs];
      const options = { cwd: REPO, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 };
      const result = await run(process.execPath, args, options).then(
        ({ stdout }) => ({ stdout, code: 0 }),
        (error: { stdout: string; code: number }) => error,
      );
      report = JSON.parse(result.stdout) as Report;
      status = result.code;
    });
    after(() => api.close());

    it('reports nothing at warning or above', () => {
      const serious = report.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
      assert.deepEqual(serious.map((finding) => `${finding.ruleId} ${finding.location.method} ${finding.location.path}: ${finding.message}`), []);
      assert.equal(status, 0);
    });

    it('exercised every operation it could (the server\'s own tally)', () => {
      const answered = Object.fromEntries([...api.answered].map(([operation, statuses]) => [operation, [...new Set(statuses)].sort()]));
      for (const operation of target.succeeded) assert.ok(answered[operation]?.some((code) => code >= 200 && code < 300), `${operation} never answered 2xx: ${JSON.stringify(answered)}`);
      for (const [operation, codes] of Object.entries(target.refused)) {
        for (const code of codes) assert.ok(answered[operation]?.includes(code), `${operation} never answered ${code}: ${JSON.stringify(answered)}`);
      }
      assert.ok(report.scan.requests > 150, `${report.scan.requests} requests`);
      assert.ok(!report.scan.skipped.some((skip) => /budget|could not log in/.test(skip.reason)), JSON.stringify(report.scan.skipped));
    });
  });
}
