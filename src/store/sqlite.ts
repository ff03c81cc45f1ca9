import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

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
  /** Records waiting for the next write; beyond it new records are dropped (and counted). */
  queueLimit?: number;
  /** How often queued records are written, in one transaction. */
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
  operationId?: string;
  status: number;
  identity: string;
  identityKind: string;
  role: string;
  /** Builds a redacted sample; called only for the first few exchanges per operation and status. */
  sample?: () => Record<string, unknown>;
}

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

const MAX_IDENTITIES_PER_FLUSH = 50_000;

/**
 * The embedded store: SQLite in WAL mode. Records are queued in memory and written in one
 * transaction every `flushMs`, so the proxy never waits on the disk; if a write fails, the batch is
 * dropped and counted, and traffic goes on. A transaction is all or nothing, so after a SIGKILL the
 * file opens consistent, missing at most the last unflushed batch.
 */
export class SqliteStore {
  private readonly db: Database;
  private readonly statements: Record<'operation' | 'identity' | 'alert' | 'sample' | 'pruneAlerts' | 'pruneSamples' | 'pruneIdentities', Statement>;
  private operations = new Map<string, { method: string; route: string; operationId?: string; count: number; errors: number; first: number; last: number }>();
  private identities = new Map<string, { kind: string; role: string; count: number; first: number; last: number }>();
  private alerts: Finding[] = [];
  private samples: { at: number; operation: string; status: number; exchange: string }[] = [];
  private readonly sampled = new Map<string, number>();
  private queued = 0;
  private timer?: NodeJS.Timeout;
  private lastPrune = 0;
  private lastWarning = 0;
  private closed = false;
  readonly counters = { dropped: 0, written: 0 };

  private constructor(readonly file: string, private readonly options: StoreOptions, db: Database) {
    this.db = db;
    this.statements = {
      operation: db.prepare(`INSERT INTO operations (key, method, route, operation_id, count, errors, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET count = count + excluded.count, errors = errors + excluded.errors,
        first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen), operation_id = coalesce(excluded.operation_id, operation_id)`),
      identity: db.prepare(`INSERT INTO identities (id, kind, role, count, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET count = count + excluded.count, role = excluded.role,
        first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`),
      alert: db.prepare('INSERT INTO alerts (at, rule_id, severity, identity, method, route, message, finding) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      sample: db.prepare('INSERT INTO samples (at, operation, status, exchange) VALUES (?, ?, ?, ?)'),
      pruneAlerts: db.prepare('DELETE FROM alerts WHERE at < ?'),
      pruneSamples: db.prepare('DELETE FROM samples WHERE at < ?'),
      pruneIdentities: db.prepare('DELETE FROM identities WHERE last_seen < ?'),
    };
    this.timer = setInterval(() => this.flush(), options.flushMs ?? 200);
    this.timer.unref();
  }

  /** Opens (creating when needed) the store; a file that cannot be opened is a one-line error. */
  static open(file: string, options: StoreOptions = {}): SqliteStore {
    let db: Database;
    try {
      const require = createRequire(import.meta.url);
      const Database = require('better-sqlite3') as DatabaseConstructor;
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file, { timeout: 2000 });
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a power cut may lose the last transactions, never corrupt the file.
      db.pragma('synchronous = NORMAL');
      // Checkpoints (which fsync) would otherwise run every 1000 pages on the request thread: run them once a minute instead.
      db.pragma('wal_autocheckpoint = 20000');
      db.exec(SCHEMA);
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema', '1') ON CONFLICT(key) DO NOTHING").run();
    } catch (error) {
      throw new RampartError('RAMPART_FILE_NOT_FOUND', `cannot open the store: ${(error as Error).message}`, { position: { file }, cause: error });
    }
    return new SqliteStore(file, options, db);
  }

  get pending(): number {
    return this.queued;
  }

