import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import { ensureDirectory } from '../core/files.js';
import type { Finding } from '../core/finding.js';
import { WRITER_SOURCE, type WriteBatch, type WriterReply, type WriterRequest } from './sqlite-writer.js';

/** The part of better-sqlite3 the store uses (the package ships no types of its own). */
interface Statement {
  run: (...params: unknown[]) => { changes: number };
  all: (...params: unknown[]) => unknown[];
  get: (...params: unknown[]) => unknown;
}
interface Database {
  pragma: (source: string, options?: { simple?: boolean }) => unknown;
  exec: (source: string) => void;
  prepare: (source: string) => Statement;
  transaction: <T extends (...args: never[]) => void>(fn: T) => T;
  close: () => void;
}
type DatabaseConstructor = new (file: string, options?: { timeout?: number }) => Database;

export interface StoreOptions {
  /** Alerts, samples and identities older than this are deleted. */
  retentionDays?: number;
  /**
   * Rows waiting to be written: in the aggregate of the next batch (one per operation, identity,
   * alert and sample) plus those posted to the writer thread and not yet committed. A record that
   * would add a row beyond it is dropped and counted (a record that only bumps a row already
   * waiting costs nothing), so a slow disk never holds traffic back or grows memory without bound.
   * Default 50,000.
   */
  queueLimit?: number;
  /** How often the aggregate is posted to the writer thread as one transaction (default 1000 ms: identities seen many times a second cost one row write, not one per request). */
  flushMs?: number;
  /** Redacted samples kept per operation and status. */
  samplesPerOperation?: number;
  warn?: (message: string) => void;
}

/** One exchange as the inventory counts it. Identity and operation, never a raw credential. */
export interface ExchangeRecord {
  at: number;
  method: string;
  route: string;
  /** `method route`, when the caller already has it (the proxy does: no key string built per record). */
  operationKey?: string;
  operationId?: string;
  status: number;
  identity: string;
  identityKind: string;
  role: string;
  /** Builds a redacted sample; called only for the first few exchanges per operation and status. */
  sample?: () => Record<string, unknown>;
}

