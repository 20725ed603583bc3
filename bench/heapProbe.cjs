// Preloaded into the language server by the memory benchmark only (`node --expose-gc -r bench/heapProbe.cjs dist/server.js`,
// spawned with an IPC channel): on a "heap" message it forces a full garbage collection and answers with
// process.memoryUsage() taken after it, so the benchmark compares the live heap, not RSS (V8 grows its heap lazily
// and keeps it). Nothing of this is in the server bundle: a client of the shipped server cannot force a collection.
"use strict";
const { isMainThread } = require("node:worker_threads");

// The server's check worker runs the same bundle and inherits the preload: only the main thread answers.
if (isMainThread && typeof process.send === "function" && typeof global.gc === "function") {
  process.on("message", (m) => {
    if (m?.type !== "heap") return;
    global.gc();
    process.send({ type: "heap", id: m.id, memory: process.memoryUsage() });
  });
  // The channel must not keep the server alive once its client has gone (it exits when stdin closes).
  process.channel?.unref();
}
