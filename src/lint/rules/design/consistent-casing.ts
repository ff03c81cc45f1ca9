import type { NodeLocation } from '../../location.js';
import { defineRule } from '../../rule.js';
import { isObject } from '../owasp/support/api.js';
import { dominantStyle, fits, memoizedCasingOf, type CasingStyle } from './support/casing.js';

type Kind = 'path' | 'parameter' | 'property';

/** A name and the node it is written in; the finding's location is made only for the few reported. */
interface Use {
  name: string;
  /** The Paths object (`key` is the path), the parameter, or the schema holding `properties/<name>`. */
  holder: NodeLocation;
  key?: string;
}

function locationOf(kind: Kind, use: Use): NodeLocation {
  if (kind === 'path') return use.holder.child(use.key!).key();
  if (kind === 'parameter') return use.holder.child('name');
  return use.holder.child('properties', use.name).key();
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
    const uses: Record<Kind, Use[]> = { path: [], parameter: [], property: [] };
    return {
      Paths(node, ctx) {
        if (!isObject(node)) return;
        for (const path of Object.keys(node)) {
          if (!path.startsWith('/')) continue;
          for (const segment of path.split('/')) {
            if (segment === '' || segment.includes('{') || /^v\d+([.-]\d+)*$/i.test(segment)) continue;
            // RPC-style segments (`chat.postMessage`) are judged per part.
            for (const part of segment.split('.')) if (part) uses.path.push({ name: part, holder: ctx.location, key: path });
          }
        }
      },
      Parameter(node, ctx) {
        if (!isObject(node) || typeof node.name !== 'string' || (node.in !== 'query' && node.in !== 'path' && node.in !== 'formData')) return;
        uses.parameter.push({ name: node.name, holder: ctx.location });
      },
      Schema(node, ctx) {
        if (!isObject(node) || !isObject(node.properties)) return;
        for (const name of Object.keys(node.properties)) uses.property.push({ name, holder: ctx.location });
      },
      Document: {
        leave(_root, ctx) {
          const styleOf = memoizedCasingOf();
          for (const kind of ['path', 'parameter', 'property'] as const) {
            const dominant = dominantStyle(uses[kind].map((use) => use.name), undefined, styleOf);
            if (!dominant) continue;
            const reported = new Set<string>();
            for (const use of uses[kind]) {
              const style: CasingStyle = styleOf(use.name);
              if (style === 'other' || fits(style, dominant)) continue;
              const location = locationOf(kind, use);
              const key = `${location.source.uri}#${location.pointer}#${use.name}`;
              if (reported.has(key)) continue;
              reported.add(key);
              ctx.report({ messageId: kind, data: { name: use.name, style, dominant }, location });
            }
          }
        },
      },
    };
  },
});
