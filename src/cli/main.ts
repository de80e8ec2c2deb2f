#!/usr/bin/env node
/**
 * The `scaleplan` binary: a thin shell over `runCli` (`binary.ts`), started one of two ways.
 *
 * A command line without a command (`--help`, `--version`, a usage error) runs in this file's own
 * bundle, a CommonJS script: Node starts a CommonJS entry without its ES-module loader, which is
 * most of what such a line costs beyond Node itself (`scripts/bundle.mjs`). A command runs
 * `command-main.ts`, a CommonJS bundle of every command and the core, through a V8 code cache
 * (`cached-script.ts`): a process after the first compiles little of it. The two never run in one
 * process, so the argument parser bundled twice holds no shared state.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invokedCommand } from './commands/index.js';

async function main(argv: readonly string[]): Promise<void> {
  const command = invokedCommand(argv);
  if (command === undefined) {
    await (await import('./binary.js')).runBinary(argv);
    return;
  }
  // Bundled into this script (a `require` of node:v8): an `import('node:v8')` here would start Node's
  // ES-module loader, which nothing else in a command needs.
  (await import('./interrupt-budget.js')).raiseInterruptBudget();
  if (command.name === 'plan') {
    // Measured for `plan` only; other commands keep V8's default.
    const { holdYoungGeneration } = await import('./young-generation.js');
    holdYoungGeneration();
    // V8 keys a code cache by its flags, and a large search changes one: the flags go back to
    // those the bundle was compiled with before the cache is written (exit listeners run in order).
    process.once('exit', holdYoungGeneration);
  }
  // A command's help compiles little of what the command runs: it keeps a cache of its own.
  const help = argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');
  (await import('./cached-script.js')).runCachedScript(join(dirname(fileURLToPath(import.meta.url)), 'command-main.js'), help ? `${command.name}-help` : command.name);
}

void main(process.argv.slice(2));
