/** Runs the CLI from source (the shared dist/ may be stale while others rebuild it). */
import { runCli } from '../../../src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
