/**
 * The binary's entry when the command line runs a command (`main.ts` decides): a CommonJS bundle
 * of its own (`dist/cli/command-main.js`, every command and the core), which `main.ts` runs with a
 * V8 code cache (`cached-script.ts`). Each command's module still initialises only when it runs.
 */
import { runBinary } from './binary.js';

void runBinary(process.argv.slice(2));
