import type { Severity } from '../core/severity.js';
import type { ApiDocument } from '../spec/document.js';
import type { SpecFormat } from '../spec/version.js';
import type { NodeLocation } from './location.js';
import type { NodeType } from './node-types.js';

export interface RuleDocs {
  /** Why it matters. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** YAML that breaks the rule. */
  bad: string;
  /** The same YAML, fixed. */
  good: string;
}

export interface RuleMeta<MessageId extends string> {
  description: string;
  defaultSeverity: Severity;
  /** In the ruleset's default selection (Spectral's `recommended`). */
  recommended: boolean;
  /**
   * Place findings on their key's line, as Spectral does (a block mapping or list starts at its
   * key). The `spectral:oas` rules set it, since their findings are held to Spectral's.
   */
  spectralPositions?: boolean;
  /** The formats it applies to; all when absent. */
  formats?: readonly SpecFormat[];
  messages: Record<MessageId, string>;
  owasp?: readonly string[];
  cwe?: readonly string[];
  docs: RuleDocs;
}

export interface Ancestor {
  type: NodeType;
  node: unknown;
  /** The key or index under which the node sits in its parent. */
  key: string | number;
  location: NodeLocation;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, unknown>;
  /** Default: the node being visited. */
  location?: NodeLocation;
  /**
   * Other nodes that explain the finding (the first of two duplicates). They are shown as related
   * locations and, unlike the message, are not part of the fingerprint: an edit there keeps it.
   */
  related?: NodeLocation[];
}

export interface VisitContext<MessageId extends string = string> {
  readonly location: NodeLocation;
  readonly key: string | number;
  /** The chain of modelled nodes above this one, outermost first (parent last). */
  readonly ancestors: readonly Ancestor[];
  readonly document: ApiDocument;
  readonly format: SpecFormat;
  /** Follows a $ref written at `location` (default: the current node's file); returns the node itself otherwise. */
  resolve<T = unknown>(value: unknown, location?: NodeLocation): { node: T; location: NodeLocation | undefined };
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export type VisitFunction<MessageId extends string = string> = (node: any, ctx: VisitContext<MessageId>) => void;
export type VisitorEntry<MessageId extends string = string> = VisitFunction<MessageId> | { enter?: VisitFunction<MessageId>; leave?: VisitFunction<MessageId> };

/** Node visitors, plus `Ref` (each $ref object, before it is followed) and `Document` (whole run). */
export type Visitor<MessageId extends string = string> = Partial<Record<NodeType | 'Ref', VisitorEntry<MessageId>>> & {
  Document?: { enter?: VisitFunction<MessageId>; leave?: VisitFunction<MessageId> };
};

export interface Rule<MessageId extends string = string> {
  id: string;
  meta: RuleMeta<MessageId>;
  create(): Visitor<MessageId>;
}

/** Typed helper: one rule per file, metadata beside logic. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
