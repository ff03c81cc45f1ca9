import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { getAtPointer, parsePointer } from '../../spec/pointer.js';
import type { Comparable, Waiver } from './parity-harness.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const parsed = new Map<string, unknown>();

function nodeAt(file: string, pointer: string): unknown {
  let value = parsed.get(file);
  if (value === undefined) {
    value = load(readFileSync(path.resolve(REPO, file), 'utf8'));
    parsed.set(file, value);
  }
  return getAtPointer(value, parsePointer(pointer)).value;
}

/** The local target of a `$ref` that has sibling keys at `pointer`, if that is what is there. */
function refWithSiblingsTarget(file: string, pointer: string): string | undefined {
  const node = nodeAt(file, pointer) as Record<string, unknown> | undefined;
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string' || Object.keys(node).length < 2 || !node.$ref.startsWith('#')) return undefined;
  return decodeURIComponent(node.$ref.slice(1));
}

function isBelow(pointer: string, ancestor: string): boolean {
  return pointer.startsWith(`${ancestor}/`);
}

/**
 * A message with its `{{property}}` parts masked: Spectral derives `{{property}}` from the place it
 * reports, so when that place differs the property text differs too, and nothing else may.
 */
function shape(message: string): string {
  return message.replace(/"[^"]*" property/g, '"…" property').replace(/^[^\s:]+(:| )/, '…$1');
}

function sameResult(spectral: Comparable, rampart: Comparable): boolean {
  return rampart.ruleId === spectral.ruleId && rampart.file === spectral.file && rampart.severity === spectral.severity && shape(rampart.message) === shape(spectral.message);
}

function sameResultDeeper(spectral: Comparable, rampart: Comparable): boolean {
  return sameResult(spectral, rampart) && isBelow(rampart.pointer, spectral.pointer);
}

/**
 * Differences between Spectral and Rampart that we accept, each with its reason. The parity test
 * fails on any difference not covered here.
 */
export const PARITY_WAIVERS: Waiver[] = [
  {
    id: 'spectral-ref-mapping-stops-early',
    reason:
      'Spectral maps a result found through a $ref back to its file with a map keyed by URI-encoded pointers, ' +
      'then decodes only "~" escapes. When the path after the $ref holds a key that encoding changes ("+", "{", …) ' +
      'or crosses a $ref with sibling keys, the lookup fails and Spectral reports the nearest ancestor it can map. ' +
      'Rampart follows the $ref and reports the exact node (same rule, file and message, except for the {{property}} ' +
      'text, which Spectral derives from the shorter path).',
    pairs: sameResultDeeper,
  },
  {
    id: 'spectral-ref-mapping-extra-ancestor',
    reason:
      'Same cause as spectral-ref-mapping-stops-early, when the node is also reached without a $ref: Spectral reports it ' +
      'twice (at the node and at an ancestor), Rampart once, at the node.',
    spectralOnly: (spectral, rampart) => rampart.some((finding) => sameResultDeeper(spectral, finding)),
  },
  {
    id: 'spectral-stops-at-ref-with-siblings',
    reason:
      'A $ref with sibling keys (allowed in OpenAPI 3.1) is not followed by Spectral when it maps a result back to its file: ' +
      'it reports at the object holding the $ref. Rampart follows the $ref and reports the node in the referenced schema ' +
      '(same rule and message).',
    spectralOnly: (spectral, rampart) => {
      const target = refWithSiblingsTarget(spectral.file, spectral.pointer);
      return target !== undefined && rampart.some((finding) => sameResult(spectral, finding) && (finding.pointer === target || isBelow(finding.pointer, target)));
    },
  },
  {
    id: 'spectral-drops-missing-property-after-ref',
    reason:
      'When a missing field sits right under a pure $ref (`status: {$ref: …}` and the rule asks for `status.format`), ' +
      'Spectral maps the result to the $ref target but forgets the missing part of the path, so {{property}} names ' +
      'the target ("OrderStatusEnum") instead of the field ("OrderStatusEnum.format"). The same node reached directly gets ' +
      'the full wording, so Spectral reports it twice; Rampart once, with the full property.',
    spectralOnly: (spectral, rampart) =>
      rampart.some((finding) => sameResult(spectral, finding) && finding.pointer === spectral.pointer && finding.line === spectral.line && finding.message !== spectral.message),
  },
];
