import { defineChange, type Check } from '../types.js';

/** Lifecycle: operations and parameters becoming deprecated (with or without a sunset date) or revived. */
const deprecation: Check = {
  name: 'deprecation',
  definitions: [
    defineChange('endpoint-deprecated', 'info', 'none', 'paths', 'lifecycle', 'deprecate'),
    defineChange('endpoint-deprecated-without-sunset', 'warning', 'none', 'paths', 'lifecycle', 'deprecate'),
    defineChange('endpoint-reactivated', 'info', 'none', 'paths', 'lifecycle', 'change'),
    defineChange('request-parameter-deprecated', 'info', 'request', 'parameters', 'lifecycle', 'deprecate'),
  ],
  run(context) {
    for (const pair of context.pairs) {
      const { base, revision } = pair;
      const at = { operation: revision, base: base.origin, revision: revision.origin, data: { sunset: revision.sunset ?? '' } };
      if (!base.deprecated && revision.deprecated) context.report(revision.sunset ? 'endpoint-deprecated' : 'endpoint-deprecated-without-sunset', at);
      else if (base.deprecated && !revision.deprecated) context.report('endpoint-reactivated', at);
      const before = new Map(base.parameters.map((p) => [`${p.in}\u0000${p.name}`, p]));
      for (const parameter of revision.parameters) {
        const old = before.get(`${parameter.in}\u0000${parameter.name}`);
        if (old && !old.deprecated && parameter.deprecated) {
          context.report('request-parameter-deprecated', { operation: revision, base: old.origin, revision: parameter.origin, data: { name: parameter.name, in: parameter.in } });
        }
      }
    }
  },
};

export default deprecation;
