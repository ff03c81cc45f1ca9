import { classifyValue, type DataClass } from './classifiers/index.js';

export interface FieldClass {
  /** Dotted path in the body (`user.email`, `items[].card`), or the parameter/header name. */
  field: string;
  dataClass: DataClass;
}

const MAX_DEPTH = 24;
const MAX_LEAVES = 5000;

/**
 * Classifies every leaf of a parsed JSON (or form) value; bounded in depth and leaves. Leaves whose
 * field is in `skip` (fields a description declares, when only undeclared ones matter) count
 * towards the bound but are not classified: the classifiers are the costly part.
 */
export function classifyFields(value: unknown, skip?: ReadonlySet<string>): FieldClass[] {
  const found: FieldClass[] = [];
  let leaves = 0;
  const visit = (node: unknown, path: string, key: string, depth: number) => {
    if (leaves >= MAX_LEAVES || depth > MAX_DEPTH) return;
    if (node !== null && typeof node === 'object') {
      if (Array.isArray(node)) {
        const limit = Math.min(node.length, 50);
        for (let k = 0; k < limit; k++) visit(node[k], `${path}[]`, key, depth + 1);
      } else {
        const object = node as Record<string, unknown>;
        // for-in, not entries: no pair arrays per key (the proxy classifies every JSON response).
        for (const child in object) visit(object[child], path ? `${path}.${child}` : child, child, depth + 1);
      }
      return;
    }
    leaves++;
    const field = path || '(body)';
    if (skip?.has(field)) return;
    for (const dataClass of classifyValue(key, node)) found.push({ field, dataClass });
  };
  visit(value, '', '', 0);
  return found;
}
