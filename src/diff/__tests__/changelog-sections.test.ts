import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changelog } from '../../report/changelog.js';
import { context } from '../../report/__tests__/fixtures.js';
import { diffSpecs, withOperation } from './harness.js';

/** Diff findings through the changelog reporter: deprecations below the operation read like the operation's own. */
test('changelog: parameter, property and header deprecations are listed under Deprecated, their reverse under Changed', async () => {
  const document = (deprecated: boolean) =>
    withOperation({
      deprecated,
      parameters: [{ name: 'q', in: 'query', deprecated, schema: { type: 'string' } }],
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { note: { type: 'string', deprecated } } } } } },
      responses: { '200': { description: 'ok', headers: { 'X-Old': { deprecated: !deprecated, schema: { type: 'string' } } } } },
      'x-sunset': '2030-01-01',
    });
  const findings = await diffSpecs(document(false), document(true));
  assert.equal(
    changelog(findings, context({ command: 'diff' })),
    [
      '# API changelog',
      '',
      '## Deprecated',
      '',
      '### `POST /items`',
      '',
      '- endpoint deprecated (sunset 2030-01-01) (`endpoint-deprecated`)',
      '- request parameter "q" (query) deprecated (`request-parameter-deprecated`)',
      '- request property "note" (application/json) deprecated (`request-property-deprecated`)',
      '',
      '## Changed',
      '',
      '### `POST /items`',
      '',
      '- response 200 header "X-Old" is no longer deprecated (`response-header-reactivated`)',
      '',
    ].join('\n'),
  );
});