  recordExchange(record: ExchangeRecord): void {
    if (this.closed || !this.admit()) return;
    const key = `${record.method} ${record.route}`;
    const operation = this.operations.get(key);
    const error = record.status >= 400 ? 1 : 0;
    if (operation) {
      operation.count++;
      operation.errors += error;
      operation.last = Math.max(operation.last, record.at);
      operation.first = Math.min(operation.first, record.at);
    } else {
      this.operations.set(key, { method: record.method, route: record.route, operationId: record.operationId, count: 1, errors: error, first: record.at, last: record.at });
    }
    const identity = this.identities.get(record.identity);
    if (identity) {
      identity.count++;
      identity.last = Math.max(identity.last, record.at);
    } else if (this.identities.size < MAX_IDENTITIES_PER_FLUSH) {
      this.identities.set(record.identity, { kind: record.identityKind, role: record.role, count: 1, first: record.at, last: record.at });
    } else {
      this.counters.dropped++;
    }
    if (record.sample) {
      const sampleKey = `${key} ${record.status}`;
      const taken = this.sampled.get(sampleKey) ?? 0;
      if (taken < (this.options.samplesPerOperation ?? 5) && this.sampled.size < 10_000) {
        this.sampled.set(sampleKey, taken + 1);
        this.samples.push({ at: record.at, operation: key, status: record.status, exchange: JSON.stringify(record.sample()).slice(0, 16_384) });
      }
    }
  }

  recordAlert(finding: Finding): void {
    if (this.closed || !this.admit()) return;
    this.alerts.push(finding);
  }

  /** Writes everything queued in one transaction. Never throws: a failed batch is counted as dropped. */
  flush(): void {
    if (this.queued === 0 && Date.now() - this.lastPrune < 60_000) return;
    const operations = this.operations;
    const identities = this.identities;
    const alerts = this.alerts;
    const samples = this.samples;
    const count = this.queued;
    this.operations = new Map();
    this.identities = new Map();
    this.alerts = [];
    this.samples = [];
    this.queued = 0;
    try {
      this.db.transaction(() => {
        for (const [key, o] of operations) this.statements.operation.run(key, o.method, o.route, o.operationId ?? null, o.count, o.errors, o.first, o.last);
        for (const [id, i] of identities) this.statements.identity.run(id, i.kind, i.role, i.count, i.first, i.last);
        for (const finding of alerts) {
          const evidence = finding.evidence ?? {};
          const location = finding.location as { method?: string; path?: string };
          const at = Date.parse(String(evidence.at ?? '')) || Date.now();
          this.statements.alert.run(at, finding.ruleId, finding.severity, String(evidence.identity ?? ''), location.method ?? null, location.path ?? null, finding.message, JSON.stringify(finding));
        }
        for (const sample of samples) this.statements.sample.run(sample.at, sample.operation, sample.status, sample.exchange);
      })();
      this.counters.written += count;
    } catch (error) {
      this.counters.dropped += count;
      this.complain(`store write failed, ${count} records dropped: ${(error as Error).message}`);
    }
    this.prune();
  }

  /** Deletes what is older than the retention period (at most once a minute). */
  prune(now = Date.now()): void {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    const cutoff = now - (this.options.retentionDays ?? 7) * 86_400_000;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
      this.statements.pruneAlerts.run(cutoff);
      this.statements.pruneSamples.run(cutoff);
      this.statements.pruneIdentities.run(cutoff);
    } catch (error) {
      this.complain(`store retention failed: ${(error as Error).message}`);
    }
  }

  /** Rows of a table, for tests and `rampart serve`. */
  query(sql: string, ...params: unknown[]): unknown[] {
    return this.db.prepare(sql).all(...params);
  }

  /** Runs a statement that returns nothing (maintenance, tests). */
  execute(sql: string): void {
    this.db.exec(sql);
  }

  close(): void {
    if (this.closed) return;
    clearInterval(this.timer);
    this.flush();
    this.closed = true;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    } catch (error) {
      this.complain(`store close failed: ${(error as Error).message}`);
    }
  }

  private admit(): boolean {
    if (this.queued >= (this.options.queueLimit ?? 20_000)) {
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
