/**
 * Runs a CommonJS bundle with a V8 code cache, so that a process does not parse and compile again
 * what the previous one compiled (Node 20 has no `module.enableCompileCache`; `vm.Script` takes
 * and produces V8's cached data for a script).
 *
 * The cache holds the bytecode of the bundle's top level and of every function the first process
 * ran, one file per bundle content, Node version and tag (the command: each keeps the functions it
 * runs). It lives in a folder of the OS temp dir that only this user can write. A cache is only a
 * shortcut: a missing, stale, foreign or unwritable one is ignored and the bundle compiles from its
 * source as usual; a cache V8 rejects (another V8 or other flags) is written again at exit.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The folder of the caches, or null when it cannot be made or is not this user's alone. */
function cacheDir(): string | null {
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `scaleplan-code-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    // A folder another user made (or can write) could hold code this process would run.
    if (!stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0))) return null;
    return dir;
  } catch {
    return null;
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all (a concurrent reader never sees half a file). */
function writeCache(dir: string, file: string, data: () => Buffer, stalePrefix: string, current: string): void {
  try {
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, data(), { mode: 0o600 });
    renameSync(partial, file);
    // Caches of this bundle path's earlier builds are of no further use.
    for (const name of readdirSync(dir)) {
      if (name.startsWith(stalePrefix) && !name.startsWith(current)) unlinkSync(join(dir, name));
    }
  } catch {
    // No cache this time: the next process compiles from the source again.
  }
}

/** Runs the CommonJS script at `path` (as Node's loader would: `require`, `module`, `__filename`). */
export function runCachedScript(path: string, tag: string): void {
  const source = readFileSync(path, 'utf8');
  const dir = cacheDir();
  // Keyed by the bundle's path (each install keeps its own) and content (a rebuilt bundle starts anew).
  const pathKey = sha256(path).slice(0, 12);
  const contentKey = `${pathKey}-${sha256(source).slice(0, 16)}`;
  const file = dir === null ? null : join(dir, `${contentKey}-${process.version}-${process.arch}-${tag}.bin`);
  const cachedData = file === null ? undefined : readCache(file);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  if (dir !== null && file !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
    // At exit the cache also holds the functions this run compiled.
    process.once('exit', () => writeCache(dir, file, () => script.createCachedData(), `${pathKey}-`, contentKey));
  }
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
}
