import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The real drafts in ../shared/samples (read-only) and the project's own examples. */
export const SAMPLES_DIR = join(import.meta.dirname, "..", "..", "..", "shared", "samples");
export const EXAMPLES_DIR = join(import.meta.dirname, "..", "..", "examples");

export function sample(prefix: string): string {
  const name = readdirSync(SAMPLES_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no sample ${prefix} in ${SAMPLES_DIR}`);
  return readFileSync(join(SAMPLES_DIR, name), "utf8");
}

export function example(nameIncludes: string): string {
  const name = readdirSync(EXAMPLES_DIR).find((f) => f.includes(nameIncludes));
  if (!name) throw new Error(`no example matching ${nameIncludes}`);
  return readFileSync(join(EXAMPLES_DIR, name), "utf8");
}
