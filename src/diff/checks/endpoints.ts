import { defineChange, type Check } from '../types.js';

/** Endpoints (method + path) added or removed, and whether the removal was announced. */
const endpoints: Check = {
  name: 'endpoints',
  definitions: [
    defineChange('endpoint-added', 'info', 'none', 'paths', 'existence', 'add'),
    defineChange('endpoint-removed-without-deprecation', 'breaking', 'none', 'paths', 'existence', 'remove'),
    defineChange('endpoint-removed', 'breaking', 'none', 'paths', 'existence', 'remove'),
    defineChange('endpoint-removed-before-sunset', 'breaking', 'none', 'paths', 'lifecycle', 'remove'),
    defineChange('endpoint-removed-without-sunset', 'breaking', 'none', 'paths', 'lifecycle', 'remove'),
    defineChange('endpoint-removed-after-deprecation', 'info', 'none', 'paths', 'lifecycle', 'remove'),
  ],
  run(context) {
    for (const op of context.added) context.report('endpoint-added', { operation: op, revision: op.origin });
    for (const op of context.removed) {
      const at = { operation: op, base: op.origin, data: { sunset: op.sunset ?? '' } };
      if (!op.deprecated) {
        context.report(context.policy.requireDeprecation ? 'endpoint-removed-without-deprecation' : 'endpoint-removed', at);
      } else if (op.sunset !== undefined && isAfter(op.sunset, context.now)) {
        context.report('endpoint-removed-before-sunset', at);
      } else if (op.sunset === undefined && context.policy.requireSunset) {
        context.report('endpoint-removed-without-sunset', at);
      } else {
        context.report('endpoint-removed-after-deprecation', at);
      }
    }
  },
};

/** True when the sunset date is still ahead of `now`. Unparseable dates count as ahead: be safe. */
function isAfter(sunset: string, now: Date): boolean {
  const time = Date.parse(sunset);
  return Number.isNaN(time) || time > now.getTime();
}

export default endpoints;
