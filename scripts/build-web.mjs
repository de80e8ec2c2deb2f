/**
 * Builds the web app (dist/web/, as `npm run build:web` does) only when a source is newer than the
 * build (`force` rebuilds anyway). The browser tests call `buildWeb()` first, so
 * `npm test` needs no build step before the test runner: the build runs beside the other test files.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMs } from './newest-mtime.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUTPUT = join(ROOT, 'dist', 'web', 'index.html');
/** What the app is built from: its sources and the core's, the runs and examples it ships, the dependencies. */
const INPUTS = ['src/web', 'src/core', 'data', 'examples', 'package.json', 'package-lock.json'].map((p) => join(ROOT, p));

function upToDate() {
  return existsSync(OUTPUT) && Math.max(...INPUTS.map(newestMs)) <= statSync(OUTPUT).mtimeMs;
}

/**
 * Runs the production build in a child process (NODE_ENV=production: a test runner sets `test`,
 * which would make Vite build the development variant). Resolves to whether it built.
 */
export async function buildWeb({ force = false } = {}) {
  if (!force && upToDate()) return false;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'];
  const output = [];
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => output.push(c));
    child.stderr.on('data', (c) => output.push(c));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`web build failed (exit ${code}):\n${Buffer.concat(output).toString('utf8')}`);
  return true;
}

