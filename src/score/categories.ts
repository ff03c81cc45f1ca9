/** Which score category a rule feeds: security (OWASP-tagged), documentation, or design. */
export type CategoryId = 'security' | 'design' | 'documentation';

export { OWASP_CATEGORIES } from '../core/owasp.js';

export const CATEGORY_NAMES: Record<CategoryId, string> = {
  security: 'Security (OWASP API Top 10 2023)',
  design: 'Design quality',
  documentation: 'Documentation',
};

/** Rules about what a reader learns from the document, by id: descriptions, summaries, examples, tags, contact, licence. */
const DOCUMENTATION_RULE = /(description|summary|example|tag|contact|license|^info-|markdown)/i;

export function categoryOf(rule: { id: string; owasp: readonly string[] }): CategoryId {
  if (rule.owasp.length > 0) return 'security';
  return DOCUMENTATION_RULE.test(rule.id) ? 'documentation' : 'design';
}
