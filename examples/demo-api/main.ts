/**
 * `npm run demo -- --port <p> [--secure] [--https [--http-port <q>]]`: starts the demo API on
 * 127.0.0.1:<p> until interrupted. With --https it serves HTTPS with a fresh self-signed certificate
 * (made with `openssl`), and plain HTTP on <q> (default: any free port).
 */
import { selfSignedCertificate } from './self-signed.js';
import { startDemoApi } from './server.js';

const args = process.argv.slice(2);
const portArgument = (flag: string, fallback: number): number | string => {
  const index = args.indexOf(flag);
  if (index === -1) return fallback;
  const port = Number(args[index + 1]);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : `demo: ${flag} expects a port number, got "${args[index + 1] ?? ''}"`;
};
const port = portArgument('--port', 8080);
const httpPort = portArgument('--http-port', 0);
if (typeof port === 'string' || typeof httpPort === 'string') {
  process.stderr.write(`${typeof port === 'string' ? port : httpPort}\n`);
  process.exitCode = 2;
} else {
  const secure = args.includes('--secure');
  let https: { key: string; cert: string; httpPort: number } | undefined;
  if (args.includes('--https')) {
    try {
      https = { ...selfSignedCertificate(), httpPort };
    } catch (error) {
      process.stderr.write(`demo: --https needs the openssl command to make a certificate: ${(error as Error).message.split('\n')[0]}\n`);
      process.exit(2);
    }
  }
  const demo = await startDemoApi({ port, secure, https });
  process.stdout.write(`demo API (${secure ? 'secure' : 'vulnerable'}) listening on ${demo.url}${demo.httpUrl ? ` and ${demo.httpUrl}` : ''}\n`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
