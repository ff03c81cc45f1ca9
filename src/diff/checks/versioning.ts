import { defineChange, type Check } from '../types.js';

/** The versioning policy: runs last, over the changes the other checks found. */
const versioning: Check = {
  name: 'versioning',
  definitions: [defineChange('version-bump-required', 'breaking', 'none', 'info', 'lifecycle', 'change')],
  run(context) {
    if (context.policy.versionBump === 'off') return;
    if (!context.changes.some((change) => change.level === 'breaking')) return;
    const from = parseSemver(context.base.version);
    const to = parseSemver(context.revision.version);
    // Date-style or free-text versions (`2023-08-16`, `unversioned`) follow no semver policy.
    if (!from || !to) return;
    const bumped = from[0] === 0 ? to[0] > 0 || to[1] > from[1] : to[0] > from[0];
    if (!bumped) {
      const at = (origin: typeof context.base.infoOrigin) => ({ source: origin.source, pointer: `${origin.pointer}/version` });
      context.report('version-bump-required', { base: at(context.base.infoOrigin), revision: at(context.revision.infoOrigin), data: { from: context.base.version, to: context.revision.version, needed: from[0] === 0 ? 'minor (or major)' : 'major' } });
    }
  },
};

function parseSemver(version: string | undefined): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/.exec(version?.trim() ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

export default versioning;
