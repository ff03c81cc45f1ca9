import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import type { DocumentLocation, Finding } from '../../core/finding.js';
import { loadDocument } from '../../spec/document.js';
import { diff } from '../diff.js';
import type { DiffOptions } from '../types.js';

const ROOT = path.resolve('/virtual/diff');

/** A spec given as text (YAML or JSON) or as a value (written as JSON). */
export type SpecInput = string | Record<string, unknown>;

/** Diffs two in-memory documents (`base.yaml`, `revision.yaml`, plus extra files by relative path). */
export async function diffSpecs(base: SpecInput, revision: SpecInput, options: DiffOptions = {}, files: Record<string, string> = {}): Promise<Finding[]> {
  const text = (spec: SpecInput) => (typeof spec === 'string' ? spec : JSON.stringify(spec, null, 2));
  const overlay = new Map<string, string>([
    [path.join(ROOT, 'base.yaml'), text(base)],
    [path.join(ROOT, 'revision.yaml'), text(revision)],
  ]);
  for (const [name, content] of Object.entries(files)) overlay.set(path.join(ROOT, name), content);
  const load = (name: string) => loadDocument(path.join(ROOT, name), { cwd: ROOT, overlay, overlayOnly: true });
  const baseDocument = await load('base.yaml');
  const revisionDocument = await load('revision.yaml');
  const before = structuredClone([baseDocument.root.value, revisionDocument.root.value]);
  const { findings } = diff(baseDocument, revisionDocument, { now: new Date('2026-06-01T00:00:00Z'), ...options, policy: { versionBump: 'off', ...options.policy } });
  assert.deepEqual([baseDocument.root.value, revisionDocument.root.value], before, 'diff changed its inputs');
  return findings;
}

/** The exact shape a case expects: id, level, message, and both locations as `file#pointer`. */
export interface ExpectedChange {
  id: string;
  level: 'breaking' | 'warning' | 'info';
  message: string;
  /** Primary location: the revision, or the base for removals. */
  at: string;
  related?: string;
}

export interface DiffCase {
  /** Named by what happens, never by number. */
  name: string;
  base: SpecInput;
  revision: SpecInput;
  options?: DiffOptions;
  files?: Record<string, string>;
  expected: ExpectedChange[];
}

const SEVERITY = { breaking: 'error', warning: 'warning', info: 'info' } as const;

export function describeFinding(finding: Finding): ExpectedChange {
  const where = (location: DocumentLocation) => `${location.file}#${location.pointer}`;
  const out: ExpectedChange = {
    id: finding.ruleId,
    level: finding.fields!.level as ExpectedChange['level'],
    message: finding.message,
    at: where(finding.location as DocumentLocation),
  };
  const related = finding.relatedLocations?.[0];
  if (related) out.related = where(related as DocumentLocation);
  return out;
}

export function runDiffCases(cases: readonly DiffCase[]): void {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const findings = await diffSpecs(testCase.base, testCase.revision, testCase.options, testCase.files);
      assert.deepEqual(findings.map(describeFinding), testCase.expected);
      for (const finding of findings) {
        const fields = finding.fields!;
        assert.equal(finding.severity, SEVERITY[fields.level as ExpectedChange['level']]);
        assert.equal(fields.changeId, finding.ruleId);
        assert.ok((finding.location as DocumentLocation).line! >= 1, 'located at a line');
      }
    });
  }
}

/** A minimal OpenAPI 3.0 document; `paths` and other top-level keys are merged in. */
export function oas3(extra: Record<string, unknown> = {}, version = '1.0.0'): Record<string, unknown> {
  return { openapi: '3.0.3', info: { title: 'Test', version }, paths: {}, ...extra };
}

/** One operation `POST /items` (plus anything given) in a 3.0 document. */
export function withOperation(operation: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return oas3({ paths: { '/items': { post: { responses: { '200': { description: 'ok' } }, ...operation } } }, ...extra });
}

/** `~1` and `~0` escaping for writing expected pointers by hand. */
export const OP = '/paths/~1items/post';
