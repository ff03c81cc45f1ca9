/**
 * Golden transcripts for `rampart diff`. A case is a folder with its inputs, `cmd.txt` (one step a
 * line) and `expected.stdout`. The folder is copied to a scratch directory first.
 *
 *   rampart <args…>   the built CLI (NO_COLOR=1): stdout, stderr lines as "[stderr] …", "[exit N]"
 *   git <args…>       git in the scratch directory, with a fixed identity and dates (output hidden)
 *   cp <from> <to>    copy a file or folder; <REPO>/… is a path in the repository
 *   mv <from> <to>    move a file
 *   cat <file>        the file's content
 *   # …               a comment
 * The scratch directory reads <CASE>, the repository <REPO>, the tool version "<VERSION>".
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
const CLI = path.join(REPO, 'bin', 'rampart.js');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

export function caseFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && statSync(path.join(dir, entry.name, 'cmd.txt'), { throwIfNoEntry: false })?.isFile())
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

export function transcript(caseDir: string): string {
  const scratch = mkdtempSync(path.join(tmpdir(), `rampart-diff-${path.basename(caseDir)}-`));
  try {
    cpSync(caseDir, scratch, { recursive: true, filter: (from) => !/expected\.stdout$/.test(from) && path.basename(from) !== 'cmd.txt' });
    let out = '';
    const local = (file: string) => (file.startsWith('<REPO>/') ? path.join(REPO, file.slice(7)) : path.resolve(scratch, file));
    for (const line of readFileSync(path.join(caseDir, 'cmd.txt'), 'utf8').split('\n')) {
      const step = line.trim();
      if (step === '' || step.startsWith('#')) continue;
      const [name, ...args] = [...step.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
      out += `$ ${step}\n`;
      if (name === 'rampart') {
        const result = spawnSync(process.execPath, [CLI, ...args], { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000 });
        out += result.stdout + result.stderr.split('\n').filter(Boolean).map((text) => `[stderr] ${text}\n`).join('') + `[exit ${result.status ?? result.signal}]\n`;
      } else if (name === 'git') {
        const date = '2026-01-01T00:00:00Z';
        const env = { PATH: process.env.PATH ?? '', HOME: scratch, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
        const result = spawnSync('git', args, { cwd: scratch, encoding: 'utf8', env });
        if (result.status !== 0) throw new Error(`${step}: ${result.stderr}`);
      } else if (name === 'cp' && args.length === 2) {
        cpSync(local(args[0]!), local(args[1]!), { recursive: true });
      } else if (name === 'mv' && args.length === 2) {
        renameSync(local(args[0]!), local(args[1]!));
      } else if (name === 'cat' && args.length === 1) {
        out += readFileSync(local(args[0]!), 'utf8');
      } else {
        throw new Error(`${caseDir}/cmd.txt: unknown step "${step}"`);
      }
    }
    return out.split(scratch).join('<CASE>').split(REPO).join('<REPO>').split(`"${VERSION}"`).join('"<VERSION>"');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Builds dist/ when a source file is newer than the built CLI (running one test file directly). */
export function buildIfStale(): void {
  const built = statSync(path.join(REPO, 'dist', 'cli', 'main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === '__tests__' ? latest : Math.max(latest, newest(full));
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? Math.max(latest, statSync(full).mtimeMs) : latest;
    }, 0);
  if (newest(path.join(REPO, 'src')) <= built) return;
  spawnSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', REPO], { stdio: 'ignore' });
}
