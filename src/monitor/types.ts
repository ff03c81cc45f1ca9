import type { Severity } from '../core/severity.js';
import type { Exchange } from '../traffic/exchange.js';
import type { JwtAnalysis } from '../traffic/jwt.js';
import type { ContractOperation } from './contract.js';

export const DETECTOR_MODES = ['off', 'monitor', 'enforce'] as const;

/** Where proxy findings point: the README's Proxy section, whose detector table names every detector. */
export const PROXY_DOCS_URL = 'https://github.com/rampart-dev/rampart/blob/main/README.md#proxy';
/** `off`: not run. `monitor`: alerts only. `enforce`: alerts, and answers 429/403 instead of forwarding. */
export type DetectorMode = (typeof DETECTOR_MODES)[number];

/** Who is calling, as every detector sees it. Never a raw credential: keys and cookies are hashed. */
export interface Identity {
  /** The one key detectors count by: `jwt:<sub>`, `api-key:<hash>`, `session:<hash>`, `basic:<user>`, or `ip:<address>`. */
  id: string;
  kind: 'jwt' | 'api-key' | 'session' | 'basic' | 'bearer' | 'ip';
  /** The client address (after trusted X-Forwarded-For hops), `unknown` in recorded traffic without one. */
  ip: string;
  /** Role claim of a JWT (`role`, first of `roles`, or `scope`), for the BFLA baseline; `anonymous` without credentials. */
  role: string;
  /** The JWT was verified with a configured key (false when no key is configured or it did not verify). */
  verified: boolean;
  jwt?: JwtAnalysis;
  /** A JWT was presented but a key is configured and the signature did not verify. */
  invalidSignature?: boolean;
}

/** What the request phase knows: the request line and headers (the body is still streaming). */
export interface RequestView {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Epoch ms: the clock of every window, so replayed traffic behaves as it did live. */
  now: number;
  identity: Identity;
  /** The documented operation, when a spec is loaded and it matched. */
  operation?: ContractOperation;
  /** The documented path template, or the path templated on its own (`/users/{userId}`, `templateSinglePath`): never a raw value, never unbounded. */
  route: string;
  /** Path parameter values by name (documented operation), or the templated segments (undocumented). */
  pathParams: Record<string, string>;
  /** A spec is loaded: `operation` undefined means undocumented. */
  hasSpec: boolean;
  /** `operationKey(view)`, computed once per request by the monitor. */
  operationKey?: string;
  /** `identityOperationKey(view)`, computed once per request by the monitor (several detectors count by it). */
  identityOperationKey?: string;
}

/** The whole exchange, with bounded bodies parsed once. */
export interface ExchangeView extends RequestView {
  exchange: Exchange;
  status: number;
  requestJson?: unknown;
  responseJson?: unknown;
}

/** What a detector reports; the monitor turns it into a Finding and applies the mode. */
export interface DetectorHit {
  message: string;
  /** Alerts with the same key are raised once per cooldown (blocking goes on regardless). */
  key: string;
  evidence?: Record<string, unknown>;
  severity?: Severity;
  /** A consequence of an earlier alert (a lockout still running): blocks in enforce mode, never alerts again. */
  silent?: boolean;
  /** In `enforce` mode, answer this instead of forwarding (request phase only). */
  block?: { status: 400 | 403 | 429; title: string; retryAfterSeconds?: number };
}

export interface DetectorInstance {
  /** Before forwarding, from the request line and headers; a hit with `block` stops the request in enforce mode. */
  request?: (view: RequestView) => DetectorHit | undefined;
  /** After the response, from the whole exchange (bounded bodies). */
  response?: (view: ExchangeView) => DetectorHit | undefined;
  /** Written on shutdown (the BFLA baseline file). */
  close?: () => void;
  /** Approximate state held, for the bench's memory column and /metrics. */
  stateSize?: () => number;
}

/** One threshold, documented where it is defined: name, default, and what it means. */
export interface Threshold {
  default: number;
  description: string;
}

/**
 * A detector: one file under detectors/, metadata beside logic. `errsOn` is the written
 * false-positive policy: which way it leans when the evidence is ambiguous.
 */
export interface Detector<Options extends Record<string, number> = Record<string, number>> {
  id: string;
  description: string;
  severity: Severity;
  owasp: string[];
  cwe: string[];
  fix: string;
  defaultMode: DetectorMode;
  /** Modes this detector can honour (a response-only detector cannot block what already left). */
  enforceable: boolean;
  needsSpec: boolean;
  errsOn: 'false-positive' | 'false-negative';
  thresholds: { [K in keyof Options]: Threshold };
  create: (options: Options, context: DetectorContext) => DetectorInstance;
}

export interface DetectorContext {
  /** The BFLA baseline file, when configured. */
  baselineFile?: string;
  /** Minimum API version (`min-version` detector). */
  minVersion?: string;
  /** The loaded description, for the contract detectors. */
  contract?: import('./contract.js').Contract;
  /** Reports a recoverable problem (a baseline file that cannot be written). */
  warn: (message: string) => void;
}

export function defineDetector<Options extends Record<string, number>>(detector: Detector<Options>): Detector<Options> {
  return detector;
}

export function defaultOptions<Options extends Record<string, number>>(detector: Detector<Options>): Options {
  return Object.fromEntries(Object.entries(detector.thresholds).map(([name, threshold]) => [name, (threshold as Threshold).default])) as Options;
}

/** A compact label for an operation, used in keys and messages: `GET /accounts/{accountId}`. */
export function operationKey(view: RequestView): string {
  return view.operationKey ?? `${view.operation?.method ?? view.method} ${view.route}`;
}

/** The identity and the operation, the key of per-identity-per-operation state: `api-key:1f… GET /accounts/{accountId}`. */
export function identityOperationKey(view: RequestView): string {
  return view.identityOperationKey ?? `${view.identity.id} ${operationKey(view)}`;
}
