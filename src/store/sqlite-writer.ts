/**
 * The store's writer thread. It holds the only write connection and turns each batch the proxy
 * posts into one transaction, so neither SQLite nor its checkpoints (which fsync) ever run on the
 * thread that forwards traffic. It is JavaScript source for an `eval` worker: that loads the same
 * way from `src/` under tsx and from `dist/`, with no path to resolve at run time.
 */

/** One batch: rows in statement parameter order, aggregated by the proxy since the last batch. */
export interface WriteBatch {
  type: 'batch';
  id: number;
  /** Records the batch stands for (what `written` / `dropped` count). */
  records: number;
  operations: [key: string, method: string, route: string, operationId: string | null, count: number, errors: number, first: number, last: number][];
  identities: [id: string, kind: string, role: string, count: number, first: number, last: number][];
  alerts: [at: number, ruleId: string, severity: string, identity: string, method: string | null, route: string | null, message: string, finding: string][];
  samples: [at: number, operation: string, status: number, exchange: string][];
  /** Delete alerts, samples and identities older than this (epoch ms), and checkpoint the WAL. */
  pruneBefore?: number;
}

export type WriterRequest = WriteBatch | { type: 'close'; id: number };
export type WriterReply = { type: 'done'; id: number; records: number; error?: string } | { type: 'closed'; id: number; error?: string };

export const WRITER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.library);
let db;
let statements;
try {
  db = new Database(workerData.file, { timeout: 2000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Automatic checkpoints (every 1000 pages) stay on: here they only ever delay this thread.
  statements = {
    operation: db.prepare(${JSON.stringify(operationUpsert())}),
    identity: db.prepare(${JSON.stringify(identityUpsert())}),
    alert: db.prepare('INSERT INTO alerts (at, rule_id, severity, identity, method, route, message, finding) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    sample: db.prepare('INSERT INTO samples (at, operation, status, exchange) VALUES (?, ?, ?, ?)'),
    pruneAlerts: db.prepare('DELETE FROM alerts WHERE at < ?'),
    pruneSamples: db.prepare('DELETE FROM samples WHERE at < ?'),
    pruneIdentities: db.prepare('DELETE FROM identities WHERE last_seen < ?'),
  };
} catch (error) {
  statements = undefined;
  var openError = error.message;
}
const write = db && db.transaction((batch) => {
  for (const row of batch.operations) statements.operation.run(row);
  for (const row of batch.identities) statements.identity.run(row);
  for (const row of batch.alerts) statements.alert.run(row);
  for (const row of batch.samples) statements.sample.run(row);
});
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    let error;
    try {
      if (db) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    } catch (failure) {
      error = failure.message;
    }
    parentPort.postMessage({ type: 'closed', id: message.id, error });
    parentPort.close();
    return;
  }
  let error = openError;
  if (!error) {
    try {
      write(message);
    } catch (failure) {
      error = failure.message;
    }
    if (message.pruneBefore !== undefined) {
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
        statements.pruneAlerts.run(message.pruneBefore);
        statements.pruneSamples.run(message.pruneBefore);
        statements.pruneIdentities.run(message.pruneBefore);
      } catch (failure) {
        error = error || 'retention: ' + failure.message;
      }
    }
  }
  parentPort.postMessage({ type: 'done', id: message.id, records: message.records, error });
});
`;

function operationUpsert(): string {
  return `INSERT INTO operations (key, method, route, operation_id, count, errors, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET count = count + excluded.count, errors = errors + excluded.errors,
    first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen), operation_id = coalesce(excluded.operation_id, operation_id)`;
}

function identityUpsert(): string {
  return `INSERT INTO identities (id, kind, role, count, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET count = count + excluded.count, role = excluded.role,
    first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`;
}
