import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The layers point one way: core ← docx ← node I/O ← adapters (CLI, language server); the
 * VS Code client is separate and shares only the pure core and the protocol definitions; the
 * offline page runs in a browser on the core and the Word side alone.
 * This test reads the import graph of the TypeScript sources so that it stays that way.
 */

const root = resolve(__dirname, "../..");

type Layer = "core" | "docx" | "node" | "cli" | "server" | "protocol" | "client" | "page";

/** What each layer may import, besides itself and packages. */
const ALLOWED: Record<Layer, Layer[]> = {
  core: [],
  docx: ["core"],
  node: ["core", "docx"],
  cli: ["core", "docx", "node"],
  server: ["core", "docx", "node", "protocol"],
  protocol: ["core"],
  client: ["core", "protocol"],
  page: ["core", "docx"],
};

/** Packages a layer may not import: the core is pure, only the adapters speak LSP or vscode. */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  core: /^(node:|vscode|@vscode|jszip|@xmldom|docx$)/,
  docx: /^(node:|vscode)/,
  node: /^(vscode)/,
  cli: /^(vscode)/,
  protocol: /^(node:|vscode|@vscode)/,
  page: /^(node:|vscode|@vscode)/,
};

const PROTOCOL_FILE = /^server\/src\/server\/(protocol|\w+Protocol)\.ts$/;

function layerOf(file: string): Layer | undefined {
  if (PROTOCOL_FILE.test(file)) return "protocol";
  const m = /^(?:server\/src\/(core|docx|node|cli|server|page)|(client)\/src)\//.exec(file);
  return (m?.[1] ?? m?.[2]) as Layer | undefined;
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|(?:^|[^.\w])import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm;

function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) found.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function resolveImport(from: string, spec: string): string {
  const base = resolve(root, dirname(from), spec);
  const candidates = [`${base}.ts`, join(base, "index.ts"), base];
  const files = new Set(allFiles);
  for (const c of candidates) {
    const rel = relative(root, c);
    if (files.has(rel)) return rel;
  }
  return relative(root, base);
}

type Edge = { from: string; to: string };

/** The edges that run against ALLOWED or FORBIDDEN_PACKAGES. */
function violations(edges: Edge[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of edges) {
    const source = layerOf(from);
    if (!source) continue;
    if (!to.includes("/") || !/^(server|client|test|bench|scripts)\//.test(to)) {
      if (FORBIDDEN_PACKAGES[source]?.test(to)) bad.push(`${from} → ${to} (package not allowed in ${source})`);
      continue;
    }
    const target = layerOf(to);
    if (target === source) continue;
    if (!target || !ALLOWED[source].includes(target)) bad.push(`${from} → ${to} (${source} may not import ${target ?? "this"})`);
  }
  return bad;
}

const allFiles = [...sourceFiles("server/src"), ...sourceFiles("client/src")];

function graph(): Edge[] {
  const edges: Edge[] = [];
  for (const file of allFiles) {
    for (const spec of importsOf(readFileSync(join(root, file), "utf8"))) {
      edges.push({ from: file, to: spec.startsWith(".") ? resolveImport(file, spec) : spec });
    }
  }
  return edges;
}

describe("layers", () => {
  it("every source file belongs to a layer", () => {
    assert.deepEqual(allFiles.filter((f) => !layerOf(f)), []);
  });

  it("reads the imports of a file in every form the sources use", () => {
    const found = importsOf(
      [
        'import { a } from "../core";',
        'import type { B } from "./b";',
        'export { c } from "../c";',
        "import {\n  d,\n  e,\n} from '../d';",
        'const f = await import("./f");',
        'export type G = typeof import("./g");',
        'const h = require("node:fs");',
        'import "./side-effect";',
      ].join("\n"),
    );
    assert.deepEqual(found, ["../core", "./b", "../c", "../d", "./f", "./g", "node:fs", "./side-effect"]);
  });

  it("finds an import that runs against the layers", () => {
    assert.deepEqual(
      violations([
        { from: "server/src/server/workspace.ts", to: "server/src/cli/job.ts" },
        { from: "server/src/core/parser/index.ts", to: "node:fs" },
        { from: "server/src/core/parser/index.ts", to: "server/src/docx/index.ts" },
        { from: "client/src/extension.ts", to: "server/src/server/session.ts" },
        { from: "server/src/cli/main.ts", to: "server/src/node/files.ts" },
        { from: "client/src/extension.ts", to: "server/src/server/protocol.ts" },
      ]).length,
      4,
    );
  });

  it("no import in the sources runs against the layers", () => {
    const edges = graph();
    assert.ok(edges.length > 300, `read ${edges.length} imports`);
    assert.deepEqual(violations(edges), []);
  });
});
