import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Config } from "../core";
import { ConfigLoader } from "../node/config";

/**
 * `.govreportrc.json`, found and read exactly as the CLI does (the nearest
 * one above the document). Untitled documents use the first workspace
 * folder's. `reload()` forgets everything read, for when a file changes.
 */
export class RcFiles {
  private loader = new ConfigLoader();

  constructor(
    private readonly folders: () => string[],
    private readonly onProblem: (message: string) => void,
  ) {}

  forDocument(uri: string): Config | undefined {
    const path = uri.startsWith("file:") ? fileURLToPath(uri) : this.untitledPath();
    return path ? this.loader.forFile(path, this.onProblem) : undefined;
  }

  reload(): void {
    this.loader = new ConfigLoader();
  }

  private untitledPath(): string | undefined {
    const folder = this.folders().find((f) => f.startsWith("file:"));
    return folder ? join(fileURLToPath(folder), "untitled") : undefined;
  }
}
