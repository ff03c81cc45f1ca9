/**
 * Template precision/recall on a synthetic API with known templates: twelve collections with
 * different identifier kinds (integers, UUIDs, hex object ids, slugs with digits, plain usernames),
 * reserved siblings (`me`, `search`, `count`), sub-resources and nested ids, traffic drawn with a
 * seeded generator. Measures what the demo's 13 endpoints are too few to show.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathTemplater } from '../path-templater.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type IdKind = 'int' | 'uuid' | 'hex' | 'slug' | 'username';
const COLLECTIONS: [string, IdKind][] = [
  ['users', 'int'], ['orders', 'uuid'], ['products', 'slug'], ['invoices', 'int'], ['teams', 'hex'], ['projects', 'uuid'],
  ['files', 'hex'], ['tags', 'slug'], ['comments', 'int'], ['reports', 'int'], ['accounts', 'username'], ['devices', 'uuid'],
];
const SUBS = ['members', 'items', 'history', 'settings', 'avatar'];
const WORDS = 'alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia peggy rupert sybil trent victor walter yolanda zoe'.split(' ');

function value(kind: IdKind, next: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  switch (kind) {
    case 'int':
      return String(1 + Math.floor(next() * 100000));
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
    case 'hex':
      return `5f${hex(22)}`;
    case 'slug':
      return `item-${10000 + Math.floor(next() * 90000)}`;
    case 'username':
      return WORDS[Math.floor(next() * WORDS.length)]! + (next() < 0.5 ? '' : `-${WORDS[Math.floor(next() * WORDS.length)]}`);
  }
}

describe('templater on a synthetic API', () => {
  it('precision and recall ≥ 0.95, false merges and splits listed', (t) => {
    const next = random(42);
    const templates: { template: string; make: () => string }[] = [];
    COLLECTIONS.forEach(([name, kind], index) => {
      templates.push({ template: `/api/${name}`, make: () => `/api/${name}` });
      templates.push({ template: `/api/${name}/{}`, make: () => `/api/${name}/${value(kind, next)}` });
      if (index % 3 === 0) templates.push({ template: `/api/${name}/me`, make: () => `/api/${name}/me` });
      if (index % 4 === 1) templates.push({ template: `/api/${name}/search`, make: () => `/api/${name}/search` });
      const sub = SUBS[index % SUBS.length]!;
      templates.push({ template: `/api/${name}/{}/${sub}`, make: () => `/api/${name}/${value(kind, next)}/${sub}` });
      if (index % 2 === 0) templates.push({ template: `/api/${name}/{}/${sub}/{}`, make: () => `/api/${name}/${value(kind, next)}/${sub}/${value('int', next)}` });
    });
    const templater = new PathTemplater<{ n: number }>({ create: () => ({ n: 0 }), merge: (a, b) => void (a.n += b.n) });
    for (const { make } of templates) {
      const calls = 1 + Math.floor(next() * 40);
      for (let k = 0; k < calls; k++) templater.add(make(), 'GET').n++;
    }
    const found = new Set(templater.finish().map((result) => result.template.replace(/\{[^}]+\}/g, '{}')));
    const truth = new Set(templates.map((entry) => entry.template));
    const falseTemplates = [...found].filter((template) => !truth.has(template));
    const missed = [...truth].filter((template) => !found.has(template));
    const precision = (found.size - falseTemplates.length) / found.size;
    const recall = (truth.size - missed.length) / truth.size;
    t.diagnostic(`synthetic: ${truth.size} templates; precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}; false ${JSON.stringify(falseTemplates.slice(0, 10))} missed ${JSON.stringify(missed)}`);
    assert.ok(precision >= 0.95 && recall >= 0.95, `precision ${precision} recall ${recall}; false ${falseTemplates.join(' ')}; missed ${missed.join(' ')}`);
  });
});
