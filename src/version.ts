import { readFileSync } from 'node:fs';

/** The package version, read once from package.json so it can never drift from what npm installed. */
export const TOOL_VERSION: string = (() => {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

export const TOOL_NAME = 'rampart';
