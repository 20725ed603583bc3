import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from "vscode-languageserver/node";
import { normalUri } from "./uris";

/** JSON-RPC's ServerNotInitialized (LSP): a request before `initialize`. */
const SERVER_NOT_INITIALIZED = -32002;
/** The fields of incoming messages that carry a URI (textDocument.uri, workspaceFolders[].uri, changes[].uri, …). */
const URI_KEYS = new Set(["uri", "rootUri", "scopeUri"]);
/** How deep a URI sits in a message's params, at most (didChangeWorkspaceFolders: params.event.added[].uri). */
const URI_DEPTH = 4;

type Streams = { reader: MessageReader; writer: MessageWriter };

/** `--socket=N` or `--socket N`: the port the client listens on, or undefined. */
function socketPort(argv: string[]): number | undefined {
  const i = argv.findIndex((a) => a === "--socket" || a.startsWith("--socket="));
  if (i < 0) return undefined;
  const value = argv[i].includes("=") ? argv[i].slice("--socket=".length) : argv[i + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--socket needs a port number from 1 to 65535, not ${JSON.stringify(value ?? "")}`);
  return port;
}

/**
 * The server's side of the connection for the stdio, IPC and socket
 * transports, read through a gate that answers every request before
 * `initialize` with ServerNotInitialized (and drops notifications but
 * `exit`), as the specification asks, and brings every URI the client sends
 * into one form (uris.ts). The socket is a connection to the client's port
 * on this machine's loopback address (loopback.ts); `--pipe` is refused.
 */
export async function clientStreams(argv: string[]): Promise<Streams> {
  if (argv.includes("--node-ipc")) return gated(new IPCMessageReader(process), new IPCMessageWriter(process));
  const port = socketPort(argv);
  if (port !== undefined) {
    const { connectLoopback } = await import("./loopback");
    const socket = await connectLoopback(port);
    socket.on("close", () => process.exit(shutdownRequested ? 0 : 1));
    return gated(new StreamMessageReader(socket), new StreamMessageWriter(socket));
  }
  if (!argv.includes("--stdio")) throw new Error("gov-report-language-server: use --stdio (the default), --node-ipc or --socket=PORT");
  // The library ends the process when stdin ends, but only for a stream it opens itself.
  for (const event of ["end", "close"]) process.stdin.on(event, () => process.exit(shutdownRequested ? 0 : 1));
  return gated(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
}

let shutdownRequested = false;

function gated(inner: MessageReader, writer: MessageWriter): Streams {
  let initializing = false;
  const reader: MessageReader = {
    onError: inner.onError,
    onClose: inner.onClose,
    onPartialMessage: inner.onPartialMessage,
    dispose: () => inner.dispose(),
    listen(callback: DataCallback): Disposable {
      return inner.listen((message) => {
        const { id, method, params } = message as Message & { id?: number | string | null; method?: string; params?: unknown };
        if (method === "initialize") initializing = true;
        if (method === "shutdown") shutdownRequested = true;
        if (!initializing && method !== undefined && method !== "exit") {
          if (id !== undefined) void writer.write({ jsonrpc: "2.0", id, error: { code: SERVER_NOT_INITIALIZED, message: "the server is not initialized" } } as Message);
          return;
        }
        if (params !== undefined) normaliseUris(params, URI_DEPTH);
        callback(message);
      });
    },
  };
  return { reader, writer };
}

function normaliseUris(value: unknown, depth: number): void {
  if (depth < 0 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) normaliseUris(item, depth - 1);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(record)) {
    if (typeof field === "string") {
      if (URI_KEYS.has(key)) record[key] = normalUri(field);
    } else normaliseUris(field, depth - 1);
  }
}
