#!/usr/bin/env node
/**
 * Bundles the CLI (dist/cli/: the `scaleplan` binary, the plan worker, shared chunks) and the
 * library (dist/lib/index.js, what `import('scaleplan')` loads) with esbuild, only when a source
 * is newer than the bundles (`--force` rebuilds anyway). A no-change run costs a directory walk.
 *
 * The CLI is split so that `scaleplan --help` reads no model code and starts as little of Node as
 * it can:
 *   main.js           CommonJS (dist/cli/package.json says so): the argument parser, the command
 *                     registry and `runCli`, for a command line without a command. Node starts a
 *                     CommonJS entry without its ES-module loader: `--help` 0.16 → 0.14 s CPU.
 *   command-main.js   CommonJS, run by main.js when a command runs, with a V8 code cache
 *                     (src/cli/cached-script.ts): the same shell with every command and the core,
 *                     each command's modules initialised only when it runs. One script, so that
 *                     one cache holds all that a command compiles (Node 20 caches no ES module).
 *   plan-worker.js    CommonJS, the search's worker thread (`plan-in-worker.ts`), one file.
 * The core imports zod as a namespace so that these keep only the parts of zod it uses (lint rule
 * in eslint.config.js).
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMs } from './newest-mtime.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CLI_DIR = join(ROOT, 'dist', 'cli');
const OUTPUTS = [join(CLI_DIR, 'main.js'), join(CLI_DIR, 'command-main.js'), join(CLI_DIR, 'plan-worker.js'), join(CLI_DIR, 'package.json'), join(ROOT, 'dist', 'lib', 'index.js')];
const INPUTS = [join(ROOT, 'src'), join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];

function upToDate() {
  if (!OUTPUTS.every((f) => existsSync(f))) return false;
  const oldestOutput = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return Math.max(...INPUTS.map(newestMs)) <= oldestOutput;
}

/** `import.meta.url` in a CommonJS bundle: the bundle file's own URL. */
const IMPORT_META_URL = { define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "'use strict'; var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" } };

/**
 * commander loads node:child_process at start-up for executable subcommands, which scaleplan does
 * not have; child_process brings net, dgram and the stream internals, paid by every command (and
 * by `--help`). Inside commander it becomes a module that loads child_process on first use.
 */
const LAZY_CHILD_PROCESS = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${sep}commander${sep}`) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * main.js leaves to command-main.js what only a command needs: the command modules the registry
 * loads (never loaded from main.js: it runs no command).
 */
const COMMANDS_ELSEWHERE = {
  name: 'commands-elsewhere',
  setup(build) {
    build.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.includes(`${sep}commands${sep}`) ? { path: args.path, external: true } : undefined);
  },
};

const COMMON = { bundle: true, platform: 'node', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning', absWorkingDir: ROOT };

export async function bundle({ force = false } = {}) {
  if (!force && upToDate()) return false;
  const { build } = await import('esbuild');
  rmSync(CLI_DIR, { recursive: true, force: true });
  mkdirSync(CLI_DIR, { recursive: true });
  await Promise.all([
    build({ ...COMMON, ...IMPORT_META_URL, format: 'cjs', entryPoints: ['src/cli/main.ts'], outfile: join(CLI_DIR, 'main.js'), plugins: [COMMANDS_ELSEWHERE, LAZY_CHILD_PROCESS] }),
    build({ ...COMMON, ...IMPORT_META_URL, format: 'cjs', entryPoints: ['src/cli/command-main.ts'], outfile: join(CLI_DIR, 'command-main.js'), plugins: [LAZY_CHILD_PROCESS] }),
    build({ ...COMMON, format: 'cjs', entryPoints: ['src/cli/plan-worker.ts'], outfile: join(CLI_DIR, 'plan-worker.js') }),
    // The library leaves its dependencies (zod, yaml) to the package manager, as libraries do.
    build({ ...COMMON, format: 'esm', entryPoints: ['src/core/index.ts'], outfile: join(ROOT, 'dist', 'lib', 'index.js'), minify: false, packages: 'external' }),
  ]);
  // The `.js` files of dist/cli are CommonJS (the package's own are ES modules).
  writeFileSync(join(CLI_DIR, 'package.json'), '{ "type": "commonjs" }\n');
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await bundle({ force: process.argv.includes('--force') });
  if (built && !process.argv.includes('--quiet')) process.stdout.write('bundled dist/cli and dist/lib\n');
}
