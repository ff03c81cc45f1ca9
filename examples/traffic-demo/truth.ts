/**
 * What the demo server really serves, and how it differs from openapi.yaml: the ground truth the
 * discover tests and the side-by-side measurement compare against. `{}` stands for any parameter.
 */
export const TRUE_ENDPOINTS: readonly string[] = [
  'GET /api/v1/users',
  'GET /api/v1/users/me',
  'GET /api/v1/users/{}',
  'PATCH /api/v1/users/{}',
  'GET /api/v1/users/{}/orders',
  'POST /api/v1/orders',
  'GET /api/v1/orders/{}',
  'GET /api/v1/products',
  'GET /api/v1/products/{}',
  'GET /api/v1/legacy/reports',
  'GET /api/v1/admin/export',
  'GET /api/v1/debug/config',
  'POST /graphql',
];

/** Expected findings as `ruleId method path` (paths as documented or as templated). */
export const EXPECTED_FINDINGS: readonly string[] = [
  'shadow-endpoint GET /api/v1/admin/export',
  'shadow-endpoint GET /api/v1/debug/config',
  'zombie-endpoint GET /api/v1/legacy/reports',
  'unused-endpoint DELETE /api/v1/users/{userId}',
  'unauthenticated-access GET /api/v1/users/{userId}/orders',
  'undeclared-sensitive-data GET /api/v1/users/{userId}',
  'undocumented-response-field GET /api/v1/users/{userId}',
  'response-schema-violation GET /api/v1/orders/{orderId}',
  'required-field-not-sent PATCH /api/v1/users/{userId}',
  'required-field-not-sent POST /api/v1/orders',
  'undocumented-parameter GET /api/v1/products',
  'jwt-weakness GET /api/v1/users/{userId}',
];

/** `/users/{userId}` → `/users/{}` so templates compare without parameter names. */
export function normalizeTemplate(entry: string): string {
  return entry.replace(/\{[^}]*\}/g, '{}').replace(/:[A-Za-z_]\w*/g, '{}');
}

export interface TemplateScore {
  precision: number;
  recall: number;
  truePositives: string[];
  /** Templates produced that are not real endpoints (false merges or splits show up here). */
  falsePositives: string[];
  /** Real endpoints not produced. */
  falseNegatives: string[];
}

export function scoreTemplates(found: Iterable<string>, truth: readonly string[] = TRUE_ENDPOINTS): TemplateScore {
  const produced = new Set([...found].map(normalizeTemplate));
  const expected = new Set(truth.map(normalizeTemplate));
  const truePositives = [...produced].filter((entry) => expected.has(entry)).sort();
  const falsePositives = [...produced].filter((entry) => !expected.has(entry)).sort();
  const falseNegatives = [...expected].filter((entry) => !produced.has(entry)).sort();
  return {
    precision: produced.size === 0 ? 0 : truePositives.length / produced.size,
    recall: expected.size === 0 ? 1 : truePositives.length / expected.size,
    truePositives,
    falsePositives,
    falseNegatives,
  };
}
