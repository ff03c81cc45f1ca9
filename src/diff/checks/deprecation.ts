import { defineChange, type Check } from '../types.js';

/** Lifecycle: operations and parameters becoming deprecated (with or without a sunset date) or revived. */
const deprecation: Check = {
  name: 'deprecation',
  definitions: [
    defineChange('endpoint-deprecated', 'info', 'none', 'paths', 'lifecycle', 'deprecate'),
    defineChange('endpoint-deprecated-without-sunset', 'warning', 'none', 'paths', 'lifecycle', 'deprecate'),
    defineChange('endpoint-reactivated', 'info', 'none', 'paths', 'lifecycle', 'change'),
    defineChange('endpoint-sunset-moved-earlier', 'warning', 'none', 'paths', 'lifecycle', 'change'),
    defineChange('request-parameter-deprecated', 'info', 'request', 'parameters', 'lifecycle', 'deprecate'),
  ],
  run(context) {
    for (const pair of context.pairs) {
      const { base, revision } = pair;
      const at = { operation: revision, base: base.origin, revision: revision.origin, data: { sunset: revision.sunset ?? '' } };
      if (!base.deprecated && revision.deprecated) context.report(revision.sunset ? 'endpoint-deprecated' : 'endpoint-deprecated-without-sunset', at);
      else if (base.deprecated && !revision.deprecated) context.report('endpoint-reactivated', at);
      // Clients planned their migration by the date first announced.
      else if (base.deprecated && isEarlier(revision.sunset, base.sunset)) context.report('endpoint-sunset-moved-earlier', { ...at, data: { from: base.sunset, to: revision.sunset } });
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

/** Both dates parse and `sunset` comes before `announced`. */
function isEarlier(sunset: string | undefined, announced: string | undefined): boolean {
  if (sunset === undefined || announced === undefined) return false;
  const [to, from] = [Date.parse(sunset), Date.parse(announced)];
  return !Number.isNaN(to) && !Number.isNaN(from) && to < from;
}

export default deprecation;
