/**
 * Runs a CommonJS bundle with a V8 code cache, so that a process does not parse and compile again
 * what the previous one compiled (Node 20 has no `module.enableCompileCache`; `vm.Script` takes
 * and produces V8's cached data for a script).
 *
 * The cache holds the bytecode of the bundle's top level and of every function the process that
 * wrote it ran: one file per bundle path, Node version and tag (the command, and whether it only
 * shows its help: each keeps the functions it runs), in a folder of the OS temp dir that only this
 * user can write. The file starts with a copy of the source it was made from (the bundle in its
 * CommonJS wrapper) and is used only while the bundle is byte for byte the same (a compare, cheaper
 * than hashing). A cache is only a shortcut: a missing, stale,
 * foreign or unwritable one is ignored and the bundle compiles from its source as usual; a stale
 * one, or one V8 rejects (another V8, other flags), is written again at exit.
 */
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Bytes before the source's copy in a cache file: its length (uint32, little-endian). */
const HEADER_BYTES = 4;
/** The source V8 compiles: the bundle between these, as Node's own CommonJS loader wraps a module. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_END = '\n})';

/** The folder of the caches, or null when it cannot be made or is not this user's alone. */
export function cacheDir(): string | null {
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

/** FNV-1a of a short string, in hex: names the cache of one bundle path (collisions only cost a recompile). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Bytes of the bundle read at a time to compare it with a cache's copy. */
const COMPARE_CHUNK_BYTES = 64 * 1024;

/** Whether the file at `path` holds exactly the bytes of `copy`, read a chunk at a time. */
function sameBytes(path: string, copy: Buffer): boolean {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(COMPARE_CHUNK_BYTES);
    let offset = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, COMPARE_CHUNK_BYTES, offset);
      if (read === 0) return offset === copy.length;
      if (offset + read > copy.length || !chunk.subarray(0, read).equals(copy.subarray(offset, offset + read))) return false;
      offset += read;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The source's copy and the cached data in `file` if it was made from exactly the bundle at `path`,
 * else undefined. The bundle is compared a chunk at a time and the source V8 compiles is the copy,
 * wrapper included: no bundle-sized buffer, nor a second string made by joining the wrapper and
 * the bundle (each page a process touches first costs it CPU).
 */
function readCache(file: string, path: string): { source: Buffer; cachedData: Buffer } | undefined {
  try {
    const data = readFileSync(file);
    if (data.length < HEADER_BYTES) return undefined;
    const end = HEADER_BYTES + data.readUInt32LE(0);
    if (end > data.length) return undefined;
    const source = data.subarray(HEADER_BYTES, end);
    const start = Buffer.byteLength(WRAPPER_START);
    const bundleEnd = source.length - Buffer.byteLength(WRAPPER_END);
    if (bundleEnd < start || source.toString('latin1', 0, start) !== WRAPPER_START || source.toString('latin1', bundleEnd) !== WRAPPER_END) return undefined;
    return sameBytes(path, source.subarray(start, bundleEnd)) ? { source, cachedData: data.subarray(end) } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all (a concurrent reader never sees half a file). */
function writeCache(file: string, source: Buffer, cachedData: () => Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(source.length, 0);
    writeFileSync(partial, Buffer.concat([header, source, cachedData()]), { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // No cache this time: the next process compiles from the source again.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written there either.
    }
  }
}

export interface CachedScript {
  /** Whether V8 took the cached code (false: compiled from the source). */
  readonly fromCache: boolean;
  /** Runs the script as Node's loader would (`require`, `module`, `__filename`, `__dirname`). */
  run(): void;
  /** Writes the cache if there was none for this bundle or V8 rejected it; never throws. */
  saveIfNew(): void;
}

/** Compiles the CommonJS script at `path`, with the cache of `tag` in `dir` when it is valid. */
export function compileCached(path: string, tag: string, dir: string | null = cacheDir()): CachedScript {
  const file = dir === null ? null : join(dir, `${fnv1a(path)}-${process.version}-${process.arch}-${tag}.bin`);
  const cached = file === null ? undefined : readCache(file, path);
  const source = cached?.source.toString('utf8') ?? `${WRAPPER_START}${readFileSync(path, 'utf8')}${WRAPPER_END}`;
  const cachedData = cached?.cachedData;
  const script = new Script(source, {
    filename: path,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
  return {
    fromCache,
    run: () => {
      const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
      const module = { exports: {} };
      wrapper.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
    },
    saveIfNew: () => {
      if (file !== null && !fromCache) writeCache(file, cached?.source ?? Buffer.from(source, 'utf8'), () => script.createCachedData());
    },
  };
}

/**
 * Runs the CommonJS script at `path` through its cache. A process that ends with exit code 0
 * writes the cache if there was none: a failed run (bad input) may have compiled too little of
 * what the tag's next runs need, and the first cache written stays until the bundle changes.
 */
export function runCachedScript(path: string, tag: string): void {
  const script = compileCached(path, tag);
  // At exit the cache also holds the functions this run compiled.
  process.once('exit', (code) => {
    if (code === 0) script.saveIfNew();
  });
  script.run();
}
