/**
 * Security: drafts and .govreportrc.json are data, never code; the config is
 * validated against its shape with each problem's location; the bundles
 * cannot open a network connection; the HTML the CLI writes and the preview
 * the server renders escape the document's text, load nothing remote and run
 * only their own nonce'd script; the extension declares how it behaves in
 * untrusted and virtual workspaces.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { readConfig } from "../../server/src/core";
import { CLI, runCli, tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { fileUri, LspTestClient } from "../protocol/lspClient";

const ROOT = join(import.meta.dirname, "..", "..");
const NETWORK = "net|http|https|tls|dgram|dns|http2|undici";

/** Text that would run, load or inject something if any of it were executed or pasted into HTML unescaped. */
function hostile(marker: string): string[] {
  return [
    `<script>require("fs").writeFileSync(${JSON.stringify(marker)}, "script")</script>`,
    `"><img src=x onerror="alert(1)"><a href="javascript:alert(2)">链接</a>`,
    `' onmouseover='alert(3)' x='`,
    `<link rel="stylesheet" href="https://evil.example/x.css"><iframe src="https://evil.example/"></iframe>`,
    `\${require("fs").writeFileSync(${JSON.stringify(marker)}, "template")}`,
    `{{constructor.constructor("require('fs').writeFileSync('${marker}', 'mustache')")()}}`,
    `</textarea></style></title><!-- -->&amp;&lt;`,
  ];
}

/** Sample 003 with the hostile lines in the overview and in a table cell (its finding quotes the cell). */
function hostileDraft(marker: string): string {
  const lines = hostile(marker);
  return sample("003")
    .replace("一、总体情况\n", `一、总体情况\n${lines.join("\n")}\n`)
    .replace(/(\n规章\t)[^\t\n]*/, `$1${lines[1]}`);
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, "text/html");
const elements = (root: { getElementsByTagName(tag: string): ArrayLike<Element> }) => Array.from(root.getElementsByTagName("*"));

