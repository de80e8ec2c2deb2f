/** `scaleplan serve [scenario]`: the web app (built into dist/web) on loopback; everything computes in the browser. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { InputError, parseScenarioText } from '../../core/index.js';
import { currentIo } from '../cli-io.js';
import { packagePath, print, readTextFile } from '../io.js';
import { action } from '../run.js';
import { createStaticServer } from '../static-server.js';

/** Where `npm run build` puts the web app. */
export const WEB_ROOT = packagePath('dist', 'web');

function parsePort(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) throw new InputError('--port', value, 'must be a whole number from 0 to 65535 (0 picks a free port)');
  return port;
}

/** base64url of UTF-8 text (RFC 4648 §5), the app's `#scenario=` form. */
export function encodeScenarioHash(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Opens `url` in the desktop's browser; failures are ignored (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

function listeningAddress(address: AddressInfo | string | null): AddressInfo {
  if (address === null || typeof address === 'string') throw new Error(`unexpected server address: ${String(address)}`);
  return address;
}

/** Stops on Ctrl-C or SIGTERM, dropping open keep-alive connections; the process then ends by itself. */
function closeOnSignal(server: Server): void {
  const stop = (): void => {
    server.closeAllConnections();
    server.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

interface ServeOptions { port: string; host: string; open: boolean }

export function registerServe(program: Command): void {
  program
    .command('serve')
    .argument('[scenario]', 'scenario file (YAML or JSON) to open; it travels in the URL, the server never reads it again')
    .description('Serve the web UI (scenario editor, charts, planner; all computed in the browser) on loopback. Prints the URL first.')
    .option('--port <n>', 'port (0 = a free one)', '0')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--no-open', 'do not open a browser (one is opened only when stdout is a terminal)')
    .action(action(async (path: string | undefined, opts: ServeOptions) => {
      const port = parsePort(opts.port);
      let hash = '';
      if (path !== undefined) {
        const text = readTextFile(path, 'scenario');
        parseScenarioText(text, /\.json$/i.test(path) ? 'json' : undefined);
        hash = `#scenario=${encodeScenarioHash(text)}`;
      }
      if (!existsSync(packagePath('dist', 'web', 'index.html'))) throw new InputError('serve', WEB_ROOT, 'the web app is not built: run `npm run build` first');
      const server = createStaticServer(WEB_ROOT);
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => reject(new InputError('--port', `${opts.host}:${port}`, `cannot listen (${error.code ?? error.message})`)));
        server.listen(port, opts.host, resolve);
      });
      const address = listeningAddress(server.address());
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}/${hash}`;
      print(url);
      const io = currentIo();
      io.stderr('serving the web app; Ctrl-C stops\n');
      if (opts.open && io.stdoutIsTTY) openBrowser(url);
      closeOnSignal(server);
    }));
}
