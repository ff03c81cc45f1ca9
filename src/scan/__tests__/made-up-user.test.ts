import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiOf } from '../probes/__tests__/schemas.js';
import { madeUpUserName, refusedBySchema } from '../made-up-user.js';

test('made-up user names have the shape of the real one', () => {
  const cases: [string, string, RegExp][] = [
    ['an e-mail address: same domain', 'alice@notes.test', /^rampart-nobody-[0-9a-f]{8}@notes\.test$/],
    ['letters and digits only: no hyphens', 'alice42', /^rampartnobody[0-9a-f]{8}$/],
    ['anything else: the readable form', 'alice.smith', /^rampart-nobody-[0-9a-f]{8}$/],
  ];
  for (const [name, real, expected] of cases) assert.match(madeUpUserName(real, 'nobody'), expected, name);
  assert.notEqual(madeUpUserName('alice@notes.test', 'nobody'), madeUpUserName('alice@notes.test', 'nobody'), 'random each time');
  // A password reset may send mail: the address stays at the reserved example.com, whatever the real domain.
  assert.match(madeUpUserName('alice@gmail.com', 'nobody', { mailable: true }), /^rampart-nobody-[0-9a-f]{8}@example\.com$/);
});

test('a made-up login attempt is judged only when the documented schema accepts it', async () => {
  const login = (schema: unknown) => ({ post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '200': { description: 'ok' } } } });
  const { operation } = await apiOf({}, {
    '/email': login({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string', minLength: 8 } } }),
    '/handle': login({ type: 'object', required: ['user', 'password'], properties: { user: { type: 'string', pattern: '^[a-z0-9]{3,24}$' }, password: { type: 'string' } } }),
    '/short': login({ type: 'object', properties: { user: { type: 'string', maxLength: 8 }, password: { type: 'string' } } }),
  });
  const cases: [string, string, Record<string, string>, Record<string, string>, boolean][] = [
    ['e-mail login, look-alike address: judged', '/email', { email: madeUpUserName('alice@notes.test', 'nobody'), password: 'rampart-wrong-1' }, { email: 'alice@notes.test', password: 'secret-password' }, false],
    ['false positive guard: e-mail login, a bare name (was answered 422)', '/email', { email: 'rampart-nobody-1a2b3c4d', password: 'rampart-wrong-1' }, { email: 'alice@notes.test', password: 'secret-password' }, true],
    ['handle login, letters and digits: judged', '/handle', { user: madeUpUserName('alice42', 'burst'), password: 'x' }, { user: 'alice42', password: 'y' }, false],
    ['not judged: the schema allows no name this long', '/short', { user: madeUpUserName('al.ice', 'nobody'), password: 'x' }, { user: 'al.ice', password: 'y' }, true],
    ['not judged either way: the configured login itself does not fit', '/email', { email: 'x' }, { email: 'not-an-address', password: 'p' }, false],
  ];
  for (const [name, path, body, reference, refused] of cases) assert.equal(refusedBySchema(operation('post', path), body, reference) !== undefined, refused, name);
});
