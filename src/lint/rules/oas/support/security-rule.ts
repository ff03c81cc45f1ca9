import type { Visitor } from '../../../rule.js';
import { isObject } from './nodes.js';

/**
 * The visitor behind `oas2-operation-security-defined` and `oas3-operation-security-defined`:
 * each security requirement (top level and operations under `paths`) must name a defined scheme,
 * and its scopes must be declared by that scheme (oauth2).
 */
export function securityDefinedVisitor(version: 2 | 3): Visitor<'undefinedScheme' | 'undefinedScope'> {
  return {
    SecurityRequirement(requirement, ctx) {
      if (!isObject(requirement)) return;
      const parent = ctx.ancestors.at(-1);
      const onOperation = parent?.type === 'Operation' && ctx.ancestors.at(-2)?.type === 'PathItem' && ctx.ancestors.at(-3)?.type === 'Paths';
      if (parent?.type !== 'Root' && !onOperation) return;
      const root = ctx.document.root.value as Record<string, unknown>;
      const schemes = version === 2 ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
      const where = version === 2 ? 'securityDefinitions' : 'components.securitySchemes';
      for (const name of Object.keys(requirement)) {
        if (!isObject(schemes) || !(name in schemes)) {
          ctx.report({ messageId: 'undefinedScheme', data: { object: onOperation ? 'Operation' : 'API', where }, location: ctx.location.child(name) });
          continue;
        }
        const scopes = requirement[name];
        if (!Array.isArray(scopes)) continue;
        const scheme = ctx.resolve<unknown>(schemes[name]).node;
        scopes.forEach((scope, i) => {
          if (!isScopeDefined(version, String(scope), scheme)) ctx.report({ messageId: 'undefinedScope', data: { scope: String(scope) }, location: ctx.location.child(name, i) });
        });
      }
    },
  };
}

function isScopeDefined(version: 2 | 3, scope: string, scheme: unknown): boolean {
  if (!isObject(scheme)) return false;
  if (version === 2) return isObject(scheme.scopes) && scope in scheme.scopes;
  if (!isObject(scheme.flows)) return false;
  return Object.values(scheme.flows).some((flow) => isObject(flow) && isObject(flow.scopes) && scope in flow.scopes);
}
