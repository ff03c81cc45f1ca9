import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { loadDocument } from '../document.js';
import { TempTree } from './temp-tree.js';

const tree = new TempTree();
after(() => tree.remove());

test('a ~50 MB single JSON document loads, with positions at its far end', async () => {
  const paths: Record<string, unknown> = {};
  const operation = (i: number) => ({
    operationId: `op${i}`,
    summary: 'x'.repeat(200),
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } } } } } },
  });
  for (let i = 0; i < 63_000; i++) paths[`/items${i}/{id}`] = { get: operation(i) };
  const text = JSON.stringify({ openapi: '3.0.3', info: { title: 'huge', version: '1' }, paths }, null, 1);
  assert.ok(text.length > 45_000_000 && text.length < 60_000_000, `${text.length} bytes`);
  writeFileSync(tree.path('huge.json'), text);

  // CPU time, not wall time: the bound must hold on a machine that other work shares.
  const before = process.cpuUsage();
  const document = await loadDocument('huge.json', { cwd: tree.dir });
  const range = document.root.range('/paths/~1items62999~1{id}/get/operationId');
  const cpu = process.cpuUsage(before);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  assert.equal(Object.keys((document.root.value as { paths: object }).paths).length, 63_000);
  const offset = text.lastIndexOf('"op62999"');
  const line = text.slice(0, offset).split('\n').length;
  const column = offset - text.lastIndexOf('\n', offset - 1);
  assert.deepEqual([range.line, range.column, range.endColumn], [line, column, column + 9]);
  assert.ok(cpuMs < 10_000, `loading took ${cpuMs.toFixed(0)} ms of CPU`);
  console.log(`# huge.json: ${(text.length / 1e6).toFixed(1)} MB loaded in ${cpuMs.toFixed(0)} ms of CPU`);
});
