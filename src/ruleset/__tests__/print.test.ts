import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveAlias } from '../aliases.js';
import { printDotPath } from '../../lint/spectral-dot-path.js';
import { printUriPointer, printValue, renderTemplate, type MessageVars } from '../print.js';
import { lintTargets, toPropertyPath } from '../targets.js';

const VARS: MessageVars = { property: 'title', error: 'bad', path: '#/info/title', description: null, value: 'Pets' };

describe('message templates', () => {
  const cases: [string, string, Partial<MessageVars>?][] = [
    ['{{error}} at {{path}}', 'bad at #/info/title'],
    ['{{property}} is {{value}}', 'title is Pets'],
    ['{{description}}', 'null'],
    ['{{ error }}', ''],
    ['{{unknown}}!', '!'],
    ['#{{print("property")}}must be set', '"title" property must be set'],
    ['#{{print("property")}}must be set', 'The document must be set', { property: '' }],
    ['#{{print("value")}} is wrong', '"Pets" is wrong'],
    ['#{{print("value")}}', 'Object{}', { value: { a: 1 } }],
    ['#{{print("error")}}', 'bad'],
    ['#{{property + "!"}}', 'title!'],
    ['#{{property.toUpperCase()}}', 'TITLE'],
    ['#{{process.exit()}}', ''],
  ];
  for (const [template, expected, vars] of cases) {
    it(template, () => assert.equal(renderTemplate(template, { ...VARS, ...vars }), expected));
  }
});

describe('printing values and paths as Spectral does', () => {
  it('prints values', () => {
    assert.deepEqual([undefined, null, 'a', 1, true, [1], {}].map(printValue), ['undefined', 'null', '"a"', '1', 'true', 'Array[]', 'Object{}']);
  });
  it('prints dot paths', () => {
    assert.equal(printDotPath(['info', 'contact']), 'info.contact');
    assert.equal(printDotPath(['paths', '/a b', 'get']), "paths['/a b'].get");
    assert.equal(printDotPath(['tags', 0, 'name']), 'tags[0].name');
    assert.equal(printDotPath(['responses', '200']), 'responses[200]');
    assert.equal(printDotPath(['']), "['']");
  });
  it('prints URI pointers', () => {
    assert.equal(printUriPointer([]), '#');
    assert.equal(printUriPointer(['paths', '/pets/{id}', 'get']), '#/paths/~1pets~1%7Bid%7D/get');
    assert.equal(printUriPointer(['content', 'application/problem+json']), '#/content/application~1problem%2Bjson');
    assert.equal(printUriPointer(['Book', 'ID9']), '#/Book/ID9');
  });
});

describe('field targets', () => {
  it('splits property paths like lodash', () => {
    assert.deepEqual(toPropertyPath('a.b[0]["c.d"]'), ['a', 'b', '0', 'c.d']);
    assert.deepEqual(toPropertyPath('application/json'), ['application/json']);
  });
  it('reads a field, keys, a JSONPath, or the value itself', () => {
    const value = { a: { b: [1, 2] }, 'x.y': 3 };
    assert.deepEqual(lintTargets(value, 'a.b'), [{ path: ['a', 'b'], value: [1, 2] }]);
    assert.deepEqual(lintTargets(value, 'x.y'), [{ path: ['x', 'y'], value: 3 }]);
    assert.deepEqual(lintTargets(value, 'missing'), [{ path: ['missing'], value: undefined }]);
    assert.deepEqual(lintTargets(value, '@key'), [{ path: ['a'], value: 'a' }, { path: ['x.y'], value: 'x.y' }]);
    assert.deepEqual(lintTargets(value, '$.a.b[*]'), [{ path: ['a', 'b', '0'], value: 1 }, { path: ['a', 'b', '1'], value: 2 }]);
    assert.deepEqual(lintTargets(value, '$.none'), [{ path: [], value: undefined }]);
    assert.deepEqual(lintTargets('text', 'field'), [{ path: [], value: 'text' }]);
  });
});

describe('aliases', () => {
  const aliases = {
    Op: ['$.paths[*][get,post]'],
    Resp: ['#Op.responses[*]'],
    Schema: { targets: [{ formats: ['oas2'], given: ['$.definitions[*]'] }, { formats: ['oas3'], given: ['$.components.schemas[*]'] }] },
  };
  it('expands nested aliases and keeps the rest of the path', () => {
    assert.deepEqual(resolveAlias(aliases, '#Resp.description', null), ['$.paths[*][get,post].responses[*].description']);
  });
  it('expands targeted aliases for the document formats, none when unknown', () => {
    assert.deepEqual(resolveAlias(aliases, '#Schema', new Set(['oas3', 'oas3_0'])), ['$.components.schemas[*]']);
    assert.deepEqual(resolveAlias(aliases, '#Schema', new Set(['oas2'])), ['$.definitions[*]']);
    assert.deepEqual(resolveAlias(aliases, '#Schema', null), []);
  });
  it('rejects unknown and circular aliases', () => {
    assert.throws(() => resolveAlias(aliases, '#Nope', null), /Alias "Nope" does not exist/);
    assert.throws(() => resolveAlias({ A: ['#B'], B: ['#A'] }, '#A', null), /Alias "A" is circular. Resolution stack: A -> B -> A/);
  });
});
