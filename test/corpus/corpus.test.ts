import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
// @ts-expect-error plain JavaScript module shared with the benchmark
import { CORPUS_DIR, readManifest } from '../../bench/manifest.mjs';
import { lint } from '../../src/lint/lint.js';
import { isRefObject, loadDocument, type ApiDocument } from '../../src/spec/document.js';

interface CorpusDocument {
  name: string;
  file: string;
  ops: number;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const manifest = readManifest() as CorpusDocument[] | undefined;
// RAMPART_CORPUS=petstore,stripe narrows the run while working on one document.
const only = process.env.RAMPART_CORPUS?.split(',').filter(Boolean);

/** HTTP-method keys under `paths`, following path items that are $refs (the MANIFEST's `ops`). */
function countOperations(document: ApiDocument): number {
  const paths = (document.root.value as { paths?: Record<string, unknown> }).paths ?? {};
  let count = 0;
  for (const item of Object.values(paths)) {
    const resolved = isRefObject(item) ? document.resolveRef(document.root, item.$ref)?.value : item;
    if (resolved && typeof resolved === 'object') count += Object.keys(resolved).filter((key) => METHODS.has(key)).length;
  }
  return count;
}

describe('real API descriptions from ../shared/corpus', { skip: manifest ? false : `no corpus at ${CORPUS_DIR}` }, () => {
  for (const entry of (manifest ?? []).filter((document) => !only || only.includes(document.name))) {
    test(entry.name, { timeout: 600_000 }, async () => {
      const cwd = path.dirname(entry.file);
      const document = await loadDocument(entry.file, { cwd });
      assert.equal(countOperations(document), entry.ops, 'operations, as MANIFEST.md counts them');

      const result = await lint(entry.file, { cwd });
      assert.deepEqual(result.errors.map((error) => error.toOneLine()), []);
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'rule-crashed').map((finding) => finding.message), []);

      const lineCounts = new Map<string, number>();
      for (const finding of result.findings) {
        if (!('file' in finding.location)) continue;
        const file = path.resolve(cwd, finding.location.file);
        if (!lineCounts.has(file)) {
          assert.ok(existsSync(file), `${finding.ruleId} names a file that does not exist: ${finding.location.file}`);
          lineCounts.set(file, readFileSync(file, 'utf8').split('\n').length);
        }
        const line = finding.location.line ?? 0;
        assert.ok(line >= 1 && line <= lineCounts.get(file)!, `${finding.ruleId} at ${finding.location.file}:${line} is outside the file`);
      }
      if (document.sources.size > 1) {
        const elsewhere = result.findings.filter((finding) => 'file' in finding.location && finding.location.file !== document.root.displayPath);
        assert.ok(elsewhere.length > 0, 'findings inside referenced files are reported with those files');
      }
    });
  }
});
