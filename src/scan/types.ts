import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { Api, Operation } from '../spec/api.js';

export interface ScanRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ScanResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The parsed body when it is JSON. */
  json?: unknown;
  durationMs: number;
}

/** One request the scanner sent and what came back (or why nothing did). */
export interface ScanExchange {
  id: number;
  /** The probe (or phase) that sent it. */
  probe: string;
  identity?: string;
  operation?: Operation;
  request: ScanRequest;
  response?: ScanResponse;
  error?: string;
  /** Sent with an attack payload: passive checks leave its response to the probe that sent it. */
  attack: boolean;
}

/** One rule a probe can report, with its fixed metadata. */
export interface ProbeRule {
  id: string;
  description: string;
  severity: Severity;
  owasp: string[];
  cwe: string[];
  fix: string;
}

/** What a probe could not test, and why: shown in the summary. */
export interface Skip {
  probe: string;
  reason: string;
  operation?: string;
}
