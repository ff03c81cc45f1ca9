import type { NodeLocation } from '../../location.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../owasp/support/api.js';
import { dominantStyle, fits, memoizedCasingOf, type CasingStyle } from './support/casing.js';

type Kind = 'path' | 'parameter' | 'property';

/**
 * The names of one kind in the order met, each with the node it is written in: the Paths object
 * (with the path in `paths`), the parameter, or the schema holding `properties/<name>`. Parallel
 * lists rather than an object per name (a large document has 100,000s of property names); a
 * finding's location is made only for the few reported.
 */
interface Uses {
  names: string[];
  holders: NodeLocation[];
  paths: string[];
}

function locationOf(kind: Kind, uses: Uses, index: number): NodeLocation {
  const holder = uses.holders[index]!;
  if (kind === 'path') return holder.child(uses.paths[index]!).key();
  if (kind === 'parameter') return holder.child('name');
  return holder.child('properties', uses.names[index]!).key();
}

export default defineRule({
  id: 'consistent-casing',
  meta: {
    description: 'Path segments, parameter names and property names each follow the dominant casing style of the document.',
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      path: 'Path segment "{{name}}" is {{style}}, but most path segments in this document are {{dominant}}.',
      parameter: 'Parameter "{{name}}" is {{style}}, but most parameters in this document are {{dominant}}.',
      property: 'Property "{{name}}" is {{style}}, but most properties in this document are {{dominant}}.',
    },
    docs: {
      why: 'Mixed casing (`user_id` next to `userId`) makes an API harder to guess, breaks generated code conventions and hints at several teams with no shared guide. The rule learns the document\'s own convention rather than imposing one.',
      fix: 'Rename the outliers to the dominant style (or, during a migration, suppress the finding with a justification).',
      bad: 'properties:\n  first_name: { type: string }\n  last_name: { type: string }\n  emailAddress: { type: string }',
      good: 'properties:\n  first_name: { type: string }\n  last_name: { type: string }\n  email_address: { type: string }',
    },
  },
  create() {
    const uses: Record<Kind, Uses> = {
      path: { names: [], holders: [], paths: [] },
      parameter: { names: [], holders: [], paths: [] },
      property: { names: [], holders: [], paths: [] },
    };
    return {
      Paths(node, ctx) {
        if (!isObject(node)) return;
        for (const path of Object.keys(node)) {
          if (!path.startsWith('/')) continue;
          for (const segment of path.split('/')) {
            if (segment === '' || segment.includes('{') || /^v\d+([.-]\d+)*$/i.test(segment)) continue;
            // RPC-style segments (`chat.postMessage`) are judged per part.
            for (const part of segment.split('.')) {
              if (!part) continue;
              uses.path.names.push(part);
              uses.path.holders.push(ctx.location);
              uses.path.paths.push(path);
            }
          }
        }
      },
      Parameter(node, ctx) {
        if (!isObject(node) || typeof node.name !== 'string' || (node.in !== 'query' && node.in !== 'path' && node.in !== 'formData')) return;
        uses.parameter.names.push(node.name);
        uses.parameter.holders.push(ctx.location);
      },
      Schema(node, ctx) {
        if (!isObject(node) || !isObject(node.properties)) return;
        for (const name of Object.keys(node.properties)) {
          uses.property.names.push(name);
          uses.property.holders.push(ctx.location);
        }
      },
      Document: {
        leave(_root, ctx) {
          const styleOf = memoizedCasingOf();
          for (const kind of ['path', 'parameter', 'property'] as const) {
            const { names } = uses[kind];
            const dominant = dominantStyle(names, undefined, styleOf);
            if (!dominant) continue;
            const reported = new Set<string>();
            for (let index = 0; index < names.length; index++) {
              const name = names[index]!;
              const style: CasingStyle = styleOf(name);
              if (style === 'other' || fits(style, dominant)) continue;
              const location = locationOf(kind, uses[kind], index);
              const key = `${location.source.uri}#${location.pointer}#${name}`;
              if (reported.has(key)) continue;
              reported.add(key);
              ctx.report({ messageId: kind, data: { name, style, dominant }, location });
            }
          }
        },
      },
    };
  },
});
