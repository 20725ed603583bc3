// code-server starts helper processes (extension host, file watcher, language server) that outlive
// it when only its main process is killed. It therefore runs as the leader of its own process
// group, and stopping it signals the whole group.
import { type ChildProcess, spawn, type SpawnOptions } from "node:child_process";
import { waitUntil } from "./wait";

/** Starts `command` in a new process group (detached: the child calls setsid). */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(command, args, { ...options, detached: true });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM to the group; SIGKILL to whatever is left after `graceMs`. */
export async function stopGroup(pgid: number, graceMs = 10_000): Promise<void> {
  signalGroup(pgid, "SIGTERM");
  if (!(await waitUntil(() => !groupAlive(pgid), graceMs))) signalGroup(pgid, "SIGKILL");
}
