import path from 'node:path';
import { RampartError } from '../core/errors.js';
import { compareFindings, type Finding } from '../core/finding.js';
import { expandInputs } from '../core/files.js';
import { readTraffic, type TrafficFormat } from '../traffic/readers/index.js';
import type { TemplateOverrides } from '../traffic/path-templater.js';
import { splitPath } from '../traffic/path-templater.js';
import { runChecks } from './checks/index.js';
import { InventoryBuilder, type Inventory, type InventoryEndpoint } from './inventory.js';
import { reconstructOpenApi } from './openapi.js';
import { loadOverrides } from './overrides.js';
import { loadSpecModel, matchOperation, type SpecModel, type SpecOperation } from './spec-model.js';

export interface DiscoverOptions {
  cwd?: string;
  /** An API description to compare the traffic with. */
  spec?: string;
  /** Template override file, or overrides given directly. */
  overrides?: string | TemplateOverrides;
  format?: TrafficFormat;
  maxBodyBytes?: number;
  minWordCardinality?: number;
  /** Also build the reconstructed OpenAPI 3.1 document. */
  openapi?: boolean;
  /** Called for recoverable input problems (bad lines, truncated files). */
  warn?: (message: string) => void;
}

export interface DiscoverResult {
  inventory: Inventory;
  findings: Finding[];
  openapi?: Record<string, unknown>;
  warnings: string[];
  files: string[];
  spec?: string;
}

/** Reads traffic files and globs, builds the inventory, and (with a spec) the drift findings. */
export async function discover(inputs: string | readonly string[], options: DiscoverOptions = {}): Promise<DiscoverResult> {
  const cwd = options.cwd ?? process.cwd();
  const files = expandInputs(typeof inputs === 'string' ? [inputs] : inputs, cwd);
  const display = (file: string) => path.relative(cwd, file) || file;
  const overrides = typeof options.overrides === 'string' ? loadOverrides(path.resolve(cwd, options.overrides), options.overrides) : options.overrides;
  let spec: SpecModel | undefined;
  if (options.spec) spec = await loadSpecModel(options.spec, cwd);
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (warnings.length < 1000) warnings.push(message);
    options.warn?.(message);
  };
  const builder = new InventoryBuilder({ overrides, minWordCardinality: options.minWordCardinality, spec });
  for await (const exchange of readTraffic(files, { format: options.format, maxBodyBytes: options.maxBodyBytes, warn, displayName: display })) builder.add(exchange);
  if (builder.exchanges === 0 && warnings.length > 0) {
    throw new RampartError('RAMPART_PARSE_FAILED', `no exchange could be read: ${warnings[0]}`);
  }
  const inventory = builder.finish();
  const documented = new Map<InventoryEndpoint, SpecOperation>();
  if (spec) {
    for (const endpoint of inventory.endpoints) {
      const operation = matchOperation(spec.operations, endpoint.method, splitPath(endpoint.path));
      if (operation) documented.set(endpoint, operation);
    }
  }
  const findings = runChecks({ inventory, spec, documented }).sort(compareFindings);
  return {
    inventory,
    findings,
    openapi: options.openapi ? reconstructOpenApi(inventory) : undefined,
    warnings,
    files: files.map(display),
    spec: spec?.file,
  };
}
