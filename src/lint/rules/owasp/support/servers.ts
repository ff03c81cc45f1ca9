import type { VisitContext } from '../../../rule.js';
import { isObject, type Json } from './api.js';

/**
 * Which servers the inventory rules report. Root servers always (Spectral's rules read only those);
 * a path- or operation-level server only when it names a URL the root does not, and each such URL
 * once. Twilio repeats `https://api.twilio.com` on all 121 path items: one finding at the root
 * says it all, 121 said it 121 times.
 */
export function serverReporter() {
  const reportedUrls = new Set<string>();
  let rootUrls: Set<string> | undefined;
  return (node: Json, ctx: VisitContext<string>): boolean => {
    const url = String(node.url ?? '');
    const atRoot = ctx.location.source === ctx.document.root && /^\/servers\/\d+$/.test(ctx.location.pointer);
    if (atRoot) return true;
    rootUrls ??= new Set(((ctx.document.root.value as Json).servers as unknown[] | undefined)?.filter(isObject).map((server) => String(server.url ?? '')) ?? []);
    if (rootUrls.has(url) || reportedUrls.has(url)) return false;
    reportedUrls.add(url);
    return true;
  };
}
