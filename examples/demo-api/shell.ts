/**
 * A pretend `/bin/sh` for the demo's planted OS-command injection. Nothing is executed: the command
 * line is split the way a shell would split it (`;`, `&&`, `||`, `|`, `&`, newlines, `$(…)` and
 * backticks), and the only command with an effect is `sleep N`, which the caller turns into a delay.
 * That is enough for a blind, time-based injection to be real and measurable, and safe to run.
 */

export interface ShellRun {
  /** Every simple command the line holds, as argument lists (substitutions first, as a shell runs them). */
  commands: string[][];
  /** Total `sleep` time, capped so a scan (or a curious user) cannot hold the demo for long. */
  sleepMs: number;
}

export const MAX_SLEEP_MS = 5000;

const SEPARATORS = /;|&&|\|\||\||&|\n/;
const SUBSTITUTION = /\$\(([^()]*)\)|`([^`]*)`/g;

export function interpretShell(line: string): ShellRun {
  const commands: string[][] = [];
  // A substitution runs before the command that contains it; its (empty) output replaces it.
  const outer = line.replace(SUBSTITUTION, (_, dollar: string | undefined, backtick: string | undefined) => {
    commands.push(...simpleCommands(dollar ?? backtick ?? ''));
    return '';
  });
  commands.push(...simpleCommands(outer));
  let sleepMs = 0;
  for (const [name, seconds] of commands) if (name === 'sleep' && seconds !== undefined && /^\d+(\.\d+)?$/.test(seconds)) sleepMs += Number(seconds) * 1000;
  return { commands, sleepMs: Math.min(sleepMs, MAX_SLEEP_MS) };
}

function simpleCommands(text: string): string[][] {
  return text
    .split(SEPARATORS)
    .map((part) => part.trim().split(/\s+/).filter(Boolean).map((word) => word.replace(/^(['"])(.*)\1$/, '$2')))
    .filter((argv) => argv.length > 0);
}
