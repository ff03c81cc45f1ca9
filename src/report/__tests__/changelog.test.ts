import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/finding.js';
import { changelog } from '../changelog.js';
import { context, finding } from './fixtures.js';

function change(ruleId: string, level: string, action: string, message: string, operation?: string): Finding {
  return finding({
    ruleId,
    severity: level === 'breaking' ? 'error' : level === 'warning' ? 'warning' : 'info',
    message,
    fields: { level, changeId: ruleId, direction: 'none', area: 'paths', kind: 'existence', action, ...(operation ? { operation } : {}) },
  });
}

test('changelog: sections in order, endpoints by path, operation prefix dropped, warnings marked', () => {
  const findings = [
    change('endpoint-added', 'info', 'add', 'POST /users: endpoint added', 'POST /users'),
    change('request-parameter-removed', 'warning', 'remove', 'GET /users: request parameter "q" (query) removed', 'GET /users'),
    change('endpoint-removed-without-deprecation', 'breaking', 'remove', 'DELETE /users/{id}: endpoint removed without being deprecated first', 'DELETE /users/{id}'),
    change('endpoint-deprecated', 'info', 'deprecate', 'GET /pets: endpoint deprecated (sunset 2030-01-01)', 'GET /pets'),
    change('server-added', 'info', 'add', 'server https://b.example added'),
    change('request-property-type-widened', 'info', 'change', 'GET /users: request property "a_b" (application/json) type widened from integer to number', 'GET /users'),
  ];
  const text = changelog(findings, context({ command: 'diff', inputs: ['v1.yaml', 'v2.yaml'] }));
  assert.equal(
    text,
    [
      '# API changelog (v1.yaml → v2.yaml)',
      '',
      '## Breaking',
      '',
      '### `DELETE /users/{id}`',
      '',
      '- endpoint removed without being deprecated first (`endpoint-removed-without-deprecation`)',
      '',
      '## Deprecated',
      '',
      '### `GET /pets`',
      '',
      '- endpoint deprecated (sunset 2030-01-01) (`endpoint-deprecated`)',
      '',
      '## Added',
      '',
      '### API',
      '',
      '- server https://b.example added (`server-added`)',
      '',
      '### `POST /users`',
      '',
      '- endpoint added (`endpoint-added`)',
      '',
      '## Changed',
      '',
      '### `GET /users`',
      '',
      '- request property "a\\_b" (application/json) type widened from integer to number (`request-property-type-widened`)',
      '',
      '## Removed',
      '',
      '### `GET /users`',
      '',
      '- **warning**: request parameter "q" (query) removed (`request-parameter-removed`)',
      '',
    ].join('\n'),
  );
});

test('changelog: no findings, and suppressed findings left out', () => {
  const suppressed = { ...change('endpoint-added', 'info', 'add', 'POST /x: endpoint added', 'POST /x'), suppressed: { kind: 'baseline' as const } };
  assert.equal(changelog([suppressed], context({ command: 'diff' })), '# API changelog\n\nNo changes.\n');
});
