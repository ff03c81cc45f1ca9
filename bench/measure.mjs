// Runs one command and measures it as a whole: wall time, peak RSS of its whole process tree
// (polled from /proc), and the largest single process's peak RSS (GNU time's %M, when installed).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const PAGE_KB = 4;
const POLL_MS = 20;

/**
 * @typedef {object} Measurement
 * @property {number} ms             wall time, spawn to exit
 * @property {number | undefined} treeRssKb  peak of the summed RSS of the process and all its descendants
 * @property {number | undefined} maxRssKb   peak RSS of the largest single process (GNU time %M)
 * @property {number | null} exitCode
 * @property {boolean} timedOut
 * @property {string} stdout
 * @property {string} stderr
 */

/** @returns {Promise<Measurement>} */
export async function measure(command, args, { cwd, env, timeoutMs = 900_000 } = {}) {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(path.join(tmpdir(), 'rampart-bench-'));
  const timeFile = path.join(scratch, 'maxrss');
  const argv = useTime ? [GNU_TIME, '-f', '%M', '-o', timeFile, command, ...args] : [command, ...args];
  const started = performance.now();
  const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout = [];
  const stderr = [];
  child.stdout.on('data', (chunk) => stdout.push(chunk));
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  let treeRssKb = 0;
  const poll = () => {
    const rss = treeRss(child.pid, useTime);
    if (rss > treeRssKb) treeRssKb = rss;
  };
  const poller = setInterval(poll, POLL_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killTree(child.pid);
  }, timeoutMs);
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const ms = performance.now() - started;
  clearInterval(poller);
  clearTimeout(timer);
  let maxRssKb;
  if (useTime) {
    const lines = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n') : [];
    const last = Number(lines.at(-1));
    if (Number.isFinite(last) && last > 0) maxRssKb = last;
  }
  rmSync(scratch, { recursive: true, force: true });
  return {
    ms,
    treeRssKb: treeRssKb > 0 ? treeRssKb : undefined,
    maxRssKb,
    exitCode,
    timedOut,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}

/**
 * Summed RSS (KiB) of `rootPid`'s descendants, and of `rootPid` itself unless it is only the GNU
 * time wrapper. The tree is followed through /proc/<pid>/task/<tid>/children, touching only its
 * own processes: reading every process's stat 50 times a second kept this (parent) process busy
 * enough to stall a child writing a large report into its pipe (kubernetes: 16 MB, 150 ms slower
 * piped than written to /dev/null under that polling, 50 ms without it).
 */
function treeRss(rootPid, skipRoot) {
  let total = 0;
  for (const pid of descendantsAndSelf(rootPid)) {
    if (skipRoot && pid === rootPid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      total += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]) * PAGE_KB;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** `rootPid` and every process below it (children are listed per thread that started them). */
function descendantsAndSelf(rootPid) {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue; // ended
    }
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').split(' ')) if (child !== '') pids.push(Number(child));
      } catch {
        // the thread ended while we looked
      }
    }
  }
  return pids;
}

function killTree(rootPid) {
  for (const pid of descendantsAndSelf(rootPid).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
