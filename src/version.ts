import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './core/package-root.js';

/** The package version, read once from package.json so it can never drift from what npm installed. */
export const TOOL_VERSION: string = (() => {
  try {
    const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

export const TOOL_NAME = 'rampart';
