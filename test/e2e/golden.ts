/**
 * Golden scenario tests for the built CLI. A case is a folder holding its input files, `cmd.txt`
 * (one step per line) and `expected.stdout` (the transcript of every step). The folder is copied to a
 * temporary directory, so steps may write files (baselines, reports) without touching the repository.
 *
 * Steps:
 *   rampart <args…>   runs `node bin/rampart.js` with NO_COLOR=1; the transcript gets its stdout,
 *                     its stderr lines prefixed "[stderr] ", and "[exit N]"; `< file` (two words, anywhere)
 *                     feeds the file to its standard input, which is otherwise empty
 *   cd <dir>          changes the working directory for the next steps (relative to the current one)
 *   cp <from> <to>    copies a file or folder; <REPO>/… names a path in the repository
 *   cat <file>        adds a file's content to the transcript
 *   # …               a comment
 * Volatile values are normalised: the temporary folder is <CASE>, the repository <REPO>, the
 * tool's version "<VERSION>".
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
let packageRoot = REPO;
let cli = path.join(REPO, 'bin', 'rampart.js');

/** The folder of the package under test: the repository, or the private build of `useFreshCli`. */
export function builtPackageRoot(): string {
  return packageRoot;
}

/** Case folders (those with a cmd.txt) under `dir`, sorted. */
export function goldenCases(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && statSync(path.join(dir, entry.name, 'cmd.txt'), { throwIfNoEntry: false })?.isFile())
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/** Runs a case's steps in a scratch copy of its folder and returns the normalised transcript. */
export async function runCase(caseDir: string): Promise<string> {
  const scratch = mkdtempSync(path.join(tmpdir(), `rampart-e2e-${path.basename(caseDir)}-`));
  try {
    cpSync(caseDir, scratch, { recursive: true, filter: (from) => !/expected\.[^/\\]+$/.test(from) && path.basename(from) !== 'cmd.txt' });
    let cwd = scratch;
    let transcript = '';
    for (const line of readFileSync(path.join(caseDir, 'cmd.txt'), 'utf8').split('\n')) {
      const step = line.trim();
      if (step === '' || step.startsWith('#')) continue;
      const [name, ...args] = splitArgs(step);
      transcript += `$ ${step}\n`;
      const local = (file: string) => (file.startsWith('<REPO>/') ? path.join(REPO, file.slice('<REPO>/'.length)) : path.resolve(cwd, file));
      if (name === 'rampart') {
        // `rampart lint - < file` feeds the file to standard input; without `<` it is empty.
        const redirect = args.indexOf('<');
        const input = redirect === -1 ? undefined : readFileSync(local(args[redirect + 1]!));
        if (redirect !== -1) args.splice(redirect, 2);
        const result = await run(process.execPath, [cli, ...args], cwd, input);
        transcript += result.stdout;
        transcript += result.stderr
          .split('\n')
          .filter((text) => text !== '')
          .map((text) => `[stderr] ${text}\n`)
          .join('');
        transcript += `[exit ${result.status ?? result.signal}]\n`;
      } else if (name === 'cd' && args.length === 1) {
        cwd = path.resolve(cwd, args[0]!);
      } else if (name === 'cp' && args.length === 2) {
        cpSync(local(args[0]!), local(args[1]!), { recursive: true });
      } else if (name === 'cat' && args.length === 1) {
        transcript += readFileSync(local(args[0]!), 'utf8');
      } else {
        throw new Error(`${path.join(caseDir, 'cmd.txt')}: unknown step "${step}"`);
      }
    }
    return normalise(transcript, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string, input?: Buffer): Promise<{ stdout: string; stderr: string; status: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 120_000 });
    child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ stdout, stderr, status, signal }));
  });
}

function normalise(text: string, scratch: string): string {
  let result = text;
  for (const [from, to] of [
    [scratch, '<CASE>'],
    [REPO, '<REPO>'],
  ] as const) {
    result = result.split(from).join(to).split(from.split(path.sep).join('/')).join(to);
  }
  return result.split(`"${VERSION}"`).join('"<VERSION>"');
}

/** Splits a step into words; single and double quotes group words and are removed. */
export function splitArgs(step: string): string[] {
  const words: string[] = [];
  for (const match of step.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}

/**
 * Makes the cases run a build of the current sources: they are compiled with tsc into a private
 * copy of the package (bin/rampart.js, dist/, package.json, a node_modules link). The shared dist/
 * is never used: it may be stale (a test run without `npm run build`) or half-rewritten by a
 * concurrent build, which showed up as spurious import errors. Returns a cleanup function.
 */
export function useFreshCli(): () => void {
  // `npm test` has just built dist/ and nothing rebuilds it during the run: use it as it is.
  if (process.env.RAMPART_TEST_BUILT === '1') return () => {};
  const copy = mkdtempSync(path.join(tmpdir(), 'rampart-e2e-build-'));
  const tsc = spawnSync(
    process.execPath,
    [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', REPO, '--outDir', path.join(copy, 'dist'), '--declaration', 'false', '--sourceMap', 'false'],
    { encoding: 'utf8' },
  );
  if (!statSync(path.join(copy, 'dist', 'cli', 'main.js'), { throwIfNoEntry: false })) {
    throw new Error(`tsc did not produce dist/cli/main.js:\n${tsc.stdout}${tsc.stderr}`);
  }
  mkdirSync(path.join(copy, 'bin'));
  cpSync(path.join(REPO, 'bin', 'rampart.js'), path.join(copy, 'bin', 'rampart.js'));
  cpSync(path.join(REPO, 'package.json'), path.join(copy, 'package.json'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  cli = path.join(copy, 'bin', 'rampart.js');
  packageRoot = copy;
  return () => {
    cli = path.join(REPO, 'bin', 'rampart.js');
    packageRoot = REPO;
    rmSync(copy, { recursive: true, force: true });
  };
}
