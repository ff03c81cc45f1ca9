/**
 * Starts the demo API as `npm run demo` does, in its own process: its planted ReDoS blocks its event
 * loop for a few hundred milliseconds at a time, which must not slow a twin (or the test) beside it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from '../golden.js';

export interface DemoProcess {
  url: string;
  httpUrl?: string;
  close: () => Promise<void>;
}

export function startDemoProcess(...args: string[]): Promise<DemoProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'examples', 'demo-api', 'main.ts'), '--port', '0', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`demo did not start within 30 s: ${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (\S+)(?: and (\S+))?\n/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', read);
      child.stdout.resume();
      resolve({ url: match[1]!, httpUrl: match[2], close });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}: ${output}`));
    });
  });
}
