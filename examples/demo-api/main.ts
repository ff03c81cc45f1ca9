/** `npm run demo -- --port <p> [--secure]`: starts the demo API on 127.0.0.1:<p> until interrupted. */
import { startDemoApi } from './server.js';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex === -1 ? 8080 : Number(args[portIndex + 1]);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`demo: --port expects a port number, got "${args[portIndex + 1] ?? ''}"\n`);
  process.exitCode = 2;
} else {
  const secure = args.includes('--secure');
  const demo = await startDemoApi({ port, secure });
  process.stdout.write(`demo API (${secure ? 'secure' : 'vulnerable'}) listening on ${demo.url}\n`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
