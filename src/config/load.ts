import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import { decodeText, parseSource } from '../spec/source.js';
import { ConfigSource } from './config-source.js';
import { discoverConfig } from './discover.js';
import type { RampartConfig } from './schema.js';
import { validateConfig } from './validate.js';

export interface LoadedConfig {
  /** Where it came from, for positions in later errors and for relative paths. */
  origin: ConfigSource;
  config: RampartConfig;
}

/**
 * The configuration for a run: `explicit` (from `--config`) when given, otherwise the one found
 * upward from `cwd`; `false` (from `--no-config`) ignores every file. Undefined when there is none.
 */
export function loadConfig(cwd: string, explicit?: string | false): LoadedConfig | undefined {
  if (explicit === false) return undefined;
  const file = explicit === undefined ? discoverConfig(cwd) : path.resolve(cwd, explicit);
  if (file === undefined) return undefined;
  return readConfig(file, cwd);
}

/** Reads, parses and validates one configuration file. */
export function readConfig(file: string, cwd: string): LoadedConfig {
  const displayPath = path.relative(cwd, file) || path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder, not a configuration file' : 'configuration file not found';
    throw new RampartError('RAMPART_FILE_NOT_FOUND', message, { position: { file: displayPath } });
  }
  const text = decodeText(bytes, displayPath);
  // An empty file (or only comments) is an empty configuration, not a parse error.
  const source = parseSource(file, displayPath, text.trim() === '' ? '{}' : text);
  const origin = new ConfigSource(file, source);
  // In an API description a repeated key is a finding; here the earlier setting would be silently lost.
  const repeat = source.issues.find((issue) => issue.code === 'duplicate-key');
  if (repeat) throw origin.error(repeat.pointer, 'this key appears twice in its mapping; keep one');
  return { origin, config: validateConfig(origin) };
}
