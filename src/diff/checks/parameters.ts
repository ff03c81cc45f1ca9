import type { Parameter } from '../../spec/api.js';
import { pairParameters } from '../pairing.js';
import { defineChange, type Check } from '../types.js';

/**
 * Request parameters added, removed, moved, renamed, changing requiredness or serialization. A
 * required parameter with a default is harmless to existing clients (the server fills it in), so it
 * is not breaking; losing that default makes it required in effect. Schema changes of parameters
 * are the `schemas` family.
 */
const parameters: Check = {
  name: 'parameters',
  definitions: [
    defineChange('request-parameter-added-required', 'breaking', 'request', 'parameters', 'existence', 'add'),
    defineChange('request-parameter-added', 'info', 'request', 'parameters', 'existence', 'add'),
    defineChange('request-parameter-removed', 'warning', 'request', 'parameters', 'existence', 'remove'),
    defineChange('request-parameter-became-required', 'breaking', 'request', 'parameters', 'requiredness', 'change'),
    defineChange('request-parameter-became-optional', 'info', 'request', 'parameters', 'requiredness', 'change'),
    defineChange('request-parameter-moved', 'breaking', 'request', 'parameters', 'location', 'change'),
    defineChange('request-parameter-renamed', 'breaking', 'request', 'parameters', 'identity', 'rename'),
    defineChange('request-path-parameter-renamed', 'warning', 'request', 'parameters', 'identity', 'rename'),
    defineChange('request-parameter-serialization-changed', 'breaking', 'request', 'parameters', 'structure', 'change'),
  ],
  run(context) {
    for (const pair of context.pairs) {
      const op = pair.revision;
      const pairing = pairParameters(pair, context.schemas);
      for (const parameter of pairing.added) {
        const id = parameter.required && !parameter.schema.hasDefault ? 'request-parameter-added-required' : 'request-parameter-added';
        context.report(id, { operation: op, base: pair.base.origin, revision: parameter.origin, data: { name: parameter.name, in: parameter.in } });
      }
      for (const parameter of pairing.removed) {
        context.report('request-parameter-removed', { operation: op, base: parameter.origin, revision: op.origin, data: { name: parameter.name, in: parameter.in } });
      }
      for (const { base, revision } of pairing.moved) {
        context.report('request-parameter-moved', { operation: op, base: base.origin, revision: revision.origin, data: { name: base.name, from: base.in, to: revision.in } });
      }
      for (const { base, revision } of pairing.renamed) {
        context.report('request-parameter-renamed', { operation: op, base: base.origin, revision: revision.origin, data: { from: base.name, to: revision.name, in: base.in } });
      }
      for (const { base, revision } of pairing.pairs) {
        const at = { operation: op, base: base.origin, revision: revision.origin };
        if (base.in === 'path' && base.name !== revision.name) context.report('request-path-parameter-renamed', { ...at, data: { from: base.name, to: revision.name } });
        if (!mustBeSent(base) && mustBeSent(revision)) context.report('request-parameter-became-required', { ...at, data: { name: revision.name, in: revision.in } });
        if (base.required && !revision.required) context.report('request-parameter-became-optional', { ...at, data: { name: revision.name, in: revision.in } });
        const from = serializationText(base);
        const to = serializationText(revision);
        if (from !== to && serializationMatters(base, revision)) context.report('request-parameter-serialization-changed', { ...at, data: { name: revision.name, in: revision.in, from, to } });
      }
    }
  },
};

/** Required and without a default: a client that leaves it out fails. */
function mustBeSent(parameter: Parameter): boolean {
  return parameter.required && !parameter.schema.hasDefault;
}

function serializationText(parameter: Parameter): string {
  return `${parameter.style} (explode: ${parameter.explode})`;
}

/**
 * Style and explode only change how arrays and objects are written, except in a path, where
 * `matrix` and `label` also prefix single values. A schema without a type may be either. In
 * `simple` style (paths and headers) `explode` changes objects only: an array is `a,b,c` either way.
 */
function serializationMatters(base: Parameter, revision: Parameter): boolean {
  if (base.in === 'path' && base.style !== revision.style) return true;
  const onlySimpleExplode = base.style === 'simple' && revision.style === 'simple';
  const structured = (parameter: Parameter) => {
    const types = parameter.schema.types;
    if (!types || types.has('object')) return true;
    return types.has('array') && !onlySimpleExplode;
  };
  return structured(base) || structured(revision);
}

export default parameters;
