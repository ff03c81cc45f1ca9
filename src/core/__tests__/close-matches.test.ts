import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeMatches, didYouMean, editDistance } from '../close-matches.js';

const ids = ['path-keys-no-trailing-slash', 'oas3-server-trailing-slash', 'operation-operationId-unique', 'operation-tags', 'operation-tag-defined', 'info-contact'];

const cases: { input: string; expected: string[] }[] = [
  { input: 'path-key-no-trailing-slash', expected: ['path-keys-no-trailing-slash'] },
  { input: 'operation-tag', expected: ['operation-tags', 'operation-tag-defined'] },
  { input: 'operationId-unique', expected: ['operation-operationId-unique'] },
  { input: 'INFO-CONTACT', expected: ['info-contact'] },
  { input: 'zzz', expected: [] },
  { input: 'server-trailing-slash', expected: ['oas3-server-trailing-slash'] },
];

for (const item of cases) {
  test(`closeMatches("${item.input}")`, () => {
    assert.deepEqual(closeMatches(item.input, ids), item.expected);
  });
}

test('editDistance counts insertions, deletions and substitutions', () => {
  assert.deepEqual([editDistance('', 'abc'), editDistance('kitten', 'sitting'), editDistance('same', 'same')], [3, 3, 0]);
});

test('didYouMean phrases one, several or no suggestions', () => {
  assert.equal(didYouMean('operation-tagz', ids), ' Did you mean "operation-tags"?');
  assert.equal(didYouMean('operation-tag', ids), ' Did you mean "operation-tags" or "operation-tag-defined"?');
  assert.equal(didYouMean('zzz', ids), '');
});
