import type { ScanContext } from '../context.js';
import { operationKey } from '../operations.js';
import { defineProbe, is2xx, rule } from '../probe.js';
import type { ScanResponse } from '../types.js';

const rules = {
  bfla: rule('scan-bfla', 'error', 'API5:2023', 'CWE-285', 'An admin-only operation succeeds for a normal user.', 'Check the caller\'s role or scopes in every admin operation, not only that it is signed in.'),
};

type Answer = Pick<ScanResponse, 'status'> | undefined;

/** A normal user got 2xx from an admin operation that an anonymous caller cannot use, and the admin (when known) can. */
export function bflaVerdict(user: Answer, admin: Answer, anonymous: Answer): boolean {
  if (!user || !is2xx(user.status)) return false;
  if (anonymous && is2xx(anonymous.status)) return false;
  return admin === undefined || is2xx(admin.status);
}

export default defineProbe({
  id: 'bfla',
  description: 'Operations meant for admins (by path, tag, OAuth scope or scan.adminOperations) called as a normal user.',
  falsePositivePolicy: 'Not reported when an anonymous caller also succeeds (a public operation, not an authorization gap) or when the admin identity itself is refused. Writes are only sent with --allow-destructive.',
  rules,
  async run(context: ScanContext) {
    const users = context.users();
    const admin = context.admin();
    if (users.length === 0) {
      context.skip('bfla', 'no user identity: admin operations not tested');
      return;
    }
    const operations = context.api.operations.filter((operation) => context.isAdmin(operation));
    if (operations.length === 0) context.skip('bfla', 'no operation looks admin-only (path, tags, scopes); name them in scan.adminOperations');
    if (!admin) context.skip('bfla', 'no admin identity: findings rely on the operation being classified admin-only');
    for (const operation of operations) {
      const reference = admin ?? users[0]!;
      const example = context.exampleInput(operation, reference) ?? context.exampleInput(operation, users[0]!);
      if (!example) {
        context.skip('bfla', 'no known value for its path parameters', operation);
        continue;
      }
      if (operation.method !== 'get' && !context.settings.allowDestructive) {
        context.skip('bfla', `${operation.method.toUpperCase()} not sent without --allow-destructive`, operation);
        continue;
      }
      const adminAnswer = admin ? await context.send(operation, example.input, { identity: admin, probe: 'bfla' }) : undefined;
      for (const user of users) {
        const attempt = await context.send(operation, example.input, { identity: user, probe: 'bfla', attack: true });
        if (!attempt?.response || !is2xx(attempt.response.status)) continue;
        const anonymous = await context.send(operation, example.input, { identity: null, probe: 'bfla', attack: true });
        if (bflaVerdict(attempt.response, adminAnswer?.response, anonymous?.response)) {
          const exchanges = adminAnswer ? [{ label: `${admin!.name} (admin)`, exchange: adminAnswer }] : [];
          context.report(rules.bfla, { operation }, `${user.name} (role user) called the admin operation ${operationKey(operation)} and got ${attempt.response.status}.`, [...exchanges, { label: `${user.name} (normal user)`, exchange: attempt }]);
          break;
        }
      }
    }
  },
});
