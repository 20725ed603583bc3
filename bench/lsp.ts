import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { HEAP_PROBE, SERVER } from "./paths";

/**
 * The benchmark's LSP client: dist/server.js as a child process over stdio,
 * as VS Code runs it. Unlike the protocol tests' client
 * (test/protocol/lspClient.ts, which is tied to node:test), it stamps every
 * diagnostics notification with the time it arrived, so that the latency of
 * a change is measured from the moment it was sent, and it reads the
 * server's resident memory and, when started with the heap probe
 * (bench/heapProbe.cjs), its live heap after a forced full collection.
 */

/** The debounce the benchmark sets (govReport.debounce): 0, so nothing is to be subtracted from the latencies. */
export const DEBOUNCE_MS = 0;

export interface StartOptions {
  /** Start the server with --expose-gc and bench/heapProbe.cjs preloaded, over an IPC channel: heapAfterGC() then answers. */
  heapProbe?: boolean;
  /** The workspace folder, a path (none when absent). */
  workspaceFolder?: string;
  /** Settings the server reads beside govReport.debounce. */
  settings?: Record<string, unknown>;
}

interface Arrival {
  params: PublishDiagnosticsParams;
  at: number;
}

export class BenchClient {
  readonly connection: ProtocolConnection;
  private waiters: { accept: (a: Arrival) => boolean; resolve: (a: Arrival) => void }[] = [];
  private readonly exited: Promise<void>;
  private heapAnswers = new Map<number, (memory: NodeJS.MemoryUsage) => void>();
  private nextHeapId = 1;
  /** Every URI the server has published diagnostics for. */
  readonly diagnosed = new Set<string>();

  private constructor(
    readonly child: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    child.on("message", (m: { type?: string; id?: number; memory?: NodeJS.MemoryUsage }) => {
      if (m.type !== "heap" || m.id === undefined || !m.memory) return;
      this.heapAnswers.get(m.id)?.(m.memory);
      this.heapAnswers.delete(m.id);
    });
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      const arrival = { params, at: performance.now() };
      this.diagnosed.add(params.uri);
      this.waiters = this.waiters.filter((w) => (w.accept(arrival) ? (w.resolve(arrival), false) : true));
    });
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => ({ ...settings, debounce: DEBOUNCE_MS })));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onUnhandledNotification(() => undefined);
    this.connection.listen();
  }

  /** Starts the server and initializes it; `spawnedAt` is when the process was started. */
  static async start(options: StartOptions = {}): Promise<{ client: BenchClient; spawnedAt: number; initializedAt: number }> {
    const spawnedAt = performance.now();
    // GOV_REPORT_BENCH_SERVER_ARGS: Node options for the server, e.g. --cpu-prof to profile it under the benchmark's load.
    const nodeArgs = process.env.GOV_REPORT_BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? [];
    if (options.heapProbe) nodeArgs.push("--expose-gc", "--require", HEAP_PROBE);
    const child = spawn(process.execPath, [...nodeArgs, SERVER, "--stdio"], { stdio: ["pipe", "pipe", "ignore", ...(options.heapProbe ? ["ipc" as const] : [])] });
    const client = new BenchClient(child, options.settings ?? {});
    const folder = options.workspaceFolder ? pathToFileURL(options.workspaceFolder).href : null;
    await client.connection.sendRequest("initialize", {
      processId: process.pid,
      locale: "zh-cn",
      rootUri: folder,
      workspaceFolders: folder && [{ uri: folder, name: "workspace" }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    const initializedAt = performance.now();
    await client.connection.sendNotification("initialized", {});
    return { client, spawnedAt, initializedAt };
  }

  /** The next diagnostics for `uri` of at least `version`, and when they arrived. */
  diagnostics(uri: string, version: number): Promise<Arrival> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), 120_000);
      this.waiters.push({
        accept: (a) => a.params.uri === uri && (a.params.version ?? 0) >= version,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<Arrival> {
    const arrived = this.diagnostics(uri, version);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "gov-report", version, text } });
    return arrived;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  /** Inserts `text` at a position (an incremental change, as an editor sends a keystroke). */
  async insert(uri: string, version: number, line: number, character: number, text: string): Promise<void> {
    const at = { line, character };
    await this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text }],
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Resident set size of the server process, from /proc (Linux), in MB. */
  rssMB(): number {
    return this.statusMB("VmRSS");
  }

  /** The server's peak resident set size since it started or since resetPeakRss(), in MB. */
  peakRssMB(): number {
    return this.statusMB("VmHWM");
  }

  /** Starts the peak of peakRssMB() again from the present resident set size. */
  resetPeakRss(): void {
    writeFileSync(`/proc/${this.child.pid}/clear_refs`, "5");
  }

  private statusMB(field: string): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    const kb = Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1]);
    return kb / 1024;
  }

  /** The server main thread's memory (process.memoryUsage(), bytes) after a forced full collection (needs StartOptions.heapProbe). */
  heapAfterGC(): Promise<NodeJS.MemoryUsage> {
    if (!this.child.send) return Promise.reject(new Error("the server was not started with the heap probe"));
    const id = this.nextHeapId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the heap probe did not answer")), 30_000);
      this.heapAnswers.set(id, (memory) => {
        clearTimeout(timer);
        resolve(memory);
      });
      this.child.send!({ type: "heap", id });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 5_000))]);
      await this.connection.sendNotification("exit");
    } catch {
      /* killed below */
    }
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
