import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curlFor, reproduction } from '../evidence.js';
import { Redactor } from '../redact.js';
import type { ScanExchange } from '../types.js';

const TOKEN = 'tok-4f9a2c7e1b';

/** A cracked wordlist secret ("admin"), a password, a login token and an identity's own credential header. */
function redactor(): Redactor {
  const redactor = new Redactor();
  redactor.register('admin', 'RAMPART_JWT_SECRET', { kind: 'secret' });
  redactor.register('hunter22', 'RAMPART_ANN_PASSWORD', { kind: 'secret' });
  redactor.register(TOKEN, 'RAMPART_ANN_TOKEN');
  redactor.credentialHeader('X-Session');
  return redactor;
}

test('redaction: whole credential values where credentials live, never a word inside URLs, paths or data', () => {
  const cases: [string, (redactor: Redactor) => unknown, unknown][] = [
    ['a path segment spelling the secret', (r) => r.url('http://127.0.0.1:18181/admin/users?role=admin'), 'http://127.0.0.1:18181/admin/users?role=admin'],
    ['a credential as a whole query value becomes its variable', (r) => r.url(`/items?api_key=${TOKEN}&q=admin#top`), '/items?api_key=$RAMPART_ANN_TOKEN&q=admin#top'],
    ['a query value containing a credential is data', (r) => r.url(`/items?note=${TOKEN}-old`), `/items?note=${TOKEN}-old`],
    ['a credential as a path segment', (r) => r.url(`/sessions/${TOKEN}/admin`), '/sessions/$RAMPART_ANN_TOKEN/admin'],
    ['a data header echoing a credential', (r) => r.header('Location', `/cb?access_token=${TOKEN}`), '/cb?access_token=$RAMPART_ANN_TOKEN'],
    ['a credential inside a JSON string', (r) => r.body(`{"auth":"Bearer ${TOKEN}","next":"/x?session=${TOKEN}"}`), '{"auth":"Bearer $RAMPART_ANN_TOKEN","next":"/x?session=$RAMPART_ANN_TOKEN"}'],
    ['a credential inside a curl body string', (r) => r.requestBody(`{"note":"token ${TOKEN}"}`), '{"note":"token $RAMPART_ANN_TOKEN"}'],
    ['a JWT in a URL is still blanked by shape', (r) => r.url('/cb?t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'), '/cb?t=[jwt redacted]'],
    ['a JSON value equal to the secret, in a data field', (r) => r.body('{"role":"admin","name":"administrator"}'), '{"role":"admin","name":"administrator"}'],
    ['the secret as a credential field\'s whole value', (r) => r.body('{"jwtSecret":"admin"}'), '{"jwtSecret":"$RAMPART_JWT_SECRET"}'],
    ['a password in its field; a word containing it elsewhere is data', (r) => r.body('{"username":"hunter22x","password":"hunter22"}'), '{"username":"hunter22x","password":"$RAMPART_ANN_PASSWORD"}'],
    ['a token as a whole JSON value, in any field', (r) => r.body(`{"sid":"${TOKEN}","note":"${TOKEN}-old"}`), '{"sid":"$RAMPART_ANN_TOKEN","note":"tok-4f9a2c7e1b-old"}'],
    ['a form login: the password field only', (r) => r.body('username=admin&password=hunter22'), 'username=admin&password=$RAMPART_ANN_PASSWORD'],
    ['free text: the token as a whole word, the secret word untouched', (r) => r.body(`welcome admin, your token is ${TOKEN}.`), 'welcome admin, your token is $RAMPART_ANN_TOKEN.'],
    ['free text: a token inside a longer word is not it', (r) => r.body(`x${TOKEN}y`), `x${TOKEN}y`],
    ['Authorization: the token part', (r) => r.header('Authorization', `Bearer ${TOKEN}`), 'Bearer $RAMPART_ANN_TOKEN'],
    ['Cookie: one pair of several', (r) => r.header('Cookie', `theme=admin; sid=${TOKEN}`), 'theme=admin; sid=$RAMPART_ANN_TOKEN'],
    ['an identity\'s own credential header', (r) => r.header('x-session', TOKEN), '$RAMPART_ANN_TOKEN'],
    ['an unknown credential is blanked', (r) => r.header('Authorization', 'Bearer something-else'), '[redacted]'],
    ['a data header spelling the secret', (r) => r.header('Location', '/admin/users/7'), '/admin/users/7'],
    ['a curl body keeps data, names the password', (r) => r.requestBody('{"role":"admin","password":"hunter22"}'), '{"role":"admin","password":"$RAMPART_ANN_PASSWORD"}'],
    ['a curl body without secrets is sent as written', (r) => r.requestBody('{ "role": "admin" }'), '{ "role": "admin" }'],
  ];
  for (const [name, run, expected] of cases) assert.deepEqual(run(redactor()), expected, name);
});

test('redaction: the curl of a request to /admin/users replays that URL', () => {
  const exchange: ScanExchange = {
    id: 1,
    probe: 'bfla',
    attack: false,
    request: { method: 'POST', url: 'http://127.0.0.1:18181/admin/users', headers: { Authorization: `Bearer ${TOKEN}` }, body: '{"role":"admin"}' },
  };
  assert.equal(curlFor(exchange, redactor()), `curl -i -X POST 'http://127.0.0.1:18181/admin/users' -H "Authorization: Bearer $RAMPART_ANN_TOKEN" --data-raw '{"role":"admin"}'`);
});

test('a burst proof loops its curl and prints each status, with credentials still as variables', () => {
  const exchange: ScanExchange = {
    id: 2,
    probe: 'resource-consumption',
    attack: true,
    request: { method: 'POST', url: 'http://127.0.0.1:18181/auth/login', headers: { Authorization: `Bearer ${TOKEN}` }, body: '{"username":"ann","password":"wrong"}' },
  };
  assert.equal(
    reproduction([{ exchange, comment: 'the same failed login 3 times', repeat: 3 }], redactor()),
    [
      '# the same failed login 3 times',
      `for i in $(seq 3); do curl -s -o /dev/null -w '%{http_code}\\n' -X POST 'http://127.0.0.1:18181/auth/login' -H "Authorization: Bearer $RAMPART_ANN_TOKEN" --data-raw '{"username":"ann","password":"wrong"}'; done`,
    ].join('\n'),
  );
});
