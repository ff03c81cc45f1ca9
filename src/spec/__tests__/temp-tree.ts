import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away directory of files for loader tests. Paths are relative to `dir`, with `/` separators. */
export class TempTree {
  readonly dir: string;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'rampart-loader-'));
    for (const [name, content] of Object.entries(files)) this.write(name, content);
  }

  write(name: string, content: string | Uint8Array): string {
    const file = this.path(name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  path(name: string): string {
    return path.join(this.dir, ...name.split('/'));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
