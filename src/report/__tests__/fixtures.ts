import type { Finding } from '../../core/finding.js';
import type { ReportContext, RuleInfo } from '../types.js';

/** Shared inputs for the reporter tests: a fixed cwd and tool version so outputs are exact. */
export const CWD = '/repo';

export const RULES: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  [
    'operation-tags',
    { id: 'operation-tags', description: 'Operations must have tags.', defaultSeverity: 'warning', docsUrl: 'https://docs.example/rules/operation-tags.md', owasp: [], cwe: [] },
  ],
  [
    'no-http-basic',
    {
      id: 'no-http-basic',
      description: 'HTTP Basic authentication must not be used.',
      defaultSeverity: 'error',
      docsUrl: 'https://docs.example/rules/no-http-basic.md',
      help: 'Basic sends reusable credentials with every request.\n\nUse OAuth 2 or short-lived tokens.',
      owasp: ['API2:2023'],
      cwe: ['CWE-522'],
    },
  ],
]);

export function context(overrides: Partial<ReportContext> = {}): ReportContext {
  return { tool: { name: 'rampart', version: '1.2.3' }, cwd: CWD, command: 'lint', rules: RULES, color: false, ...overrides };
}

/** A document finding with sensible defaults; override any field. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'operation-tags',
    severity: 'warning',
    message: 'Operation GET /users has no tags.',
    location: { file: 'api/openapi.yaml', pointer: '/paths/~1users/get', line: 12, column: 5, endLine: 12, endColumn: 8 },
    owasp: [],
    cwe: [],
    docsUrl: 'https://docs.example/rules/operation-tags.md',
    fingerprint: 'fp-tags-users',
    ...overrides,
  };
}

export const basicAuth: Finding = {
  ruleId: 'no-http-basic',
  severity: 'error',
  message: 'Security scheme "basic" uses HTTP Basic.',
  location: { file: 'api/openapi.yaml', pointer: '/components/securitySchemes/basic', line: 40, column: 5, endLine: 42, endColumn: 20 },
  owasp: ['API2:2023'],
  cwe: ['CWE-522'],
  docsUrl: 'https://docs.example/rules/no-http-basic.md',
  fingerprint: 'fp-basic',
};

export const operationFinding: Finding = {
  ruleId: 'bola-two-users',
  severity: 'error',
  message: 'User B can read user A\'s order.',
  location: { method: 'get', path: '/orders/{orderId}', host: 'api.example.com' },
  owasp: ['API1:2023'],
  cwe: ['CWE-639'],
  evidence: { status: 200 },
  reproduce: 'curl -H "Authorization: Bearer <B>" https://api.example.com/orders/1',
  fingerprint: 'fp-bola',
};
