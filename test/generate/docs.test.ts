import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { DOCS_BASE } from "../../server/src/core/docs";

/**
 * docs/rules and the README's rule table are generated from the rules' metadata, the README's
 * performance table from bench/results.json: none may be stale.
 */
it("rule documentation and the README's rule and performance tables are up to date (npm run docs)", () => {
  const root = join(import.meta.dirname, "..", "..");
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "generate-docs.ts"), "--check"], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
});

/** Diagnostics link to the rule pages of the repository the manifest names (one address, not two). */
it("rule documentation links point into the manifest's repository", () => {
  const root = join(import.meta.dirname, "..", "..");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { repository: { url: string } };
  assert.ok(DOCS_BASE.startsWith(manifest.repository.url.replace(/\.git$/, "") + "/"), `${DOCS_BASE} is not under ${manifest.repository.url}`);
});
