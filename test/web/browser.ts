/**
 * Shared setup of the browser tests: the built app (dist/web, rebuilt here when a source is newer),
 * served by the same static server as `scaleplan serve`, and one headless Debian Chromium driven by
 * playwright-core. No browser is ever downloaded.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createStaticServer } from '../../src/cli/static-server.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_ROOT = join(ROOT, 'dist', 'web');
export const SCREENSHOTS = join(ROOT, 'dist', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

interface BuildWebScript {
  buildWeb(options?: { force?: boolean }): Promise<boolean>;
}

/** Builds dist/web when a source is newer than it (scripts/build-web.mjs; a no-change check is a directory walk). */
export async function ensureWebBuilt(): Promise<void> {
  const script: BuildWebScript = await import(pathToFileURL(join(ROOT, 'scripts', 'build-web.mjs')).href);
  await script.buildWeb();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serves dist/web on a free loopback port; resolves to the base URL. */
export async function serveApp(): Promise<{ server: Server; url: string }> {
  const server = createStaticServer(WEB_ROOT);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server not listening on a port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Page errors and requests that leave the app's own origin, collected for assertions. */
export function watch(page: Page, origin: string): { errors: string[]; foreign: string[] } {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('request', (req) => { if (!req.url().startsWith(origin) && !req.url().startsWith('blob:') && !req.url().startsWith('data:')) foreign.push(req.url()); });
  return { errors, foreign };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
