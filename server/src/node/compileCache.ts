import { createHash, randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/**
 * Runs a CommonJS bundle as `require` would, with V8's compiled code for it
 * kept between runs (a code cache, as Node ≥ 22's module.enableCompileCache
 * and TypeScript's tsc keep one). A short command spends a good part of its
 * time compiling the bundle's functions the first time each runs; with the
 * cache they arrive compiled: `check` of one file about 20 ms sooner, of
 * 1,000 files about 40 ms (within the noise of a busy machine;
 * docs/performance.md).
 *
 * The cache is one file per bundle content, Node version and `name` (a
 * command's own set of functions) in a folder of the temporary directory
 * that only this user can write to; a folder that is not that (another
 * user's, a link, writable by others) is not used, since compiled code read
 * from it would run. V8 refuses a cache made by another V8 or under other
 * flags, and the cache is then made again. NODE_DISABLE_COMPILE_CACHE (Node's
 * own switch) turns it off. Nothing here ever fails the command: without a
 * usable folder the bundle is simply compiled as usual.
 */

/** A cache file larger than this is not ours to trust (the CLI's is about 0.4 MB). */
const MAX_CACHE_BYTES = 64 << 20;

export function requireWithCompileCache(file: string, name: string): void {
  const source = readFileSync(file);
  const dir = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : ownFolder(join(tmpdir(), `gov-report-compile-cache${userSuffix()}`));
  const cacheFile = dir && join(dir, `${name}-${keyOf(source)}.cache`);
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = new Script(Module.wrap(source.toString("utf8")), { filename: file, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // Made at exit, so that it holds every function this run compiled, not only the top level.
    process.once("exit", () => writeCache(cacheFile, () => script.createCachedData()));
  }
  const module = new Module(file);
  module.filename = file;
  const wrapped = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapped.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}

const userSuffix = () => {
  const uid = process.getuid?.();
  return uid === undefined ? "" : `-${uid}`;
};

/** The folder, made if missing, when it is a real folder of this user that no one else can write to. */
function ownFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
  }
  try {
    const s = lstatSync(dir);
    if (!s.isDirectory()) return undefined;
    const uid = process.getuid?.();
    if (uid !== undefined && (s.uid !== uid || (s.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The bundle's content and the runtime that compiles it: a new version of either is a new file. */
function keyOf(source: Buffer): string {
  return createHash("sha256").update(source).update(`\0${process.version}\0${process.arch}`).digest("hex").slice(0, 32);
}

/**
 * The folder is this user's alone (ownFolder), so nothing in it was planted by someone else:
 * a regular file of a sane size is read whole. (Not node/files.ts's bounded reader: it would
 * pull the Word side into dist/cli.js, which is to stay a few kilobytes.)
 */
function readCache(file: string): Buffer | undefined {
  try {
    const s = lstatSync(file);
    return s.isFile() && s.size > 0 && s.size <= MAX_CACHE_BYTES ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside its place under a name no one can guess, then renamed over it: a reader sees the old file or the new one. */
function writeCache(file: string, make: () => Buffer): void {
  const temporary = `${file}.${randomBytes(8).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, make(), { flag: "wx", mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never made: nothing to remove.
    }
  }
}
