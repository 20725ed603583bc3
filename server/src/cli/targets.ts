import { statSync } from "node:fs";
import { walk } from "../node/files";
import type { FileResult } from "./output";

export interface Target {
  file: string;
  /** Given explicitly (checked even when it is not a report) or found in a folder. */
  explicit: boolean;
  /** Found in a folder: the folder as named on the command line. */
  folder?: string;
}

export function collect(paths: string[], problems: FileResult[]): Target[] {
  const targets: Target[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push({ file: p, findings: [], problem: `无法访问 / cannot access: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (st.isDirectory()) {
      for (const f of walk(p, (file, message) => problems.push({ file, findings: [], problem: message }))) targets.push({ file: f, explicit: false, folder: p });
    } else targets.push({ file: p, explicit: true });
  }
  return targets;
}

