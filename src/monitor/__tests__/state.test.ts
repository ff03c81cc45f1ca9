import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedSet, LruMap, newSlidingCount, slide, WindowedDistinct } from '../state.js';

test('LruMap forgets the least recently used entry beyond its capacity', () => {
  const map = new LruMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  map.get('a');
  map.set('c', 3);
  assert.deepEqual([...map.entries()], [['a', 1], ['c', 3]]);
});

test('LruMap: an entry read since the last eviction pass survives it (second chance); peek does not count as a read', () => {
  const map = new LruMap<string, number>(3);
  map.set('a', 1);
  map.set('b', 2);
  map.set('c', 3);
  map.get('a');
  map.peek('b');
  map.set('d', 4);
  assert.deepEqual([...map.entries()].map(([key]) => key), ['c', 'a', 'd'], 'b was the oldest unread');
  map.get('a');
  map.set('e', 5);
  map.set('f', 6);
  assert.deepEqual([...map.entries()].map(([key]) => key), ['e', 'a', 'f'], 'a, read again, outlived c and d (and moved behind e)');
  assert.equal(map.upsert('a', () => 0), 1);
  map.set('e', 50);
  assert.equal(map.size, 3);
  assert.equal(map.get('e'), 50);
});

test('LruMap: eviction scans a bounded number of entries, even when every entry was read since the last pass', () => {
  const map = new LruMap<number, number>(100);
  for (let k = 0; k < 100; k++) map.set(k, k);
  for (let k = 0; k < 100; k++) map.get(k);
  map.set(100, 100);
  const keys = [...map.entries()].map(([key]) => key);
  assert.equal(map.size, 100);
  // The 32 oldest got their second chance (moved to the back), the 33rd oldest went; the rest was not touched.
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  assert.deepEqual(keys, [...range(33, 100), ...range(0, 32), 100]);
  assert.equal(map.peek(32), undefined);
});

test('memory stays bounded with 100,000 distinct identities', () => {
  const map = new LruMap<string, WindowedDistinct>(10_000);
  for (let k = 0; k < 100_000; k++) map.upsert(`id-${k}`, () => new WindowedDistinct(4, 60_000)).add(String(k), k);
  assert.equal(map.size, 10_000);
  const set = new BoundedSet(100);
  for (let k = 0; k < 1000; k++) set.add(String(k));
  assert.equal(set.size, 100);
  assert.ok(set.has('999') && !set.has('0'));
});

test('sliding count: exact within a window, decays over the next, resets after two', () => {
  const count = newSlidingCount(0);
  for (let k = 0; k < 10; k++) slide(count, k * 100, 1000);
  assert.equal(slide(count, 999, 1000, 0), 10);
  assert.equal(slide(count, 1500, 1000, 0), 5);
  assert.equal(slide(count, 3100, 1000, 0), 0);
});

test('windowed distinct: values expire after the window; the cap bounds memory', () => {
  const distinct = new WindowedDistinct(3, 1000);
  assert.equal(distinct.add('a', 0), 1);
  assert.equal(distinct.add('b', 10), 2);
  assert.equal(distinct.add('a', 20), 2);
  assert.equal(distinct.add('c', 30), 3);
  assert.equal(distinct.add('d', 40), 3, 'capped');
  assert.equal(distinct.add('e', 1035), 2, 'a, b, c expired');
});

test('windowed distinct: a value seen again at the cap evicts nothing and becomes the newest', () => {
  const distinct = new WindowedDistinct(3, 1000);
  distinct.add('a', 0);
  distinct.add('b', 10);
  distinct.add('c', 20);
  assert.equal(distinct.add('a', 30), 3);
  assert.deepEqual(distinct.sample(3), ['b', 'c', 'a']);
  assert.equal(distinct.add('d', 40), 3);
  assert.deepEqual(distinct.sample(3), ['c', 'a', 'd'], 'b, now the oldest, made room');
});

test('windowed distinct: the same value again keeps its place as the newest, and what it outlived still expires', () => {
  const distinct = new WindowedDistinct(3, 1000);
  assert.equal(distinct.add('a', 0), 1);
  assert.equal(distinct.add('b', 10), 2);
  assert.equal(distinct.add('b', 500), 2);
  assert.equal(distinct.add('b', 1005), 1, 'a expired; b was refreshed at 500');
  assert.equal(distinct.add('b', 1400), 1);
  assert.equal(distinct.add('c', 1450), 2);
  assert.equal(distinct.add('d', 1460), 3);
  assert.equal(distinct.add('d', 1470), 3, 'at the cap, the newest seen again evicts nothing');
  assert.deepEqual(distinct.sample(3), ['b', 'c', 'd']);
  assert.equal(distinct.add('e', 1480), 3);
  assert.deepEqual(distinct.sample(3), ['c', 'd', 'e'], 'b, the oldest, made room');
  assert.equal(distinct.add('e', 2455), 2, 'c expired (1450); d (1460) not yet');
});
