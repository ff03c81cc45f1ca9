import type { Operation, Origin, SecurityRequirement, SecurityScheme } from '../../spec/api.js';
import { defineChange, type ChangeDefinition, type Check, type CheckContext } from '../types.js';

/**
 * Security requirements are alternatives (OR) of scheme sets (AND). A client keeps working when
 * the alternative it uses is still accepted with no more schemes and no more scopes; anything else
 * that removes such an alternative is breaking. The global requirement is compared once; an
 * operation only when it declares its own (otherwise it follows the global one).
 */
const SUFFIXES: [string, ChangeDefinition['level'], ChangeDefinition['action']][] = [
  ['security-added', 'breaking', 'add'],
  ['security-removed', 'warning', 'remove'],
  ['security-scheme-added', 'breaking', 'add'],
  ['security-scheme-removed', 'breaking', 'remove'],
  ['security-alternative-added', 'info', 'add'],
  ['security-scope-added', 'breaking', 'add'],
  ['security-scope-removed', 'info', 'remove'],
];

const security: Check = {
  name: 'security',
  definitions: [
    ...['global', 'operation'].flatMap((scope) => SUFFIXES.map(([suffix, level, action]) => defineChange(`${scope}-${suffix}`, level, 'request', 'security', 'existence', action))),
    defineChange('security-scheme-added', 'info', 'none', 'security', 'existence', 'add'),
    defineChange('security-scheme-removed', 'warning', 'none', 'security', 'existence', 'remove'),
    defineChange('security-scheme-type-changed', 'breaking', 'request', 'security', 'type', 'change'),
    defineChange('security-scheme-flow-removed', 'breaking', 'request', 'security', 'existence', 'remove'),
    defineChange('security-scheme-flow-added', 'info', 'request', 'security', 'existence', 'add'),
    defineChange('security-scheme-url-changed', 'warning', 'request', 'security', 'location', 'change'),
    defineChange('security-scheme-scope-removed', 'warning', 'request', 'security', 'existence', 'remove'),
  ],
  run(context) {
    const { base, revision } = context;
    const baseOrigin = base.securityOrigin ?? base.infoOrigin;
    const revisionOrigin = revision.securityOrigin ?? revision.infoOrigin;
    compareRequirements(context, 'global', base.security ?? [], revision.security ?? [], { base: baseOrigin, revision: revisionOrigin });
    for (const pair of context.pairs) {
      if (!pair.base.securityDeclared && !pair.revision.securityDeclared) continue;
      compareRequirements(context, 'operation', pair.base.security, pair.revision.security, { operation: pair.revision, base: pair.base.origin, revision: pair.revision.origin });
    }
    for (const [name, scheme] of base.securitySchemes) {
      const next = revision.securitySchemes.get(name);
      if (!next) context.report('security-scheme-removed', { base: scheme.origin, revision: revisionOrigin, data: { name } });
      else if (schemeText(scheme) !== schemeText(next)) context.report('security-scheme-type-changed', { base: scheme.origin, revision: next.origin, data: { name, from: schemeText(scheme), to: schemeText(next) } });
      else compareFlows(context, scheme, next);
    }
    for (const [name, scheme] of revision.securitySchemes) {
      if (!base.securitySchemes.has(name)) context.report('security-scheme-added', { base: baseOrigin, revision: scheme.origin, data: { name } });
    }
  },
};

