import { chmodSync, closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes through a temporary file and an atomic rename, keeping the file's
 * permissions. A symlink is written through to its target (renaming over the
 * link itself would replace it with a copy and leave the target unfixed).
 */
export function writeAtomically(link: string, data: Buffer): void {
  const path = realpathSync(link);
  const tmp = join(dirname(path), `.${basename(path)}.gov-report-${process.pid}.tmp`);
  const mode = statSync(path).mode & 0o7777;
  const fd = openSync(tmp, "w", mode);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

/** Writes an output file: atomically over an existing one (a half-written report must not replace it), directly when new. */
export function writeOutput(path: string, data: Buffer): void {
  if (existsSync(path)) writeAtomically(path, data);
  else writeFileSync(path, data);
}