/** Rows per message to the writer thread (and per transaction): what one turn of the event loop converts and copies. */
const FLUSH_CHUNK_ROWS = 500;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS operations (
  key TEXT PRIMARY KEY, method TEXT NOT NULL, route TEXT NOT NULL, operation_id TEXT,
  count INTEGER NOT NULL, errors INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS identities (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, role TEXT NOT NULL,
  count INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, rule_id TEXT NOT NULL, severity TEXT NOT NULL,
  identity TEXT, method TEXT, route TEXT, message TEXT NOT NULL, finding TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS alerts_at ON alerts(at);
CREATE TABLE IF NOT EXISTS samples (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, operation TEXT NOT NULL, status INTEGER NOT NULL, exchange TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS samples_at ON samples(at);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;


/**
 * The embedded store: SQLite in WAL mode. The request thread only aggregates records in memory;
 * every `flushMs` the aggregate is posted, in chunks of at most 500 rows (one per event-loop turn),
 * to a writer thread (`sqlite-writer.ts`) that commits each chunk in one transaction, so the proxy
 * never waits on the disk, a transaction or a checkpoint, nor stalls on one large batch. The queue is bounded (`queueLimit`): beyond it, and when a write fails, records are
 * dropped and counted, and traffic goes on. A transaction is all or nothing, so after a SIGKILL the
 * file opens consistent, missing at most the batches not yet committed.
 */
export class SqliteStore {
  /** The request thread's own connection: schema at open, reads (`query`) and maintenance. */
  private readonly db: Database;
  private readonly writer: Worker;
  private writerFailed?: string;
  private operations = new Map<string, { method: string; route: string; operationId?: string; count: number; errors: number; first: number; last: number }>();
  private identities = new Map<string, { kind: string; role: string; count: number; first: number; last: number }>();
  /** Alerts as rows, serialized when recorded: one at a time on the request path instead of all at once in a flush. */
  private alerts: WriteBatch['alerts'] = [];
  private samples: WriteBatch['samples'] = [];
  /** Samples taken, by operation key and status; `sampledPairs` counts the pairs (at most 10,000). */
  private readonly sampled = new Map<string, Map<number, number>>();
  private sampledPairs = 0;
  /** Records in the current aggregate, and records posted to the writer but not yet acknowledged. */
  private queued = 0;
  private posted = 0;
  /** Rows posted to the writer and not yet acknowledged, by batch id. */
  private readonly postedRows = new Map<number, number>();
  private postedRowCount = 0;
  private readonly queueLimit: number;
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();
  private timer?: NodeJS.Timeout;
  private lastPrune = Date.now();
  private lastWarning = 0;
  private closed = false;
  private closing?: Promise<void>;
  /** Set while a flush is still posting its chunks. */
  private pumping?: Promise<void>;
  readonly counters = { dropped: 0, written: 0 };

  private constructor(readonly file: string, private readonly options: StoreOptions, db: Database, library: string) {
    this.db = db;
    this.queueLimit = options.queueLimit ?? 50_000;
    this.writer = new Worker(WRITER_SOURCE, { eval: true, workerData: { file, library } });
    // The writer never keeps the process alive; close() drains it.
    this.writer.unref();
    this.writer.on('message', (reply: WriterReply) => this.settle(reply));
    this.writer.on('error', (error) => this.fail(`store writer failed: ${error.message}`));
    this.writer.on('exit', () => this.fail('store writer exited'));
    this.timer = setInterval(() => void this.flush(), options.flushMs ?? 1000);
    this.timer.unref();
  }

  /** Opens (creating when needed) the store; a file that cannot be opened is a one-line error. */
  static open(file: string, options: StoreOptions = {}): SqliteStore {
    let db: Database;
    let library: string;
    try {
      const require = createRequire(import.meta.url);
      library = require.resolve('better-sqlite3');
      const Database = require(library) as DatabaseConstructor;
      ensureDirectory(path.dirname(path.resolve(file)));
      db = new Database(file, { timeout: 2000 });
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a power cut may lose the last transactions, never corrupt the file.
      db.pragma('synchronous = NORMAL');
      db.exec(SCHEMA);
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema', '1') ON CONFLICT(key) DO NOTHING").run();
    } catch (error) {
      throw new RampartError('RAMPART_FILE_NOT_FOUND', `cannot open the store: ${(error as Error).message}`, { position: { file }, cause: error });
    }
    return new SqliteStore(path.resolve(file), options, db, library);
  }

  /** Records accepted and not yet committed. */
  get pending(): number {
    return this.queued + this.posted;
  }

  recordExchange(record: ExchangeRecord): void {
    if (this.closed) return;
    const key = record.operationKey ?? `${record.method} ${record.route}`;
    const operation = this.operations.get(key);
    const identity = this.identities.get(record.identity);
    if (!this.admit((operation ? 0 : 1) + (identity ? 0 : 1))) return;
    const error = record.status >= 400 ? 1 : 0;
    if (operation) {
      operation.count++;
      operation.errors += error;
      if (record.at > operation.last) operation.last = record.at;
      if (record.at < operation.first) operation.first = record.at;
    } else {
      this.operations.set(key, { method: record.method, route: record.route, operationId: record.operationId, count: 1, errors: error, first: record.at, last: record.at });
    }
    if (identity) {
      identity.count++;
      if (record.at > identity.last) identity.last = record.at;
    } else {
      this.identities.set(record.identity, { kind: record.identityKind, role: record.role, count: 1, first: record.at, last: record.at });
    }
    if (record.sample) {
      let byStatus = this.sampled.get(key);
      const taken = byStatus?.get(record.status);
      // A sample is extra: it is skipped, not counted as a drop, when the queue is full.
      if ((taken ?? 0) < (this.options.samplesPerOperation ?? 5) && (taken !== undefined || this.sampledPairs < 10_000) && this.rows() < this.queueLimit) {
        if (!byStatus) this.sampled.set(key, (byStatus = new Map()));
        if (taken === undefined) this.sampledPairs++;
        byStatus.set(record.status, (taken ?? 0) + 1);
        this.samples.push([record.at, key, record.status, JSON.stringify(record.sample()).slice(0, 16_384)]);
      }
    }
  }

  recordAlert(finding: Finding): void {
    if (this.closed || !this.admit(1)) return;
    const evidence = finding.evidence ?? {};
    const location = finding.location as { method?: string; path?: string };
    const at = Date.parse(String(evidence.at ?? '')) || Date.now();
    this.alerts.push([at, finding.ruleId, finding.severity, String(evidence.identity ?? ''), location.method ?? null, location.path ?? null, finding.message, JSON.stringify(finding)]);
  }

  /**
   * Posts everything aggregated so far to the writer; resolves once it (and every earlier batch) is
   * committed or counted as dropped. Never rejects. The aggregate goes in chunks of at most
   * `FLUSH_CHUNK_ROWS` rows, one per turn of the event loop, each committed in its own transaction:
   * turning 50,000 identities into rows and copying them to the writer in one go stalled the
   * proxy's thread for tens of milliseconds (requests in flight waited that long).
   */
  flush(): Promise<void> {
    // One flush posts at a time, so chunks reach the writer in order (and `close` comes after all of them).
    if (this.pumping) return this.pumping.then(() => this.flush());
    const pruneBefore = this.prunePending(Date.now());
    if (this.queued === 0 && pruneBefore === undefined && this.posted === 0) return Promise.resolve();
    const operations = this.operations.entries();
    const identities = this.identities.entries();
    const alerts = this.alerts;
    const samples = this.samples;
    const total = this.operations.size + this.identities.size + alerts.length + samples.length;
    const records = this.queued;
    this.operations = new Map();
    this.identities = new Map();
    this.alerts = [];
    this.samples = [];
    this.posted += records;
    this.queued = 0;
    // Every chunk is registered now: its rows count against `queueLimit` until the writer commits them.
    const chunks: { id: number; rows: number; records: number }[] = [];
    const count = Math.max(1, Math.ceil(total / FLUSH_CHUNK_ROWS));
    let assigned = 0;
    for (let k = 0; k < count; k++) {
      const rows = Math.min(FLUSH_CHUNK_ROWS, total - k * FLUSH_CHUNK_ROWS);
      // Records are shared out by rows (what a failed chunk counts as dropped).
      const share = k === count - 1 ? records - assigned : Math.floor((records * rows) / total);
      assigned += share;
      const chunk = { id: this.nextId++, rows, records: share };
      chunks.push(chunk);
      this.postedRows.set(chunk.id, rows);
      this.postedRowCount += rows;
    }
    const failedBefore = this.writerFailed !== undefined;
    let alertAt = 0;
    let sampleAt = 0;
    let next = 0;
    return new Promise<void>((resolve) => {
      let posted!: () => void;
      this.pumping = new Promise<void>((done) => (posted = done));
      const finish = () => {
        this.pumping = undefined;
        posted();
      };
      const pump = () => {
        // The writer went away meanwhile: `fail` already counted these records as dropped.
        if (this.writerFailed !== undefined && !failedBefore) {
          finish();
          resolve();
          return;
        }
        const chunk = chunks[next++]!;
        const last = next === chunks.length;
        const batch: WriteBatch = { type: 'batch', id: chunk.id, records: chunk.records, operations: [], identities: [], alerts: [], samples: [], pruneBefore: last ? pruneBefore : undefined };
        let room = chunk.rows;
        for (; room > 0; room--) {
          const entry = operations.next();
          if (entry.done) break;
          const [key, o] = entry.value;
          batch.operations.push([key, o.method, o.route, o.operationId ?? null, o.count, o.errors, o.first, o.last]);
        }
        for (; room > 0; room--) {
          const entry = identities.next();
          if (entry.done) break;
          const [id, i] = entry.value;
          batch.identities.push([id, i.kind, i.role, i.count, i.first, i.last]);
        }
        for (; room > 0 && alertAt < alerts.length; room--) batch.alerts.push(alerts[alertAt++]!);
        for (; room > 0 && sampleAt < samples.length; room--) batch.samples.push(samples[sampleAt++]!);
        const written = this.post(batch);
        if (!last) {
          setImmediate(pump);
          return;
        }
        finish();
        void written.then(resolve);
      };
      pump();
    });
  }

  /** Deletes what is older than the retention period, as of `now`; resolves once done. */
  prune(now = Date.now()): Promise<void> {
    this.lastPrune = -Infinity;
    this.pruneAt = now;
    return this.flush();
  }

  /** Rows of a table, for tests and `rampart serve` (reads see every committed batch). */
  query(sql: string, ...params: unknown[]): unknown[] {
    return this.db.prepare(sql).all(...params);
  }

  /** Runs a statement that returns nothing (maintenance, tests), on the request thread's connection. */
  execute(sql: string): void {
    this.db.exec(sql);
  }

  /** Writes what is queued, checkpoints, and stops the writer thread. */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      clearInterval(this.timer);
      await this.flush();
      this.closed = true;
      if (!this.writerFailed) {
        const id = this.nextId++;
        await this.post({ type: 'close', id });
      }
      try {
        this.db.close();
      } catch (error) {
        this.complain(`store close failed: ${(error as Error).message}`);
      }
    })());
  }

  private pruneAt?: number;

  /** The retention cutoff to send with the next batch, at most once a minute. */
  private prunePending(now: number): number | undefined {
    const at = this.pruneAt ?? now;
    if (at - this.lastPrune < 60_000) return undefined;
    this.lastPrune = at;
    this.pruneAt = undefined;
    return at - (this.options.retentionDays ?? 7) * 86_400_000;
  }

  private post(message: WriterRequest): Promise<void> {
    if (this.writerFailed) {
      this.drop(message);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      // Someone waits for this answer: keep the process alive until it comes.
      if (this.waiting.size === 0) this.writer.ref();
      this.waiting.set(message.id, resolve);
      this.writer.postMessage(message);
    });
  }

  private settle(reply: WriterReply): void {
    this.postedRowCount -= this.postedRows.get(reply.id) ?? 0;
    this.postedRows.delete(reply.id);
    if (reply.type === 'done') {
      this.posted -= reply.records;
      if (reply.error) {
        this.counters.dropped += reply.records;
        this.complain(`store write failed, ${reply.records} records dropped: ${reply.error}`);
      } else this.counters.written += reply.records;
    } else if (reply.error) this.complain(`store close failed: ${reply.error}`);
    this.waiting.get(reply.id)?.();
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.writer.unref();
  }

  /** The writer thread is gone: what it held is lost (counted), and later records are dropped. */
  private fail(reason: string): void {
    if (this.writerFailed) return;
    this.writerFailed = reason;
    if (!this.closed) this.complain(reason);
    this.counters.dropped += this.posted;
    this.posted = 0;
    this.postedRows.clear();
    this.postedRowCount = 0;
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }

  private drop(message: WriterRequest): void {
    this.postedRowCount -= this.postedRows.get(message.id) ?? 0;
    this.postedRows.delete(message.id);
    if (message.type === 'batch') {
      this.posted -= message.records;
      this.counters.dropped += message.records;
    }
  }

  /** Rows waiting: the current aggregate and the batches the writer has not acknowledged. */
  private rows(): number {
    return this.operations.size + this.identities.size + this.alerts.length + this.samples.length + this.postedRowCount;
  }

  /** Accepts a record that adds `newRows` rows, unless the writer is gone or that would overflow the queue. */
  private admit(newRows: number): boolean {
    if (this.writerFailed || (newRows > 0 && this.rows() + newRows > this.queueLimit)) {
      this.counters.dropped++;
      return false;
    }
    this.queued++;
    return true;
  }

  private complain(message: string): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.options.warn?.(message);
  }
}
