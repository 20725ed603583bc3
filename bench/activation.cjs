"use strict";
/**
 * One activation of the extension in this fresh Node process, with `vscode`
 * answered by bench/vscodeStub.cjs; prints its times as JSON on stdout (ms,
 * from just before dist/client.js is required).
 *
 *   node bench/activation.cjs ROOT           no document open: require, then activate
 *   node bench/activation.cjs ROOT REPORT    REPORT open in the active editor (language
 *                                            gov-report): activate starts the language
 *                                            server, and the run waits for the client's
 *                                            `initialized` and the report's first diagnostics
 *
 * Timed as VS Code's extension host does it: require the bundle, call
 * activate(context), await what it returns. The language client is the
 * bundle's own (vscode-languageclient, dist/server.js forked over IPC);
 * `child_process.fork` is wrapped only to see the `initialized` notification
 * go out. Bench-only: nothing of it ships.
 */
const Module = require("node:module");
const childProcess = require("node:child_process");
const { readFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { createVscode, extensionContext, textDocument } = require("./vscodeStub.cjs");

const [root, reportPath] = process.argv.slice(2);
const TIMEOUT_MS = 30_000;

async function main() {
  const times = {};
  let start = 0;
  const stamp = (name) => (times[name] ??= performance.now() - start);

  let report;
  const stubbed = createVscode({
    root,
    onDiagnostics: (collection, uri) => {
      if (collection === "gov-report" && report && uri.toString() === report.uri.toString()) stamp("diagnostics");
    },
  });
  const { vscode } = stubbed;
  if (reportPath) {
    report = textDocument(vscode.Uri.file(reportPath), "gov-report", readFileSync(reportPath, "utf8"));
    stubbed.documents.push(report);
    // The report is in the active editor, as when VS Code opens on it.
    const editor = { document: report, selection: new vscode.Selection(0, 0, 0, 0), selections: [new vscode.Selection(0, 0, 0, 0)], visibleRanges: [new vscode.Range(0, 0, 40, 0)], options: {}, viewColumn: 1 };
    Object.assign(vscode.window, { activeTextEditor: editor, visibleTextEditors: [editor] });
    const tab = { label: reportPath.split("/").pop(), input: new vscode.TabInputText(report.uri), isActive: true, isDirty: false, isPinned: false, isPreview: false };
    const group = vscode.window.tabGroups.all[0];
    Object.assign(group, { tabs: [tab], activeTab: tab });
  }

  let server;
  const fork = childProcess.fork;
  childProcess.fork = function (...args) {
    const child = fork.apply(this, args);
    server = child;
    const send = child.send;
    child.send = function (message, ...rest) {
      if (message && message.method === "initialized") stamp("initialized");
      return send.call(this, message, ...rest);
    };
    return child;
  };

  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === "vscode" ? vscode : load.call(this, request, ...rest);
  };

  const context = extensionContext(vscode, root, join(tmpdir(), "gov-report-bench-extension"));
  start = performance.now();
  const extension = require(join(root, "dist", "client.js"));
  stamp("require");
  await extension.activate(context);
  stamp("activate");

  if (report) {
    const deadline = performance.now() + TIMEOUT_MS;
    while (times.diagnostics === undefined) {
      if (performance.now() > deadline) throw new Error(`no diagnostics within ${TIMEOUT_MS} ms (initialized: ${times.initialized ?? "no"}, server forked: ${server ? "yes" : "no"})`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  // Shut down as VS Code does: deactivate (stops the language client and its server), then the subscriptions.
  await extension.deactivate?.();
  for (const d of context.subscriptions) d.dispose?.();
  if (server && server.exitCode === null) await new Promise((resolve) => server.once("exit", resolve));
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
