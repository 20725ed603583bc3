import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after } from "node:test";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowDocumentParams,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { applyEdits } from "../../server/src/core";
import { CLIENT_COMMANDS, STATUS_NOTIFICATION, type ReportStatus } from "../../server/src/server/protocol";

/**
 * A minimal LSP client for the protocol tests: it starts the bundled server
 * (dist/server.js) as a child process, speaks JSON-RPC over its stdio, answers
 * the server's requests for settings, and records every diagnostics
 * notification so tests can wait for the one they need.
 */

const ROOT = join(import.meta.dirname, "..", "..");
export const SERVER = join(ROOT, "dist", "server.js");
const WAIT_MS = 20_000;
const REFRESH_REQUESTS = ["workspace/inlayHint/refresh", "workspace/codeLens/refresh"] as const;

export interface StartOptions {
  settings?: Record<string, unknown>;
  locale?: string;
  workspaceFolder?: string;
  /** More workspace folders after the first (a multi-root workspace). */
  moreFolders?: string[];
  /**
   * Folder-level settings, by folder path: a configuration request whose
   * scopeUri lies in that folder gets them over `settings` (as VS Code
   * answers for resource-scoped settings).
   */
  folderSettings?: Record<string, Record<string, unknown>>;
  /** What the client says it can take, instead of VS Code's (VSCODE_CLIENT); without workspace.configuration, start() does not wait for a settings read. */
  client?: { capabilities: ClientCapabilities; initializationOptions?: unknown };
}

/** What the VS Code client says it can take, as far as the server asks. */
export const VSCODE_CLIENT: { capabilities: ClientCapabilities; initializationOptions: unknown } = {
  capabilities: {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      inlayHint: { refreshSupport: true },
      codeLens: { refreshSupport: true },
    },
    textDocument: {
      publishDiagnostics: { versionSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source"] } } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      hover: { contentFormat: ["markdown", "plaintext"] },
      completion: { completionItem: { documentationFormat: ["markdown", "plaintext"], snippetSupport: true } },
    },
    window: { showDocument: { support: true } },
  },
  initializationOptions: { commands: CLIENT_COMMANDS, pushDiagnostics: true },
};

export class LspTestClient {
  readonly connection: ProtocolConnection;
  settings: Record<string, unknown>;
  /** Folder-level settings by folder URI (see StartOptions.folderSettings). */
  folderSettings: Record<string, Record<string, unknown>> = {};
  /** The scopeUri of every configuration item the server asked for (undefined: the window's). */
  readonly settingsScopes: (string | undefined)[] = [];
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly statuses: ReportStatus[] = [];
  /** Refresh requests the server sent (workspace/inlayHint/refresh, workspace/codeLens/refresh), in order. */
  private readonly refreshes: string[] = [];
  private readonly waiters: (() => void)[] = [];
  /** Edits the server asked the client to apply (workspace/applyEdit), and documents to show (window/showDocument). */
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  private readonly exited: Promise<number | null>;
  /** How many times the server pulled its settings. */
  private settingsServed = 0;

