// The workspace the extension-host suite opens (the same under code-server and Electron):
// copies of the shared samples in samples/; the specs write any other file they need.
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { samplesDir } from "./paths";

export function prepareSuiteWorkspace(folder: string): void {
  mkdirSync(folder, { recursive: true });
  cpSync(samplesDir, join(folder, "samples"), { recursive: true });
}
