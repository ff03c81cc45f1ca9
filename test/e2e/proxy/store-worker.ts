/** Child process for the SIGKILL test: writes to the store as fast as it can until it is killed. */
import { SqliteStore } from '../../../src/store/sqlite.js';

const store = SqliteStore.open(process.argv[2]!, { flushMs: 5 });
let k = 0;
const tick = async () => {
  for (let n = 0; n < 200; n++, k++) {
    store.recordExchange({ at: Date.now(), method: 'GET', route: `/items/{id}`, status: 200, identity: `jwt:user-${k % 5000}`, identityKind: 'jwt', role: 'user', sample: () => ({ k }) });
    if (k % 50 === 0) store.recordAlert({ ruleId: 'proxy-bola', severity: 'error', message: `alert ${k}`, location: { method: 'GET', path: '/items/{id}' }, owasp: ['API1:2023'], cwe: [], evidence: { identity: `jwt:user-${k}`, at: new Date().toISOString() } });
  }
  // Printed once committed: the parent kills this process at an arbitrary point of the next batches.
  await store.flush();
  process.stdout.write(`${k}\n`);
  setImmediate(tick);
};
void tick();
