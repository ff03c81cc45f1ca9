import { changelog } from './changelog.js';
import { github } from './github.js';
import { html } from './html.js';
import { json, jsonChunks } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { ReportContext, Reporter } from './types.js';
import type { Finding } from '../core/finding.js';

/** Every output format, by name. The meta-test checks each has tests. */
export const reporters = {
  stylish,
  json,
  sarif,
  junit,
  github,
  markdown,
  changelog,
  html,
} satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;

/** Reporters that can also hand their text over in pieces (the same text), for very large reports. */
export const chunkedReporters: Partial<Record<ReporterName, (findings: readonly Finding[], context: ReportContext) => Iterable<string>>> = {
  json: jsonChunks,
};

export function isReporterName(name: string): name is ReporterName {
  return Object.prototype.hasOwnProperty.call(reporters, name);
}

export type { Reporter, ReportContext, RuleInfo } from './types.js';
