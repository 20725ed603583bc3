import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, parse as parsePath, resolve, sep } from "node:path";

/**
 * The files an absolute file pattern names: `*` and `?` stand for characters
 * of one name (never a separator), segment by segment (`乡镇/*.txt`,
 * `*局/报告.txt`). Sorted, so that a region's units come in a stable order.
 */
export function expandPattern(pattern: string): string[] {
  const absolute = isAbsolute(pattern) ? pattern : resolve(pattern);
  const root = parsePath(absolute).root;
  const segments = absolute.slice(root.length).split(/[\\/]+/).filter(Boolean);
  let paths = [root];
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const matches = /[*?]/.test(segment) ? nameMatcher(segment) : undefined;
    paths = paths.flatMap((dir) => (matches ? entries(dir).filter(matches) : [segment]).map((name) => join(dir, name))).filter((p) => (last ? isFile(p) : isDirectory(p)));
  }
  return paths.sort();
}

function nameMatcher(segment: string): (name: string) => boolean {
  const re = new RegExp(`^${segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, `[^${sep === "\\" ? "\\\\" : "/"}]*`).replace(/\?/g, ".")}$`, "u");
  return (name) => !name.startsWith(".") && re.test(name);
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const isFile = (p: string) => statSafe(p)?.isFile() === true;
const isDirectory = (p: string) => statSafe(p)?.isDirectory() === true;

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
