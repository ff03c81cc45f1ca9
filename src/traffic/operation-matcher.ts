/** What the matcher needs of a documented operation: its method and its path split into segments. */
export interface MatchableOperation {
  method: string;
  /** `['users', '{userId}', 'orders']`: a `{name}` segment is a parameter. */
  segments: readonly string[];
}

const isParam = (segment: string) => segment.charCodeAt(0) === 123 /* { */ && segment.endsWith('}');

/**
 * The one answer to "which documented operation is this path", shared by discover (observed path
 * templates) and the proxy (raw request paths, once per request). Literal segments must be equal; a
 * documented parameter matches any segment; an observed parameter (`{id}`) matches only a
 * documented parameter. The candidate with the most literal matches wins (`/users/me` over
 * `/users/{id}`); on a tie, the first documented. Candidates are indexed by method and segment
 * count, so a request only compares against the operations of its own shape.
 */
export class OperationMatcher<T extends MatchableOperation> {
  /** method → segment count → operations in documented order, with which of their segments are literal. */
  private readonly index = new Map<string, { operation: T; literal: boolean[] }[][]>();

  constructor(operations: readonly T[]) {
    for (const operation of operations) {
      let byLength = this.index.get(operation.method);
      if (!byLength) this.index.set(operation.method, (byLength = []));
      (byLength[operation.segments.length] ??= []).push({ operation, literal: operation.segments.map((segment) => !isParam(segment)) });
    }
  }

  match(method: string, segments: readonly string[]): T | undefined {
    const candidates = this.index.get(method)?.[segments.length];
    if (!candidates) return undefined;
    let best: T | undefined;
    let bestScore = -1;
    for (const { operation, literal } of candidates) {
      let score = 0;
      let ok = true;
      for (let k = 0; k < segments.length; k++) {
        if (!literal[k]) continue;
        // A documented literal never looks like `{name}`, so equality also refuses an observed parameter there.
        if (segments[k] !== operation.segments[k]) {
          ok = false;
          break;
        }
        score++;
      }
      if (ok && score > bestScore) {
        best = operation;
        bestScore = score;
      }
    }
    return best;
  }
}

const shared = new WeakMap<readonly MatchableOperation[], OperationMatcher<MatchableOperation>>();

/** The matcher for a list of operations, built on first use and kept as long as the list lives. */
export function matcherFor<T extends MatchableOperation>(operations: readonly T[]): OperationMatcher<T> {
  let matcher = shared.get(operations);
  if (!matcher) shared.set(operations, (matcher = new OperationMatcher(operations)));
  return matcher as OperationMatcher<T>;
}
