// `npm ci` must run without an engine warning on the Node the README names (engines.node of package.json):
// every package the lockfile installs accepts the lowest Node version the project supports.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import semver from "semver";

const root = join(import.meta.dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe("engines", () => {
  const lowest = semver.minVersion(manifest.engines.node)!;

  it("the project names a lowest Node version", () => {
    assert.ok(lowest, `engines.node ${manifest.engines.node}`);
  });

  it("every locked package runs on that Node", () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(lowest, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, "")}@${p.version}: node ${(p.engines as { node: string }).node}`);
    assert.deepEqual(refused, [], `packages that would warn on Node ${lowest}`);
  });
});
