import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importUserModule } from '../core/user-module.js';
import type { RulesetFunction } from './types.js';

export interface CustomFunction {
  name: string;
  run: RulesetFunction;
  /** Spectral's createRulesetFunction attaches an option validator; we call it at load time. */
  validator?: (options: unknown) => void;
}

/**
 * Imports `<functionsDir>/<name>.js` (or .mjs/.cjs) next to the ruleset. Only called when the user
 * allowed ruleset JavaScript: this runs code from the ruleset's author.
 */
export async function importCustomFunction(rulesetFile: string, functionsDir: string, name: string): Promise<CustomFunction> {
  const base = path.resolve(path.dirname(rulesetFile), functionsDir, name);
  const file = ['.js', '.mjs', '.cjs'].map((extension) => base + extension).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`no file ${path.join(functionsDir, name)}.js next to the ruleset`);
  const loaded = (await importUserModule(pathToFileURL(file).href)) as { default?: unknown };
  let exported: unknown = loaded.default ?? loaded;
  // A CommonJS module compiled from ESM exposes `exports.default` inside `default`.
  if (exported && typeof exported === 'object' && typeof (exported as { default?: unknown }).default === 'function') {
    exported = (exported as { default: unknown }).default;
  }
  if (typeof exported !== 'function') throw new Error(`${path.basename(file)} must export a function (default export)`);
  const fn = exported as RulesetFunction & { validator?: (options: unknown) => void };
  const custom: CustomFunction = { name, run: fn };
  if (typeof fn.validator === 'function') custom.validator = fn.validator.bind(fn);
  return custom;
}
