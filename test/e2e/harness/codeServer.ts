// A fresh code-server (a full VS Code 1.139.1 served to the browser) for one run: its own user
// data, extensions and XDG folders inside the run's temporary folder, bound to a loopback port
// the system picks, without any gallery. See ../shared/E2E.md for why it is run this way.
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeServerBin, node24Bin } from "./paths";
import { spawnGroup, stopGroup } from "./processGroup";
import { waitUntil, withTimeout } from "./wait";

export interface EditorDirs {
  config: string;
  userData: string;
  extensions: string;
  /** XDG data/config/cache home, so that nothing is written into the real home folder. */
  xdgHome: string;
  /** Holds the process group id while code-server runs; test/e2e/run.sh kills that group on exit. */
  pgidFile: string;
}

/** User settings that keep the editor quiet and offline: no telemetry, updates, AI panels or git. */
const userSettings = {
  "telemetry.telemetryLevel": "off",
  "workbench.startupEditor": "none",
  // The extension is installed afresh each run: its walkthrough would open when it likes and take the active editor from a test.
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "git.enabled": false,
};

export function prepareEditorDirs(root: string): EditorDirs {
  const dirs: EditorDirs = {
    config: join(root, "config.yaml"),
    userData: join(root, "user-data"),
    extensions: join(root, "extensions"),
    xdgHome: join(root, "xdg"),
    pgidFile: join(root, "code-server.pgid"),
  };
  mkdirSync(join(dirs.userData, "User"), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  mkdirSync(dirs.xdgHome, { recursive: true });
  writeFileSync(dirs.config, "");
  writeFileSync(join(dirs.userData, "User/settings.json"), JSON.stringify(userSettings, null, 2));
  return dirs;
}

function folderArgs(dirs: EditorDirs): string[] {
  return ["--config", dirs.config, "--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
}

export function editorEnv(dirs: EditorDirs, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${node24Bin}:${process.env.PATH}`,
    EXTENSIONS_GALLERY: "{}",
    XDG_DATA_HOME: dirs.xdgHome,
    XDG_CONFIG_HOME: dirs.xdgHome,
    XDG_CACHE_HOME: dirs.xdgHome,
    ...extra,
  };
}

/** Installs a .vsix the way a user does; returns the folder it was unpacked into. */
export function installExtension(dirs: EditorDirs, vsix: string, extensionId: string): string {
  execFileSync(codeServerBin, [...folderArgs(dirs), "--install-extension", vsix], {
    env: editorEnv(dirs),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const installed = readdirSync(dirs.extensions).find((name) => name.startsWith(`${extensionId}-`));
  if (!installed) throw new Error(`${vsix} was installed but no ${extensionId}-* folder is in ${dirs.extensions}`);
  return join(dirs.extensions, installed);
}

export class CodeServer {
  private constructor(
    private readonly process: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A path on this machine as the browser workbench addresses it (extension and test locations). */
  remoteUri(path: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${path}`;
  }

  /** `extraEnv` reaches the extension host (it inherits code-server's environment). */
  static async start(dirs: EditorDirs, extraEnv: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
    const args = [
      ...folderArgs(dirs),
      "--auth", "none",
      "--bind-addr", "127.0.0.1:0",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      // Without it VS Code silently ignores the extension-test payload of the workbench URL.
      "--vscode-option", "enable-smoke-test-driver",
    ];
    const child = spawnGroup(codeServerBin, args, { env: editorEnv(dirs, extraEnv), stdio: ["ignore", "pipe", "pipe"] });
    writeFileSync(dirs.pgidFile, String(child.pid));
    const output = collectOutput(child);
    try {
      const port = await withTimeout(listeningPort(child), 60_000, "code-server did not start listening within 60 s");
      const server = new CodeServer(child, port);
      await server.waitHealthy();
      return server;
    } catch (e) {
      await stopGroup(child.pid!);
      throw new Error(`${(e as Error).message}\n--- code-server output ---\n${output.join("")}`);
    }
  }

  private async waitHealthy(): Promise<void> {
    const probe = () => fetch(`${this.url}/healthz`).then((r) => r.ok, () => false);
    if (!(await waitUntil(probe, 30_000, 250))) throw new Error(`${this.url}/healthz did not answer within 30 s`);
  }

  async stop(): Promise<void> {
    if (this.process.pid !== undefined) await stopGroup(this.process.pid);
  }
}

function collectOutput(child: ChildProcess): string[] {
  const chunks: string[] = [];
  child.stdout!.on("data", (d: Buffer) => chunks.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => chunks.push(d.toString()));
  return chunks;
}

/** code-server prints the address it bound ("HTTP server listening on http://127.0.0.1:41437/"). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (d: Buffer) => {
      seen += d.toString();
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`code-server exited with ${code} before listening`)));
  });
}
