// The packaged extension: `npm run package` must produce a .vsix holding only what the extension
// runs and what users read (the allow-list of .vscodeignore), small, with every file the
// manifest refers to, and with the version pins of ../shared/E2E.md.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { after, before, describe, it } from "node:test";
import { transform } from "esbuild";
import JSZip from "jszip";

const root = join(import.meta.dirname, "../..");
const maxBytes = 1024 * 1024;

/** What may be in the package (paths inside `extension/`; vsce renames README, CHANGELOG, LICENSE). */
const allowed: RegExp[] = [
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^dist\/(client|server|docx)\.js$/,
  /^syntaxes\/[^/]+\.tmLanguage\.json$/,
  /^snippets\/[^/]+\.(json|code-snippets)$/,
  /^schemas\/[^/]+\.json$/,
  /^language-configuration\.json$/,
  /^images\/icon\.png$/,
  /^walkthrough\/[^/]+\.md$/,
  /^readme\.md$/,
  /^changelog\.md$/,
  /^LICENSE\.txt$/,
];
const required = ["package.json", "package.nls.json", "package.nls.zh-cn.json", "dist/client.js", "dist/server.js", "dist/docx.js",
  "readme.md", "changelog.md", "LICENSE.txt", "images/icon.png"];

interface Manifest {
  main: string;
  icon: string;
  displayName: string;
  engines: { vscode: string };
  contributes: {
    languages?: { configuration?: string }[];
    grammars?: { path: string }[];
    snippets?: { path: string }[];
    jsonValidation?: { url: string }[];
    walkthroughs?: { steps: { media: { markdown?: string } }[] }[];
  };
}

/** Every file of the package the manifest points at (remote schema URLs excluded). */
function referencedFiles(m: Manifest): string[] {
  const c = m.contributes;
  const paths = [m.main, m.icon, ...(c.languages ?? []).map((l) => l.configuration), ...(c.grammars ?? []).map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path), ...(c.jsonValidation ?? []).map((j) => j.url).filter((u) => !/^https?:/.test(u)),
    ...(c.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.media.markdown))];
  return paths.filter((p): p is string => p !== undefined).map((p) => posix.normalize(p));
}

describe("the packaged .vsix", () => {
  let dir: string;
  let vsix: string;
  let files: Map<string, JSZip.JSZipObject>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "gov-report-vsix-test-"));
    vsix = join(dir, "gov-report.vsix");
    execFileSync(process.execPath, [join(root, "scripts/package.mjs"), "--out", vsix], { stdio: "pipe" });
    const zip = await JSZip.loadAsync(readFileSync(vsix));
    files = new Map(Object.entries(zip.files).filter(([name, f]) => !f.dir && name.startsWith("extension/"))
      .map(([name, f]) => [name.slice("extension/".length), f]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const manifest = async () => JSON.parse(await files.get("package.json")!.async("string")) as Manifest;

  it("is released with the offline page beside it, the page the build makes", () => {
    const page = readFileSync(join(dir, "gov-report.html"), "utf8");
    assert.match(page, /^<!doctype html>/i);
    assert.match(page, /Content-Security-Policy/);
  });

  it("stays under 1 MB", () => {
    assert.ok(statSync(vsix).size < maxBytes, `${statSync(vsix).size} bytes`);
  });

  it("holds only allow-listed files: no sources, maps, tests, data or dependencies", () => {
    const unexpected = [...files.keys()].filter((name) => !allowed.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, []);
  });

  it("holds the bundles, localizations, README, CHANGELOG, LICENSE and icon", () => {
    assert.deepEqual(required.filter((name) => !files.has(name)), []);
  });

  it("holds every file its manifest refers to", async () => {
    assert.deepEqual(referencedFiles(await manifest()).filter((name) => !files.has(name)), []);
  });

  it("holds production bundles (minified, no source map reference)", async () => {
    for (const bundle of ["dist/client.js", "dist/server.js", "dist/docx.js"]) {
      const code = await files.get(bundle)!.async("string");
      assert.doesNotMatch(code, /sourceMappingURL/, bundle);
      // Minified means that minifying again finds no whitespace to remove. (Counting lines does
      // not tell: bundled libraries keep multi-line template literals.) A development bundle
      // shrinks by about 30 %; an esbuild-minified one not at all.
      const reminified = await transform(code, { loader: "js", minifyWhitespace: true, logLevel: "silent" });
      const ratio = reminified.code.length / code.length;
      assert.ok(ratio > 0.95, `${bundle} is not minified: removing its whitespace shrinks it to ${(ratio * 100).toFixed(1)} %`);
    }
  });

  it("has a display name in Chinese and in English", async () => {
    const key = /^%(.+)%$/.exec((await manifest()).displayName)?.[1];
    assert.ok(key, "displayName is localized through package.nls*.json");
    const english = JSON.parse(await files.get("package.nls.json")!.async("string"))[key];
    const chinese = JSON.parse(await files.get("package.nls.zh-cn.json")!.async("string"))[key];
    assert.match(chinese, /[\u4e00-\u9fff]/);
    assert.match(english, /^[\x20-\x7e]+$/);
  });

  it("carries the marketplace metadata: description, categories, keywords, icon, repository, license", async () => {
    const m = (await manifest()) as Manifest & Record<string, unknown>;
    assert.match(String(m.description), /^%.+%$/, "description is localized");
    assert.ok(Array.isArray(m.categories) && m.categories.includes("Linters"), "categories include Linters");
    assert.ok(Array.isArray(m.keywords) && (m.keywords as string[]).some((k) => /[\u4e00-\u9fff]/.test(k)), "Chinese keywords");
    assert.ok(files.has(m.icon), "the icon is packaged");
    assert.match(String((m.repository as { url?: string } | undefined)?.url), /^https:\/\//);
    assert.equal(m.license, "MIT");
  });

  it("has a README whose links work outside the repository (absolute, against the repository URL)", async () => {
    const readme = await files.get("readme.md")!.async("string");
    const relative = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1])
      .filter((target) => !/^(https?:|mailto:|#)/.test(target));
    assert.deepEqual(relative, []);
  });

  it("targets the VS Code of code-server, with @types/vscode pinned to the same minimum", async () => {
    const { engines } = await manifest();
    const { devDependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    assert.equal(engines.vscode, "^1.138.0");
    assert.equal(devDependencies["@types/vscode"], engines.vscode.slice(1));
  });
});
