import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { RampartError } from '../core/errors.js';
import type { TemplateOverrides } from '../traffic/path-templater.js';

/**
 * The template override file (YAML or JSON):
 *
 *   templates:          # force: concrete paths matching these get exactly this template
 *     - /files/{fileName}/raw
 *   literals:           # forbid: these `{x}` or `*` positions are never parameters
 *     - /years/*
 */
export function loadOverrides(file: string, display: string): TemplateOverrides {
  let value: unknown;
  try {
    value = load(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'RAMPART_FILE_NOT_FOUND' : 'RAMPART_CONFIG_INVALID';
    throw new RampartError(code, `cannot read template overrides: ${(error as Error).message.split('\n')[0]}`, { position: { file: display } });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new RampartError('RAMPART_CONFIG_INVALID', 'expected a mapping with "templates" and/or "literals"', { position: { file: display } });
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'templates' && key !== 'literals') throw new RampartError('RAMPART_CONFIG_INVALID', `unknown key "${key}"; expected "templates" or "literals"`, { position: { file: display } });
    const list = record[key];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || !item.startsWith('/'))) {
      throw new RampartError('RAMPART_CONFIG_INVALID', `${key}: expected a list of paths starting with "/"`, { position: { file: display } });
    }
  }
  return { templates: record.templates as string[] | undefined, literals: record.literals as string[] | undefined };
}
