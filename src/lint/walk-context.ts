import { isRefObject, type ApiDocument } from '../spec/document.js';
import type { SpecFormat } from '../spec/version.js';
import { formatMessage } from './format-message.js';
import { NodeLocation } from './location.js';
import type { RawFinding } from './rule-settings.js';
import type { Ancestor, ReportDescriptor, Rule, VisitContext } from './rule.js';
import type { AncestorLink } from './walk.js';

/** Where reports go during a run: the findings so far, and the rule that is running. */
export interface ReportSink {
  readonly raw: RawFinding[];
  currentRule(): Rule | undefined;
}

/**
 * The context handed to visitors, one per visited node. A class, not an object of closures: a large
 * document makes 100,000s of them, and prototype methods cost nothing per instance.
 */
export class WalkContext implements VisitContext {
  readonly format: SpecFormat;
  private ancestorList: readonly Ancestor[] | undefined;

  constructor(
    readonly document: ApiDocument,
    readonly location: NodeLocation,
    readonly key: string | number,
    private readonly ancestorLinks: AncestorLink | undefined,
    private readonly sink: ReportSink,
  ) {
    this.format = document.version.format;
  }

  /** Outermost first. Built on first use: most visits never look up the tree. */
  get ancestors(): readonly Ancestor[] {
    if (!this.ancestorList) {
      const list: Ancestor[] = [];
      for (let link = this.ancestorLinks; link; link = link.parent) list.push(link.entry);
      this.ancestorList = list.reverse();
    }
    return this.ancestorList;
  }

  resolve<T = unknown>(value: unknown, at: NodeLocation = this.location): { node: T; location: NodeLocation | undefined } {
    if (!isRefObject(value)) return { node: value as T, location: undefined };
    const target = this.document.resolveRef(at.source, value.$ref);
    return target ? { node: target.value as T, location: new NodeLocation(target.source, target.pointer) } : { node: undefined as T, location: undefined };
  }

  report(descriptor: ReportDescriptor<string>): void {
    const rule = this.sink.currentRule();
    if (!rule) throw new Error('report() called outside a rule');
    const template = (rule.meta.messages as Record<string, string>)[descriptor.messageId];
    if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`);
    const raw: RawFinding = { ruleId: rule.id, message: formatMessage(template, descriptor.data), location: descriptor.location ?? this.location, messageId: descriptor.messageId };
    if (descriptor.related) raw.related = descriptor.related;
    this.sink.raw.push(raw);
  }
}
