import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
export const MANIFEST = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string };

/** npm in the project folder; its output. */
export function npm(args: string[]): string {
  return execFileSync("npm", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
}

/**
 * The project packed with `npm pack` (the bundles in dist/ as built) and
 * installed with `npm i -g --prefix DIR/prefix`, offline: the package
 * depends on nothing. Returns npm's output and the folder of the commands.
 */
export function installPacked(dir: string): { status: number | null; stdout: string; stderr: string; bin: string } {
  npm(["pack", "--ignore-scripts", "--pack-destination", dir]);
  const tarball = join(dir, `${MANIFEST.name}-${MANIFEST.version}.tgz`);
  const prefix = join(dir, "prefix");
  const r = spawnSync("npm", ["i", "-g", "--prefix", prefix, "--no-audit", "--no-fund", "--offline", tarball], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, bin: join(prefix, "bin") };
}
