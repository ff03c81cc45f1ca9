import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DocumentLocation } from '../../core/finding.js';
import { lint } from '../../lint/lint.js';
import { joinPointer } from '../../spec/pointer.js';
import { loadRulesets } from '../load.js';

/** One finding reduced to what both tools report: rule, file, pointer, severity, 1-based line, message. */
export interface Comparable {
  ruleId: string;
  file: string;
  pointer: string;
  severity: string;
  line: number;
  message: string;
}

export function keyOf(item: Comparable): string {
  return [item.ruleId, item.file, item.pointer, item.severity, item.line, item.message].join('\t');
}

const SPECTRAL_SEVERITIES = ['error', 'warning', 'info', 'hint'];

interface SpectralResult {
  code: string;
  path: (string | number)[];
  message: string;
  severity: number;
  range: { start: { line: number } };
  source?: string;
}

/** Runs the installed Spectral CLI once over several documents. */
export function runSpectral(repo: string, ruleset: string, documents: readonly string[]): Promise<Comparable[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repo, 'node_modules/.bin/spectral'), ['lint', '-r', ruleset, '-f', 'json', '--quiet', ...documents], { cwd: repo });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      let results: SpectralResult[];
      try {
        results = JSON.parse(stdout.slice(stdout.indexOf('[')));
      } catch {
        reject(new Error(`spectral output is not JSON: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
        return;
      }
      resolve(
        results.map((result) => ({
          ruleId: result.code,
          file: path.relative(repo, result.source ?? ''),
          pointer: joinPointer('', ...result.path),
          severity: SPECTRAL_SEVERITIES[result.severity] ?? String(result.severity),
          line: result.range.start.line + 1,
          message: result.message,
        })),
      );
    });
  });
}

/** Runs Rampart's loader and engine on the same inputs; returns findings and the ruleset's rule ids. */
export async function runRampart(repo: string, ruleset: string, documents: readonly string[]): Promise<{ findings: Comparable[]; ruleIds: Set<string> }> {
  const selection = await loadRulesets([ruleset], { cwd: repo, allowCustomFunctions: false });
  const result = await lint(documents, { cwd: repo, selection });
  if (result.errors.length > 0) throw new Error(result.errors.map((error) => error.toOneLine()).join('\n'));
  const ruleIds = new Set(selection.definitions.keys());
  const findings = result.findings
    .filter((finding) => ruleIds.has(finding.ruleId))
    .map((finding) => {
      const location = finding.location as DocumentLocation;
      return { ruleId: finding.ruleId, file: location.file, pointer: location.pointer, severity: finding.severity, line: location.line ?? 0, message: finding.message };
    });
  return { findings, ruleIds };
}

/** A known, explained difference: it pairs one Spectral-only result with one Rampart-only result (or stands alone). */
export interface Waiver {
  id: string;
  reason: string;
  /** Pairs a Spectral result with the Rampart finding it corresponds to. */
  pairs?: (spectral: Comparable, rampart: Comparable) => boolean;
  /** A Spectral result with no counterpart; `rampart` is every Rampart finding and `others` every Spectral result, matched or not. */
  spectralOnly?: (spectral: Comparable, rampart: readonly Comparable[], others: readonly Comparable[]) => boolean;
  /** A Rampart finding with no counterpart; `spectral` is every Spectral result and `others` every Rampart finding, matched or not. */
  rampartOnly?: (rampart: Comparable, spectral: readonly Comparable[], others: readonly Comparable[]) => boolean;
}

export interface Comparison {
  matching: number;
  spectralOnly: Comparable[];
  rampartOnly: Comparable[];
  waived: { waiver: string; spectral?: Comparable; rampart?: Comparable }[];
}

export function compare(spectral: readonly Comparable[], rampart: readonly Comparable[], waivers: readonly Waiver[]): Comparison {
  const rampartKeys = new Map<string, number>();
  for (const item of rampart) rampartKeys.set(keyOf(item), (rampartKeys.get(keyOf(item)) ?? 0) + 1);
  let matching = 0;
  let spectralOnly: Comparable[] = [];
  for (const item of spectral) {
    const count = rampartKeys.get(keyOf(item)) ?? 0;
    if (count > 0) {
      matching++;
      rampartKeys.set(keyOf(item), count - 1);
    } else spectralOnly.push(item);
  }
  let rampartOnly: Comparable[] = [];
  for (const item of rampart) {
    const count = rampartKeys.get(keyOf(item)) ?? 0;
    if (count > 0) {
      rampartOnly.push(item);
      rampartKeys.set(keyOf(item), count - 1);
    }
  }
  const waived: Comparison['waived'] = [];
  for (const waiver of waivers) {
    if (waiver.pairs) {
      spectralOnly = spectralOnly.filter((left) => {
        const index = rampartOnly.findIndex((right) => waiver.pairs!(left, right));
        if (index === -1) return true;
        waived.push({ waiver: waiver.id, spectral: left, rampart: rampartOnly[index] });
        rampartOnly.splice(index, 1);
        return false;
      });
    }
    if (waiver.spectralOnly) {
      spectralOnly = spectralOnly.filter((item) => !(waiver.spectralOnly!(item, rampart, spectral) && waived.push({ waiver: waiver.id, spectral: item })));
    }
    if (waiver.rampartOnly) {
      rampartOnly = rampartOnly.filter((item) => !(waiver.rampartOnly!(item, spectral, rampart) && waived.push({ waiver: waiver.id, rampart: item })));
    }
  }
  return { matching, spectralOnly, rampartOnly, waived };
}
