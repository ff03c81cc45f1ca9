/** Which score category a rule feeds: security (OWASP-tagged), documentation, or design. */
export type CategoryId = 'security' | 'design' | 'documentation';

export const OWASP_CATEGORIES = [
  ['API1:2023', 'Broken Object Level Authorization'],
  ['API2:2023', 'Broken Authentication'],
  ['API3:2023', 'Broken Object Property Level Authorization'],
  ['API4:2023', 'Unrestricted Resource Consumption'],
  ['API5:2023', 'Broken Function Level Authorization'],
  ['API6:2023', 'Unrestricted Access to Sensitive Business Flows'],
  ['API7:2023', 'Server Side Request Forgery'],
  ['API8:2023', 'Security Misconfiguration'],
  ['API9:2023', 'Improper Inventory Management'],
  ['API10:2023', 'Unsafe Consumption of APIs'],
] as const;

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
