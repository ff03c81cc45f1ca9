import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinPointer } from '../pointer.js';
import { parseSource } from '../source.js';

// Found by range-property.test.ts: js-yaml writes U+2028 in a key as "\L", which is not a JSON escape.
const cases: { name: string; key: string; yaml: string }[] = [
  { name: 'line separator \\L', key: '\u2028', yaml: '"\\L": 1\nb: 2\n' },
  { name: 'next line \\N and nbsp \\_', key: '\x85\xa0', yaml: '"\\N\\_": 1\nb: 2\n' },
  { name: '\\x and \\U escapes', key: 'A😀', yaml: '"\\x41\\U0001F600": 1\nb: 2\n' },
  { name: 'escaped space and tab', key: ' \t', yaml: '"\\ \\t": 1\nb: 2\n' },
  { name: 'JSON surrogate pair', key: '😀', yaml: '{"\\ud83d\\ude00": 1, "b": 2}' },
];

for (const { name, key, yaml } of cases) {
  test(`double-quoted key with ${name} is found by its decoded name`, () => {
    const source = parseSource(yaml.startsWith('{') ? '/virtual/a.json' : '/virtual/a.yaml', 'a', yaml);
    assert.deepEqual(Object.keys(source.value as object), [key, 'b']);
    const range = source.range(joinPointer('', key), { key: true });
    assert.deepEqual([range.line, range.column], [1, yaml.startsWith('{') ? 2 : 1]);
    assert.equal(source.range(joinPointer('', key)).column, yaml.indexOf(': 1') + 3);
  });
}
