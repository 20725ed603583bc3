import * as fs from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { FileProblem, stampOf, type FileStamp } from "../node/files";

/**
 * Replacing a file without ever losing it: the new content goes to a
 * temporary file beside it, created exclusively under an unguessable name
 * (a link planted at that name is never followed), written in full, flushed
 * to disk and checked for its size; it takes the file's mode, owner and group;
 * the file is checked again for a change made since it was read; only then
 * does a rename replace the file, and the folder is flushed. Any failure
 * removes the temporary file and leaves the original as it was. Extended
 * attributes and ACLs are not carried over: Node has no call to read or set
 * them (the README says so).
 */

/** The calls that put bytes on disk; tests pass ones that fail as a full disk does. */
export interface DiskWrites {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
}

export interface WriteOptions {
  /** The file as it was read (readDraft's stamp): it is not replaced if it changed since. */
  expected?: FileStamp;
  disk?: DiskWrites;
}

const EXCLUSIVE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

const refuse = (zh: string, en: string) => new FileProblem(`${zh}，未修改 / ${en}; left unchanged`);

/**
 * Replaces a file's content. A symlink is written through to its target
 * (renaming over the link itself would replace it with a copy and leave the
 * target unfixed). A file with other hard links, a read-only file and one
 * whose owner cannot be kept are refused: a rename would split the links,
 * write where the owner said not to, or hand the file to whoever runs this.
 */
export function writeAtomically(link: string, data: Content, options: WriteOptions = {}): void {
  const path = fs.realpathSync(link);
  const st = fs.statSync(path, { bigint: true });
  if (!st.isFile()) throw refuse("不是普通文件", "not a regular file");
  if (st.nlink > 1n) throw refuse("文件有其他硬链接，替换会使链接分离", "the file has other hard links, which replacing it would split");
  if ((st.mode & 0o222n) === 0n) throw refuse("文件为只读", "the file is read-only");
  const stamp = options.expected ?? stampOf(st);
  if (stampOf(st) !== stamp) throw changedMeanwhile();
  replace(path, data, { mode: Number(st.mode & 0o7777n), uid: Number(st.uid), gid: Number(st.gid), stamp }, options.disk ?? fs);
}

/**
 * Writes an output file (check -o, import -o, export): an existing one is
 * replaced as writeAtomically replaces it (a half-written report must not take
 * its place); a new one is made the same way, so that a failed write leaves
 * nothing behind. A device or a FIFO named as the output is written directly.
 * The content may come in chunks (the review page of many reports), written as they come.
 */
export function writeOutput(path: string, data: Content, disk: DiskWrites = fs): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (st && !st.isFile()) return writeDirectly(path, data, disk);
  if (st) return writeAtomically(path, data, { disk });
  replace(resolve(path), data, {}, disk);
}

/** Whether two paths name one file (the same path, or links to it): an output must not overwrite the input it is made from. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

interface Target {
  /** The replaced file's mode; a new file has the default mode (0666 less the umask). */
  mode?: number;
  uid?: number;
  gid?: number;
  /** The replaced file as it must still be just before the rename; undefined for a new file. */
  stamp?: FileStamp;
}

/** A file's content, whole or in chunks. */
type Content = Uint8Array | Iterable<Uint8Array>;

const chunksOf = (data: Content): Iterable<Uint8Array> => (data instanceof Uint8Array ? [data] : data);

function writeDirectly(path: string, data: Content, disk: DiskWrites): void {
  const fd = fs.openSync(path, "w");
  try {
    for (const chunk of chunksOf(data)) writeFully(fd, chunk, disk);
  } finally {
    fs.closeSync(fd);
  }
}

function replace(path: string, data: Content, target: Target, disk: DiskWrites): void {
  const dir = dirname(path);
  const { fd, tmp } = createTemporary(dir, basename(path), target.mode === undefined ? 0o666 : 0o600);
  try {
    try {
      let size = 0;
      for (const chunk of chunksOf(data)) {
        writeFully(fd, chunk, disk);
        size += chunk.length;
      }
      keepOwnerAndMode(fd, target);
      disk.fsyncSync(fd);
      const written = fs.fstatSync(fd).size;
      if (written !== size) throw new FileProblem(`写入不完整（${written} / ${size} 字节），未修改 / incomplete write (${written} of ${size} bytes); left unchanged`);
    } finally {
      fs.closeSync(fd);
    }
    if (target.stamp !== undefined && currentStamp(path) !== target.stamp) throw changedMeanwhile();
    fs.renameSync(tmp, path);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  syncFolder(dir);
}

/** A new file beside the target, O_EXCL|O_NOFOLLOW under a random name: nothing planted there is opened or followed. */
function createTemporary(dir: string, name: string, mode: number): { fd: number; tmp: string } {
  for (let attempt = 0; ; attempt++) {
    const tmp = join(dir, `.${name}.${randomBytes(12).toString("hex")}.gov-report.tmp`);
    try {
      return { fd: fs.openSync(tmp, EXCLUSIVE, mode), tmp };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 8) throw e;
    }
  }
}

/** write(2) may write less than asked (a full disk, a signal): the rest is written until all is, or an error says why not. */
function writeFully(fd: number, data: Uint8Array, disk: DiskWrites): void {
  for (let offset = 0; offset < data.length; ) {
    const n = disk.writeSync(fd, data, offset, data.length - offset);
    if (n <= 0) throw new FileProblem(`写入失败（磁盘已满？），未修改 / write failed (disk full?); left unchanged`);
    offset += n;
  }
}

function keepOwnerAndMode(fd: number, target: Target): void {
  const own = fs.fstatSync(fd);
  if (target.uid !== undefined && target.gid !== undefined && (own.uid !== target.uid || own.gid !== target.gid)) {
    try {
      fs.fchownSync(fd, target.uid, target.gid);
    } catch {
      throw refuse("无法保留文件的所有者或属组（文件属于其他用户）", "cannot keep the file's owner or group (it belongs to another user)");
    }
  }
  // After chown, which clears set-id bits.
  if (target.mode !== undefined) fs.fchmodSync(fd, target.mode);
}

function currentStamp(path: string): FileStamp | undefined {
  try {
    return stampOf(fs.statSync(path, { bigint: true }));
  } catch {
    return undefined;
  }
}

const changedMeanwhile = () => refuse("文件在读取后被修改（可能有人正在编辑），请重新运行", "the file changed after it was read (someone may be editing it); run again");

/** The rename is durable only once the folder is flushed; a file system that cannot flush a folder has nothing to flush. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, fs.constants.O_RDONLY | (fs.constants.O_DIRECTORY ?? 0));
    fs.fsyncSync(fd);
  } catch {
    /* Windows, or a file system without folder fsync */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
