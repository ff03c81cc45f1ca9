// Reads ../shared/corpus/MANIFEST.md: the list of real API descriptions the benchmark and the corpus test use.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

/**
 * @typedef {object} CorpusDocument
 * @property {string} name        short name (`petstore`)
 * @property {string} file        absolute path of the root file
 * @property {string} storedAs    path under the corpus folder, as the manifest writes it
 * @property {string} version     `OpenAPI 3.0.0`, `Swagger 2.0`
 * @property {string} format      `YAML`, `JSON`, `YAML, multi-file (...)`
 * @property {number} bytes       size in bytes (all files, for a multi-file document)
 * @property {number} paths       keys under `paths`
 * @property {number} ops         HTTP-method keys under those path items
 */

/** The manifest's documents, or undefined when the corpus is not there. */
export function readManifest(corpusDir = CORPUS_DIR) {
  const manifest = path.join(corpusDir, 'MANIFEST.md');
  if (!existsSync(manifest)) return undefined;
  /** @type {CorpusDocument[]} */
  const documents = [];
  let header;
  for (const line of readFileSync(manifest, 'utf8').split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (!header) {
      if (cells[0] === 'name' && cells.includes('ops')) header = cells;
      continue;
    }
    if (/^-+:?$/.test(cells[0] ?? '')) continue;
    const cell = (name) => cells[header.indexOf(name)] ?? '';
    const number = (text) => Number((text.match(/[\d,]+/g) ?? ['NaN']).at(-1).replace(/,/g, ''));
    const storedAs = /`([^`]+)`/.exec(cell('stored as (under corpus/)'))?.[1];
    if (!storedAs) throw new Error(`MANIFEST.md: no stored path for "${cells[0]}"`);
    documents.push({
      name: cells[0],
      file: path.join(corpusDir, storedAs),
      storedAs,
      version: cell('version'),
      format: cell('format'),
      bytes: number(cell('size (bytes)')),
      paths: number(cell('paths')),
      ops: Number(cell('ops').replace(/,/g, '').match(/^\d+/)?.[0]),
    });
  }
  return documents;
}
