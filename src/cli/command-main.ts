/**
 * The binary's entry when the command line runs a command (`main.ts` decides): an ES module, with
 * the command modules and the core in shared chunks loaded on demand.
 */
import { runBinary } from './binary.js';

await runBinary(process.argv.slice(2));
