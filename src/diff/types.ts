import type { Api, Operation, Origin } from '../spec/api.js';
import type { SchemaComparer } from './compare-schemas.js';

/** How much a change matters to clients: it breaks them, it may break them, or it is news. */
export type Level = 'breaking' | 'warning' | 'info';
export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];

export type Direction = 'request' | 'response' | 'none';
export type Area = 'paths' | 'operation' | 'parameters' | 'request-body' | 'responses' | 'headers' | 'schema' | 'security' | 'servers' | 'webhooks' | 'info';
export type Kind = 'existence' | 'lifecycle' | 'identity' | 'type' | 'constraints' | 'values' | 'requiredness' | 'mutability' | 'structure' | 'location';
/** What happened, as a changelog reads it. */
export type Action = 'add' | 'remove' | 'change' | 'rename' | 'deprecate';

/** The taxonomy entry of one change id, declared in the check file that emits it. */
export interface ChangeDefinition {
  id: string;
  level: Level;
  direction: Direction;
  area: Area;
  kind: Kind;
  action: Action;
}

/** A difference between two Api versions. */
export interface Change extends ChangeDefinition {
  message: string;
  /** The endpoint concerned (revision path; base path when it was removed). */
  operation?: { method: string; path: string };
  base?: Origin;
  revision?: Origin;
  data: Record<string, unknown>;
}

export interface VersioningPolicy {
  /** `major`: a breaking change needs a semver major bump of `info.version` (minor while 0.x). */
  versionBump: 'major' | 'off';
  /** Removing an endpoint that was not deprecated first is reported as a policy violation. */
  requireDeprecation: boolean;
  /** Removing a deprecated endpoint also needs a sunset date (`x-sunset` / `Sunset` header). */
  requireSunset: boolean;
}

export const DEFAULT_POLICY: VersioningPolicy = { versionBump: 'major', requireDeprecation: true, requireSunset: false };

export interface DiffOptions {
  /** "Today", for sunset dates. Default: the current date. */
  now?: Date;
  policy?: Partial<VersioningPolicy>;
  /** How a file is named in findings (the CLI names git revisions `rev:path`). Default: its display path. */
  fileLabel?: (side: 'base' | 'revision', origin: Origin) => string;
}

export interface OperationPair {
  base: Operation;
  revision: Operation;
}

/** What a check sees: both models, operations already paired, and one way to report. */
export interface CheckContext {
  base: Api;
  revision: Api;
  pairs: readonly OperationPair[];
  removed: readonly Operation[];
  added: readonly Operation[];
  /** One comparer per run: shared schemas are compared once. */
  schemas: SchemaComparer;
  now: Date;
  policy: VersioningPolicy;
  /** Changes reported so far (the versioning policy reads them). */
  changes: readonly Change[];
  report(id: string, at: { operation?: Operation; base?: Origin; revision?: Origin; data?: Record<string, unknown> }): void;
}

/** One check family: the ids it may report and the function that finds them. */
export interface Check {
  name: string;
  definitions: readonly ChangeDefinition[];
  run(context: CheckContext): void;
}

/** Declares one change id of a check's taxonomy. */
export function defineChange(id: string, level: Level, direction: Direction, area: Area, kind: Kind, action: Action): ChangeDefinition {
  return { id, level, direction, area, kind, action };
}
