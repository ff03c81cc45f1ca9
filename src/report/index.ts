import { changelog } from './changelog.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

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

export function isReporterName(name: string): name is ReporterName {
  return Object.prototype.hasOwnProperty.call(reporters, name);
}

export type { Reporter, ReportContext, RuleInfo } from './types.js';
