import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { it } from "node:test";

/** docs/rules and the README's rule table are generated from the rules' metadata and must not be stale. */
it("rule documentation is up to date (npm run docs)", () => {
  const root = join(import.meta.dirname, "..", "..");
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "generate-docs.ts"), "--check"], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
});
