import { createHash } from 'node:crypto';
import { comparePlaces, type DocumentLocation, type Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { buildApi, type Api, type Origin } from '../spec/api.js';
import type { ApiDocument } from '../spec/document.js';
import { SchemaComparer } from './compare-schemas.js';
import { formatMessage } from './messages.js';
import { pairOperations } from './pairing.js';
import { catalogueEntry, changeDefinitions, checks } from './registry.js';
import { DEFAULT_POLICY, type Change, type CheckContext, type DiffOptions, type Level } from './types.js';

export const LEVEL_SEVERITY: Record<Level, Severity> = { breaking: 'error', warning: 'warning', info: 'info' };

export interface DiffResult {
  changes: Change[];
  /** One Finding per change: located in the revision (in the base for removals), the other side related. */
  findings: Finding[];
  base: Api;
  revision: Api;
}

/** Compares two API descriptions through the normalised model: what changed and what breaks clients. */
export function diff(base: ApiDocument, revision: ApiDocument, options: DiffOptions = {}): DiffResult {
  const baseApi = buildApi(base);
  const revisionApi = buildApi(revision);
  const changes = diffApis(baseApi, revisionApi, options);
  // Findings by place, as lint lists them; at one place the most severe change stays first (a stable sort).
  const findings = changesToFindings(changes, options).sort(comparePlaces);
  return { changes, findings, base: baseApi, revision: revisionApi };
}

export function diffApis(base: Api, revision: Api, options: DiffOptions = {}): Change[] {
  const changes: Change[] = [];
  const pairing = pairOperations(base.operations, revision.operations);
  const context: CheckContext = {
    base,
    revision,
    ...pairing,
    schemas: new SchemaComparer(),
    now: options.now ?? new Date(),
    policy: { ...DEFAULT_POLICY, ...options.policy },
    changes,
    report(id, at) {
      const definition = changeDefinitions.get(id);
      const entry = catalogueEntry(id);
      if (!definition || !entry) throw new Error(`diff: unknown change id "${id}"`);
      const data = at.data ?? {};
      const text = formatMessage(entry.message, data);
      const operation = at.operation ? { method: at.operation.method.toUpperCase(), path: at.operation.path } : undefined;
      changes.push({
        ...definition,
        message: operation ? `${operation.method} ${operation.path}: ${text}` : text,
        operation,
        base: at.base,
        revision: at.revision,
        data,
      });
    },
  };
  for (const check of checks) check.run(context);
  return changes.sort(compareChanges);
}

const LEVEL_RANK: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

/** A stable order: API-wide changes first, then by path and method; breaking first within each. */
function compareChanges(a: Change, b: Change): number {
  return (
    (a.operation?.path ?? '').localeCompare(b.operation?.path ?? '') ||
    (a.operation?.method ?? '').localeCompare(b.operation?.method ?? '') ||
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    a.id.localeCompare(b.id) ||
    a.message.localeCompare(b.message)
  );
}

/** One Finding per change, in the order of the changes. */
export function changesToFindings(changes: readonly Change[], options: DiffOptions = {}): Finding[] {
  const label = options.fileLabel ?? ((_side, origin: Origin) => origin.source.displayPath);
  const locate = (side: 'base' | 'revision', origin: Origin): DocumentLocation => {
    const range = origin.source.range(origin.pointer);
    return { file: label(side, origin), pointer: origin.pointer, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
  };
  const findings = changes.map((change): Finding => {
    const base = change.base ? locate('base', change.base) : undefined;
    const revision = change.revision ? locate('revision', change.revision) : undefined;
    const primary = change.action === 'remove' ? base ?? revision : revision ?? base;
    const other = primary === base ? revision : base;
    const operation = change.operation ? `${change.operation.method} ${change.operation.path}` : undefined;
    return {
      ruleId: change.id,
      severity: LEVEL_SEVERITY[change.level],
      message: change.message,
      location: primary!,
      relatedLocations: other ? [other] : [],
      owasp: [],
      cwe: [],
      fingerprint: createHash('sha256')
        .update([change.id, operation ?? '', change.base?.pointer ?? '', change.revision?.pointer ?? '', change.message].join('\u0000'))
        .digest('hex')
        .slice(0, 32),
      fields: {
        level: change.level,
        changeId: change.id,
        direction: change.direction,
        area: change.area,
        kind: change.kind,
        action: change.action,
        ...(operation ? { operation } : {}),
      },
    };
  });
  return findings;
}

export { changeDefinitions };
