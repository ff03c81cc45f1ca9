import type { ApiDocument } from '../spec/document.js';
import { getAtPointer, parsePointer, pointerFromSegments } from '../spec/pointer.js';
import type { Source } from '../spec/source.js';
import { printDotPath } from '../lint/spectral-dot-path.js';
import { viewFor } from './resolved-view.js';
import type { JsonPath } from './types.js';

export interface ResultPlace {
  source: Source;
  pointer: string;
  /** The path inside `source` (what Spectral reports as `path`). */
  segments: string[];
  /** `{{property}}`: the last key, or the dotted missing part when the target does not exist. */
  property: string;
  /** `{{value}}`: the node as written in its file. */
  value: unknown;
}

/** The longest prefix of `path` that exists in `data` (Spectral reports missing targets at their parent). */
export function closestPath(data: unknown, path: JsonPath): string[] {
  const out: string[] = [];
  let piece = data;
  for (const segment of path) {
    if (piece === null || typeof piece !== 'object' || !(String(segment) in (piece as object))) break;
    out.push(String(segment));
    piece = (piece as Record<string, unknown>)[segment as string];
  }
  return out;
}

/**
 * Where a result path lands: for resolved rules, in the file the node was written in (through
 * $refs, so findings in multi-file documents point into the right file); else in the root file.
 */
export function locateResult(document: ApiDocument, resolved: boolean, path: JsonPath): ResultPlace {
  let source: Source;
  let segments: string[];
  let existing: number;
  if (resolved) {
    const view = viewFor(document);
    const closest = closestPath(view.root, path);
    existing = closest.length;
    const origin = view.originOf(closest);
    source = origin.source;
    segments = parsePointer(origin.pointer);
  } else {
    segments = closestPath(document.root.value, path);
    existing = segments.length;
    source = document.root;
  }
  const missing = path.slice(existing).map(String);
  let property: string;
  if (missing.length > 0) {
    const full = [...segments, ...missing];
    property = printDotPath(segments.length === 0 ? full.slice(-1) : full.slice(segments.length - 1));
  } else property = segments.length > 0 ? segments[segments.length - 1]! : '';
  const value = getAtPointer(source.value, segments).value;
  return {
    source,
    pointer: pointerFromSegments(segments),
    segments,
    property,
    value,
  };
}
