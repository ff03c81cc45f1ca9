import { hash } from 'node:crypto';
import picomatch from 'picomatch';
import type { DocumentLocation, Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { ApiDocument } from '../spec/document.js';
import type { Source } from '../spec/source.js';
import { NodeLocation } from './location.js';
import type { NodeType } from './node-types.js';
import type { Rule, VisitContext, VisitFunction } from './rule.js';
import type { RawFinding, RuleDefinition, RuleSelection, RuleSetting } from './rule-settings.js';
import { findSuppression } from './suppression.js';
import { walkDocument, type AncestorLink, type WalkHandlers } from './walk.js';
import { WalkContext, type ReportSink } from './walk-context.js';

export const RULE_CRASH_ID = 'rule-crashed';

/** Runs every rule enabled anywhere in the selection: built-ins in one shared walk, the others one by one. */
export function runRules(document: ApiDocument, selection: RuleSelection, timings?: Map<string, number>): RawFinding[] {
  const active = activeDefinitions(selection).filter((definition) => appliesTo(definition, document));
  const raw: RawFinding[] = [];
  const crashed = new Set<string>();
  const crash = (ruleId: string, error: unknown, location: NodeLocation) => {
    if (crashed.has(ruleId)) return;
    crashed.add(ruleId);
    const reason = error instanceof Error ? error.message : String(error);
    raw.push({ ruleId: RULE_CRASH_ID, message: `Rule "${ruleId}" threw an exception and was stopped: ${reason}`, location, severity: 'error' });
  };

  // One context per visited node, shared by all rules; report() names the rule that is running.
  let currentRule: Rule | undefined;
  const handlers: WalkHandlers = { enter: new Map(), leave: new Map() };
  const documentHooks: { rule: Rule; enter?: VisitFunction; leave?: VisitFunction }[] = [];
  for (const definition of active) {
    const rule = definition.builtin;
    if (!rule) continue;
    const visitor = rule.create();
    for (const [type, entry] of Object.entries(visitor)) {
      if (!entry) continue;
      if (type === 'Document') {
        const hooks = entry as { enter?: VisitFunction; leave?: VisitFunction };
        documentHooks.push({ rule, enter: hooks.enter, leave: hooks.leave });
        continue;
      }
      const enter = typeof entry === 'function' ? entry : entry.enter;
      const leave = typeof entry === 'function' ? undefined : entry.leave;
      const guard = (fn: VisitFunction): VisitFunction => (node, ctx) => {
        if (crashed.has(rule.id)) return;
        currentRule = rule;
        const started = timings ? performance.now() : 0;
        try {
          fn(node, ctx);
        } catch (error) {
          crash(rule.id, error, ctx.location);
        }
        if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - started);
      };
      if (enter) push(handlers.enter, type as NodeType | 'Ref', guard(enter));
      if (leave) push(handlers.leave, type as NodeType, guard(leave));
    }
  }

  const sink: ReportSink = { raw, currentRule: () => currentRule };
  const contextFor = (location: NodeLocation, key: string | number, ancestors: AncestorLink | undefined): VisitContext => new WalkContext(document, location, key, ancestors, sink);
  const rootContext = (rule: Rule) => new WalkContext(document, new NodeLocation(document.root, ''), '', undefined, { raw, currentRule: () => rule });
  for (const hook of documentHooks) runHook(hook.rule, hook.enter);
  walkDocument(document, handlers, contextFor);
  for (const hook of documentHooks) runHook(hook.rule, hook.leave);

  for (const definition of active) {
    if (!definition.run) continue;
    const started = timings ? performance.now() : 0;
    try {
      // A loop, not push(...results): a rule may return hundreds of thousands of results.
      for (const result of definition.run(document)) raw.push(result);
    } catch (error) {
      crash(definition.id, error, new NodeLocation(document.root, ''));
    }
    if (timings) timings.set(definition.id, (timings.get(definition.id) ?? 0) + performance.now() - started);
  }
  return raw;

  function runHook(rule: Rule, fn: VisitFunction | undefined) {
    if (!fn || crashed.has(rule.id)) return;
    const started = timings ? performance.now() : 0;
    try {
      fn(document.root.value, rootContext(rule));
    } catch (error) {
      crash(rule.id, error, new NodeLocation(document.root, ''));
    }
    if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - started);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function activeDefinitions(selection: RuleSelection): RuleDefinition[] {
  const ids = new Set<string>();
  for (const [id, setting] of selection.base) if (setting.severity !== 'off') ids.add(id);
  for (const override of selection.overrides) for (const [id, setting] of override.rules) if (setting.severity !== 'off') ids.add(id);
  return [...ids].map((id) => selection.definitions.get(id)).filter((definition): definition is RuleDefinition => definition !== undefined);
}

function appliesTo(definition: RuleDefinition, document: ApiDocument): boolean {
  const formats = definition.builtin?.meta.formats;
  return !formats || formats.includes(document.version.format);
}

interface RuleFacts {
  base: RuleSetting | undefined;
  definition: RuleDefinition | undefined;
  docsUrl: string | undefined;
  owasp: string[];
  cwe: string[];
  spectralPositions: boolean;
}

export interface FinalizeOptions {
  cwd: string;
  docsUrl?: (ruleId: string) => string | undefined;
}

/** Applies severities (with overrides), inline suppressions and positions; drops what is off. */
export function finalizeFindings(raw: readonly RawFinding[], selection: RuleSelection, options: FinalizeOptions): Finding[] {
  const matchers = selection.overrides.map((override) => ({
    rules: override.rules,
    patterns: override.files.map((pattern) => {
      const [glob, fragment] = pattern.split('#');
      return { match: picomatch(glob!, { dot: true, matchBase: !glob!.includes('/') }), pointer: fragment };
    }),
  }));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  // Several rules often report the same node (an operation lacking 401, 403, 429, 500…): locate it once.
  const ranges = new Map<Source, Map<string, ReturnType<Source['range']>>>();
  const rangeOf = (at: NodeLocation, keyLine: boolean) => {
    let bySource = ranges.get(at.source);
    if (!bySource) ranges.set(at.source, (bySource = new Map()));
    const key = at.onKey ? `${at.pointer}\u0000key` : keyLine ? `${at.pointer}\u0000line` : at.pointer;
    let range = bySource.get(key);
    if (!range) bySource.set(key, (range = at.source.range(at.pointer, { key: at.onKey, keyLine })));
    return range;
  };
  // What a finding takes from its rule, looked up once per rule rather than once per finding.
  const byRule = new Map<string, RuleFacts>();
  const factsOf = (ruleId: string): RuleFacts => {
    let facts = byRule.get(ruleId);
    if (!facts) {
      const definition = selection.definitions.get(ruleId);
      facts = {
        base: selection.base.get(ruleId),
        definition,
        // A rule that has a definition links only to its own docs (ruleset rules may have none).
        docsUrl: definition ? definition.docsUrl : options.docsUrl?.(ruleId),
        owasp: Object.freeze([...(definition?.owasp ?? [])]) as string[],
        cwe: Object.freeze([...(definition?.cwe ?? [])]) as string[],
        spectralPositions: definition?.spectralPositions === true || definition?.builtin?.meta.spectralPositions === true,
      };
      byRule.set(ruleId, facts);
    }
    return facts;
  };
  for (const item of raw) {
    const file = item.location.source.displayPath;
    const facts = factsOf(item.ruleId);
    let setting: RuleSetting | undefined = facts.base;
    for (const matcher of matchers) {
      const hit = matcher.patterns.some(
        (pattern) => pattern.match(file) && (pattern.pointer === undefined || isPointerWithin(item.location.pointer, pattern.pointer)),
      );
      if (hit && matcher.rules.has(item.ruleId)) setting = matcher.rules.get(item.ruleId);
    }
    const definition = facts.definition;
    const severity: Severity | 'off' = item.ruleId === RULE_CRASH_ID ? 'error' : item.severity ?? setting?.severity ?? definition?.defaultSeverity ?? 'error';
    if (severity === 'off') continue;
    // What the finding is about, as its fingerprint (128 bits of a hash of rule, file, pointer and
    // message), and with the offset, what makes it a duplicate: a short key to remember, not the text.
    const fingerprint = fingerprintOfIdentity(findingIdentity(item.ruleId, file, item.location.pointer, item.message));
    const dedupeKey = item.offset === undefined ? fingerprint : `${fingerprint}:${item.offset}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const range = item.offset === undefined ? rangeOf(item.location, facts.spectralPositions) : pointRange(item.location.source.positionOf(item.offset));
    const location: DocumentLocation = { file, pointer: item.location.pointer, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
    const finding: Finding = {
      ruleId: item.ruleId,
      severity,
      message: item.message,
      location,
      // Shared by every finding of the rule, and frozen so that no reporter changes them for all.
      owasp: facts.owasp,
      cwe: facts.cwe,
      fingerprint,
    };
    if (item.related) {
      finding.relatedLocations = item.related.map((at) => {
        const { line, column, endLine, endColumn } = rangeOf(at, facts.spectralPositions);
        return { file: at.source.displayPath, pointer: at.pointer, line, column, endLine, endColumn };
      });
    }
    if (facts.docsUrl) finding.docsUrl = facts.docsUrl;
    if (definition?.fix) finding.fix = definition.fix;
    const suppression = findSuppression(item.location.source, item.location.pointer, item.ruleId);
    if (suppression) finding.suppressed = { kind: 'inline', ...suppression };
    findings.push(finding);
  }
  return findings;
}

function pointRange(position: { line: number; column: number }) {
  return { line: position.line, column: position.column, endLine: position.line, endColumn: position.column };
}

function isPointerWithin(pointer: string, prefix: string): boolean {
  const normalized = prefix.startsWith('/') || prefix === '' ? prefix : `/${prefix}`;
  return pointer === normalized || pointer.startsWith(normalized + '/');
}

/**
 * Stable across line shifts and unrelated edits: built from what the finding is about (rule, file,
 * JSON pointer, message), never from line numbers.
 */
export function fingerprintOf(ruleId: string, file: string, pointer: string, message: string): string {
  return fingerprintOfIdentity(findingIdentity(ruleId, file, pointer, message));
}

function findingIdentity(ruleId: string, file: string, pointer: string, message: string): string {
  return `${ruleId}\u0000${file.includes('\\') ? file.replace(/\\/g, '/') : file}\u0000${pointer}\u0000${message}`;
}

function fingerprintOfIdentity(identity: string): string {
  // One-shot hash: the same digest as createHash().update().digest(), at half the cost per finding.
  return hash('sha256', identity, 'hex').slice(0, 32);
}
