import { headersByName, pairParameters } from '../pairing.js';
import { defineChange, type Check } from '../types.js';

/**
 * Lifecycle: operations, parameters and response headers becoming deprecated (operations with or
 * without a sunset date) or revived. Properties are the `schemas` family (`*-property-deprecated`),
 * since only the schema comparison knows whether a property is visible in requests or responses.
 */
const deprecation: Check = {
  name: 'deprecation',
  definitions: [
    defineChange('endpoint-deprecated', 'info', 'none', 'paths', 'lifecycle', 'deprecate'),
    defineChange('endpoint-deprecated-without-sunset', 'warning', 'none', 'paths', 'lifecycle', 'deprecate'),
    defineChange('endpoint-reactivated', 'info', 'none', 'paths', 'lifecycle', 'change'),
    defineChange('endpoint-sunset-moved-earlier', 'warning', 'none', 'paths', 'lifecycle', 'change'),
    defineChange('request-parameter-deprecated', 'info', 'request', 'parameters', 'lifecycle', 'deprecate'),
    defineChange('request-parameter-reactivated', 'info', 'request', 'parameters', 'lifecycle', 'change'),
    defineChange('response-header-deprecated', 'info', 'response', 'headers', 'lifecycle', 'deprecate'),
    defineChange('response-header-reactivated', 'info', 'response', 'headers', 'lifecycle', 'change'),
  ],
  run(context) {
    for (const pair of context.pairs) {
      const { base, revision } = pair;
      const at = { operation: revision, base: base.origin, revision: revision.origin, data: { sunset: revision.sunset ?? '' } };
      if (!base.deprecated && revision.deprecated) context.report(revision.sunset ? 'endpoint-deprecated' : 'endpoint-deprecated-without-sunset', at);
      else if (base.deprecated && !revision.deprecated) context.report('endpoint-reactivated', at);
      // Clients planned their migration by the date first announced.
      else if (base.deprecated && isEarlier(revision.sunset, base.sunset)) context.report('endpoint-sunset-moved-earlier', { ...at, data: { from: base.sunset, to: revision.sunset } });
      // Paired as the parameters family pairs them: header names regardless of case, renamed path parameters.
      for (const { base: old, revision: parameter } of pairParameters(pair, context.schemas).pairs) {
        if (old.deprecated === parameter.deprecated) continue;
        const id = parameter.deprecated ? 'request-parameter-deprecated' : 'request-parameter-reactivated';
        context.report(id, { operation: revision, base: old.origin, revision: parameter.origin, data: { name: parameter.name, in: parameter.in } });
      }
      for (const [status, response] of revision.responses) {
        const oldHeaders = headersByName(base.responses.get(status)?.headers ?? new Map());
        for (const [name, header] of response.headers) {
          const old = oldHeaders.get(name.toLowerCase());
          if (!old || old.deprecated === header.deprecated) continue;
          const id = header.deprecated ? 'response-header-deprecated' : 'response-header-reactivated';
          context.report(id, { operation: revision, base: old.origin, revision: header.origin, data: { status, name } });
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