function compareRequirements(
  context: CheckContext,
  scope: 'global' | 'operation',
  base: SecurityRequirement[],
  revision: SecurityRequirement[],
  at: { operation?: Operation; base: Origin; revision: Origin },
): void {
  const where = scope === 'global' ? 'the API' : 'the endpoint';
  const reported = new Set<string>();
  const report = (suffix: string, data: Record<string, unknown>) => {
    const key = `${suffix}\u0000${JSON.stringify(data)}`;
    if (reported.has(key)) return;
    reported.add(key);
    context.report(`${scope}-${suffix}`, { ...at, data: { where, ...data } });
  };
  const anonymous = (list: SecurityRequirement[]) => list.length === 0 || list.some((alternative) => alternative.size === 0);
  if (anonymous(base) && !anonymous(revision)) {
    report('security-added', { schemes: revision.map(alternativeText).join(' or ') });
    return;
  }
  if (!anonymous(base) && anonymous(revision)) {
    report('security-removed', {});
    return;
  }
  const accepts = (client: SecurityRequirement, server: SecurityRequirement) =>
    [...server].every(([scheme, scopes]) => client.has(scheme) && scopes.every((scope) => client.get(scheme)!.includes(scope)));
  const explained = new Set<SecurityRequirement>();
  for (const alternative of base) {
    if (revision.some((candidate) => accepts(alternative, candidate))) continue;
    let best: SecurityRequirement | undefined;
    let shared = 0;
    for (const candidate of revision) {
      const count = [...candidate.keys()].filter((scheme) => alternative.has(scheme)).length;
      if (count > shared) [best, shared] = [candidate, count];
    }
    if (!best) {
      report('security-scheme-removed', { schemes: alternativeText(alternative) });
      continue;
    }
    explained.add(best);
    for (const [scheme, scopes] of best) {
      if (!alternative.has(scheme)) report('security-scheme-added', { scheme });
      else {
        const extra = scopes.filter((scope) => !alternative.get(scheme)!.includes(scope));
        if (extra.length > 0) report('security-scope-added', { scheme, scopes: extra.join(', ') });
      }
    }
  }
  const sameSchemes = (a: SecurityRequirement, b: SecurityRequirement) => a.size === b.size && [...a.keys()].every((scheme) => b.has(scheme));
  const sameScopes = (a: SecurityRequirement, b: SecurityRequirement) => sameSchemes(a, b) && [...a].every(([scheme, scopes]) => scopes.length === b.get(scheme)!.length && scopes.every((scope) => b.get(scheme)!.includes(scope)));
  for (const candidate of revision) {
    // Several alternatives may use one scheme with different scopes: an identical one is no change.
    if (base.some((alternative) => sameScopes(alternative, candidate))) continue;
    const before = base.find((alternative) => sameSchemes(alternative, candidate) && !revision.some((other) => sameScopes(alternative, other)));
    if (!before) {
      if (!explained.has(candidate)) report('security-alternative-added', { schemes: alternativeText(candidate) });
      continue;
    }
    for (const [scheme, scopes] of before) {
      const dropped = scopes.filter((scope) => !candidate.get(scheme)!.includes(scope));
      if (dropped.length > 0) report('security-scope-removed', { scheme, scopes: dropped.join(', ') });
    }
  }
}

/**
 * OAuth2 flows of one scheme: clients get tokens through one flow, at its URLs, for its scopes.
 * A flow gone leaves its clients without tokens; a moved URL or a scope no longer defined may.
 */
function compareFlows(context: CheckContext, scheme: SecurityScheme, next: SecurityScheme): void {
  const at = { base: scheme.origin, revision: next.origin };
  for (const [flow, before] of scheme.flows) {
    const after = next.flows.get(flow);
    if (!after) {
      context.report('security-scheme-flow-removed', { ...at, data: { name: scheme.name, flow } });
      continue;
    }
    for (const url of ['authorizationUrl', 'tokenUrl'] as const) {
      if (before[url] !== after[url]) context.report('security-scheme-url-changed', { ...at, data: { name: scheme.name, flow, url, from: before[url] ?? 'none', to: after[url] ?? 'none' } });
    }
    const dropped = before.scopes.filter((scope) => !after.scopes.includes(scope));
    if (dropped.length > 0) context.report('security-scheme-scope-removed', { ...at, data: { name: scheme.name, flow, scopes: dropped.join(', ') } });
  }
  for (const flow of next.flows.keys()) if (!scheme.flows.has(flow)) context.report('security-scheme-flow-added', { ...at, data: { name: scheme.name, flow } });
}

function alternativeText(alternative: SecurityRequirement): string {
  return [...alternative.keys()].map((scheme) => `"${scheme}"`).join(' + ');
}

function schemeText(scheme: SecurityScheme): string {
  if (scheme.type === 'http') return `http ${scheme.scheme ?? ''}`.trim();
  if (scheme.type === 'apiKey') return `apiKey in ${scheme.in ?? '?'} "${scheme.parameterName ?? ''}"`;
  return scheme.type;
}

export default security;
