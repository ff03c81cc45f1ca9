import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';

export default defineRule({
  id: 'typed-enum',
  meta: {
    description: 'Enum values must respect the specified type.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { mistyped: 'Enum value {{value}} must be "{{type}}".' },
    docs: {
      why: 'An enum value of another type can never be valid: validators reject it and code generators fail or emit the wrong constant.',
      fix: 'Write each enum value with the declared type (quote numbers for a string enum, and so on), or fix `type`.',
      bad: 'level:\n  type: integer\n  enum: [1, 2, "3"]',
      good: 'level:\n  type: integer\n  enum: [1, 2, 3]',
    },
  },
  create() {
    const check = (node: { enum?: unknown; type?: unknown; nullable?: unknown; 'x-nullable'?: unknown }, ctx: VisitContext<'mistyped'>) => {
      if (!Array.isArray(node.enum) || node.type === undefined) return;
      const declared = node.type;
      if (!(typeof declared === 'string' || (Array.isArray(declared) && declared.every((item) => typeof item === 'string')))) return;
      const nullable = (node.nullable === true && ctx.format === 'oas3.0') || (node['x-nullable'] === true && ctx.format === 'oas2');
      const type: string | string[] = nullable ? [...(Array.isArray(declared) ? declared : [declared]), 'null'] : declared;
      const integerWanted = type === 'integer' || (Array.isArray(type) && type.includes('integer'));
      node.enum.forEach((value: unknown, i: number) => {
        const actual = dataType(value, integerWanted);
        if (actual === type || (Array.isArray(type) && type.includes(actual))) return;
        ctx.report({ messageId: 'mistyped', data: { value: printValue(value), type: String(type) }, location: ctx.location.child('enum', i) });
      });
    };
    return { Schema: check, Parameter: check, Header: check };
  },
});

function dataType(value: unknown, integerWanted: boolean): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return integerWanted && Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function printValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