  private constructor(private readonly child: ChildProcess, settings: Record<string, unknown>) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => this.record(() => this.published.push(p)));
    this.connection.onNotification(STATUS_NOTIFICATION, (p: ReportStatus) => this.record(() => this.statuses.push(p)));
    this.connection.onRequest("workspace/configuration", (p: { items: { section?: string; scopeUri?: string }[] }) => {
      this.record(() => {
        this.settingsServed++;
        this.settingsScopes.push(...p.items.map((i) => i.scopeUri));
      });
      return p.items.map(({ scopeUri }) => {
        const folder = Object.keys(this.folderSettings).find((f) => scopeUri === f || scopeUri?.startsWith(`${f}/`));
        return folder ? { ...this.settings, ...this.folderSettings[folder] } : this.settings;
      });
    });
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/showMessageRequest", () => null);
    this.connection.onRequest("workspace/applyEdit", (p: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(p.edit);
      return { applied: true };
    });
    this.connection.onRequest("window/showDocument", (p: ShowDocumentParams) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    for (const method of REFRESH_REQUESTS)
      this.connection.onRequest(method, () => {
        this.record(() => this.refreshes.push(method));
        return null;
      });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    ensureBuilt();
    const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const client = new LspTestClient(child, { debounce: 0, ...options.settings });
    after(() => client.stop());
    for (const [path, settings] of Object.entries(options.folderSettings ?? {})) client.folderSettings[pathToFileURL(path).href] = settings;
    const folder = options.workspaceFolder ? pathToFileURL(options.workspaceFolder).href : null;
    const folders = folder ? [folder, ...(options.moreFolders ?? []).map((f) => pathToFileURL(f).href)] : [];
    const { capabilities, initializationOptions } = options.client ?? VSCODE_CLIENT;
    await client.connection.sendRequest("initialize", {
      processId: process.pid,
      initializationOptions,
      locale: options.locale ?? "zh-cn",
      rootUri: folder,
      workspaceFolders: folder ? folders.map((uri, i) => ({ uri, name: i ? `workspace${i + 1}` : "workspace" })) : null,
      capabilities,
    });
    await client.connection.sendNotification("initialized", {});
    if (!capabilities.workspace?.configuration) return client;
    // Settings pulled before any document opens: no check runs with the defaults the test did not ask for.
    await client.waitFor(() => (client.settingsServed > 0 ? true : undefined), "the server to read its settings");
    return client;
  }

  open(uri: string, text: string, languageId = "gov-report", version = 1): void {
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a change without a range). */
  change(uri: string, version: number, text: string): void {
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    void this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Changes the settings the server pulls, and tells it so. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = { ...this.settings, ...settings };
    await this.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
  }

  /** The first diagnostics for `uri` (published after `since`) that satisfy `accept`. */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.slice(since).find((p) => p.uri === uri && accept(p)), `diagnostics for ${uri}`);
  }

  /** How many diagnostics notifications have arrived so far (a marker for `diagnostics(…, since)`). */
  get diagnosticsCount(): number {
    return this.published.length;
  }

  /** Every diagnostics notification (after `since`) whose URI satisfies `match`. */
  publishedWhere(match: (uri: string) => boolean, since = 0): PublishDiagnosticsParams[] {
    return this.published.slice(since).filter((p) => match(p.uri));
  }

  allDiagnostics(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** How many refresh requests have arrived so far (a marker for `refreshed(…, since)`). */
  get refreshCount(): number {
    return this.refreshes.length;
  }

  /** Resolves when the server has asked the client to refresh `method`'s results (after `since`). */
  refreshed(method: (typeof REFRESH_REQUESTS)[number], since = 0): Promise<string> {
    return this.waitFor(() => this.refreshes.slice(since).find((m) => m === method), method);
  }

  /** The first status notification for `uri` that satisfies `accept`. */
  status(uri: string, accept: (s: ReportStatus) => boolean = () => true): Promise<ReportStatus> {
    return this.waitFor(() => this.statuses.find((s) => s.uri === uri && accept(s)), `status of ${uri}`);
  }

  /** Sends shutdown and exit, and waits for the process to end (killing it if it does not). */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    try {
      await withTimeout(this.connection.sendRequest("shutdown"), 5_000, "shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      /* the server is gone or stuck: killed below */
    }
    const code = await Promise.race([this.exited, delay(5_000).then(() => "timeout" as const)]);
    if (code === "timeout") {
      this.child.kill("SIGKILL");
      return this.exited;
    }
    this.connection.dispose();
    return code;
  }

  /** Closes the server's stdin as a client that vanished would, and waits for it to exit. */
  async vanish(): Promise<number | null> {
    this.child.stdin!.end();
    const code = await Promise.race([this.exited, delay(WAIT_MS).then(() => "timeout" as const)]);
    if (code === "timeout") {
      this.child.kill("SIGKILL");
      throw new Error("the server did not exit when its client vanished");
    }
    this.connection.dispose();
    return code;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private record(push: () => void): void {
    push();
    this.waiters.splice(0).forEach((w) => w());
  }

  private waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
      const check = () => {
        const hit = find();
        if (hit !== undefined) {
          clearTimeout(timer);
          resolve(hit);
        } else this.waiters.push(check);
      };
      check();
    });
  }
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const { text: out, applied } = applyEdits(text, edits);
  if (applied !== edits.length) throw new Error(`only ${applied} of ${edits.length} edits could be applied (they overlap)`);
  return out;
}

export const fileUri = (name: string) => pathToFileURL(join("/tmp", "gov-report-protocol", name)).href;

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, delay(ms).then(() => Promise.reject(new Error(`${what} timed out`)))]);
}

/** Builds the bundles when dist/server.js is missing or older than a source file (one build at a time across test files). */
export function ensureBuilt(): void {
  if (!isStale()) return;
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const lock = join(ROOT, "dist", ".protocol-build.lock");
  // A lock left by a test run that was killed mid-build is taken over after a while.
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch {
      if (Date.now() > deadline) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (isStale()) execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "inherit" });
  } finally {
    rmSync(lock, { force: true });
  }
}

function isStale(): boolean {
  if (!existsSync(SERVER)) return true;
  const built = statSync(SERVER).mtimeMs;
  return newestSource(join(ROOT, "server", "src")) > built;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