/** No event handler attribute, no script but the page's own, nothing loaded from elsewhere. */
function assertInert(html: string, ownScripts: number, what: string): void {
  const doc = parseHtml(html);
  const all = elements(doc);
  for (const e of all)
    for (const a of Array.from(e.attributes)) {
      assert.ok(!/^on/i.test(a.name), `${what}: <${e.tagName} ${a.name}> is an event handler`);
      if (/^(src|href|action|formaction|srcset|poster|data)$/i.test(a.name))
        assert.ok(!/^\s*(https?:|javascript:|data:|\/\/)/i.test(a.value), `${what}: <${e.tagName} ${a.name}="${a.value}"> loads or runs something`);
    }
  for (const tag of ["iframe", "img", "link", "object", "embed", "base", "form"])
    assert.equal(all.filter((e) => e.tagName.toLowerCase() === tag).length, 0, `${what}: a <${tag}> element`);
  assert.equal(all.filter((e) => e.tagName.toLowerCase() === "script").length, ownScripts, `${what}: scripts`);
  assert.ok(!/@import|url\(\s*['"]?(https?:|\/\/)/i.test(html), `${what}: a stylesheet loads something remote`);
}

describe("nothing in a draft or a config is executed", () => {
  it("checking and fixing a hostile draft runs none of it", () => {
    const dir = tempDir();
    const marker = join(dir, "executed");
    const draft = join(dir, "hostile.txt");
    writeFileSync(draft, hostileDraft(marker));
    runCli(["check", draft]);
    runCli(["check", "--format", "html", "-o", join(dir, "page.html"), draft]);
    runCli(["parse", "--json", draft]);
    runCli(["fix", draft]);
    assert.ok(!existsSync(marker), "the draft's code ran");
  });

  it(".govreportrc.json is plain JSON checked against its shape: unknown keys and wrong types are named by location, nothing is evaluated", () => {
    const dir = tempDir();
    const marker = join(dir, "executed");
    writeFileSync(join(dir, "draft.txt"), sample("003"));
    const rc = {
      rules: { "title-missing": 5, "no-such-rule": "off", __proto__: "off", constructor: "error", "table-cell-format": "off" },
      locale: ["en"],
      previous: { toString: `require("fs").writeFileSync(${JSON.stringify(marker)}, "")` },
      extends: "./other.json",
      plugins: [`${marker}.js`],
    };
    // JSON.stringify drops __proto__ as a literal key: the raw text carries it.
    writeFileSync(join(dir, ".govreportrc.json"), JSON.stringify(rc).replace('"rules":{', '"rules":{"__proto__":"off",'));
    writeFileSync(`${marker}.js`, `require("fs").writeFileSync(${JSON.stringify(marker)}, "plugin")`);
    const r = runCli(["check", "--format", "json", join(dir, "draft.txt")]);
    assert.equal(r.status, 2);
    for (const location of ["rules.title-missing", "rules.no-such-rule", "rules.__proto__", "rules.constructor", "locale", "previous", "extends", "plugins"])
      assert.match(r.stderr, new RegExp(`\\.govreportrc\\.json: ${location.replace(/[.$]/g, "\\$&")}: `), `a message at ${location}`);
    // The valid part still applies.
    assert.ok(!JSON.parse(r.stdout)[0].diagnostics.some((d: { rule: string }) => d.rule === "table-cell-format"));
    assert.ok(!existsSync(marker), "the config's code ran");
  });

  it("readConfig neither pollutes prototypes nor keeps anything it did not validate", () => {
    const { config, problems } = readConfig(JSON.parse('{"__proto__": {"polluted": true}, "rules": {"__proto__": {"polluted": true}, "toString": "off"}}'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(config.rules), []);
    assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
    assert.deepEqual(problems.map((p) => p.path).sort(), ["__proto__", "rules.__proto__", "rules.toString"]);
  });
});

describe("no network", () => {
  it("the bundles import no network module and use no fetch, WebSocket or XMLHttpRequest", () => {
    const bundles = ["cli.js", "cli-main.js", "server.js", "client.js", "docx.js"].map((name) => join(ROOT, "dist", name));
    for (const bundle of bundles) {
      assert.ok(existsSync(bundle), `${bundle} is missing: run npm run build`);
      const code = readFileSync(bundle, "utf8");
      const patterns = [
        new RegExp(`require\\(\\s*["'\`](node:)?(${NETWORK})(/[^"'\`]*)?["'\`]\\s*\\)`),
        new RegExp(`\\bfrom\\s*["'](node:)?(${NETWORK})(/[^"']*)?["']`),
        new RegExp(`\\bimport\\(\\s*["'](node:)?(${NETWORK})(/[^"']*)?["']`),
        /(?<![\w.$])fetch\s*\(/,
        /\bnew\s+WebSocket\b/,
        /\bXMLHttpRequest\b/,
        /\bnew\s+EventSource\b/,
      ];
      for (const p of patterns) {
        const m = p.exec(code);
        assert.equal(m, null, `${bundle}: ${m?.[0]} near ${JSON.stringify(code.slice(Math.max(0, (m?.index ?? 0) - 80), (m?.index ?? 0) + 80))}`);
      }
    }
    assert.equal(CLI, bundles[0]);
  });
});

describe("HTML: escaped text, strict CSP with nonces, nothing remote", () => {
  it("the CLI's review page", () => {
    const dir = tempDir();
    const marker = join(dir, "executed");
    const draft = join(dir, "hostile.txt");
    writeFileSync(draft, hostileDraft(marker));
    const pages = [1, 2].map((n) => {
      const out = join(dir, `page${n}.html`);
      const r = runCli(["check", "--format", "html", "-o", out, draft]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return readFileSync(out, "utf8");
    });
    const nonces = pages.map((html) => {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
      assert.ok(csp, "a CSP");
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-|\*|https?:|data:/);
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce && nonce.length >= 16, "a script nonce");
      for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), `${tag} carries the nonce`);
      assertInert(html, 1, "review page");
      // The page quotes the lines its findings stand on: the hostile table cell among them.
      const text = parseHtml(html).documentElement!.textContent ?? "";
      assert.ok(text.includes(hostile(marker)[1]), "the hostile cell is quoted as text");
      return nonce;
    });
    assert.notEqual(nonces[0], nonces[1], "a fresh nonce per page");
  });

  it("the preview the server renders for the webview", async () => {
    const client = await LspTestClient.start();
    const uri = fileUri("hostile-preview.govreport");
    const marker = "/nonexistent/executed";
    client.open(uri, hostileDraft(marker));
    await client.diagnostics(uri);
    const preview = await client.request<{ html: string } | null>("govReport/preview", { uri });
    assert.ok(preview, "a preview");
    assertInert(`<html><body>${preview.html}</body></html>`, 0, "preview");
    const text = parseHtml(`<html><body>${preview.html}</body></html>`).documentElement!.textContent ?? "";
    for (const line of hostile(marker)) assert.ok(text.includes(line), `shown as text: ${line}`);
  });

  it("the preview webview's page: strict CSP, every script and style under the nonce, no local resources", () => {
    const source = readFileSync(join(ROOT, "client", "src", "preview.ts"), "utf8");
    const csp = /const csp = `([^`]*)`/.exec(source)?.[1];
    assert.ok(csp, "preview.ts builds a CSP");
    assert.match(csp, /^default-src 'none'; /);
    assert.doesNotMatch(csp, /unsafe-|\*|https?:|data:|\$\{(?!nonce\})/);
    assert.match(source, /<meta http-equiv="Content-Security-Policy" content="\$\{csp\}">/);
    const tags = source.match(/<(script|style)\b[^>]*>/g) ?? [];
    assert.ok(tags.length >= 2);
    for (const tag of tags) assert.ok(tag.includes('nonce="${nonce}"'), `${tag} carries the nonce`);
    assert.match(source, /randomBytes\(16\)/, "a fresh random nonce per page");
    assert.match(source, /localResourceRoots: \[\]/);
  });
});

describe("workspace trust", () => {
  it("the extension declares its support for untrusted and virtual workspaces", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
    assert.ok(["limited", true, false].includes(pkg.capabilities?.virtualWorkspaces?.supported));
    if (pkg.capabilities.virtualWorkspaces.supported === "limited") assert.ok(pkg.capabilities.virtualWorkspaces.description);
  });
});
