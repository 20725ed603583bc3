import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readConfig, type Config } from "../core";

/** `.govreportrc.json` from --config, else the nearest one above the file (cached per folder). */
export class ConfigLoader {
  private cache = new Map<string, { config?: Config; path?: string }>();
  /** Folder → the .govreportrc.json that applies to its files (configPathIn). */
  private readonly folders = new Map<string, string | undefined>();
  constructor(private explicit?: string) {}

  load(path: string): { config: Config; problems: string[]; path: string } {
    const { config, problems } = readConfig(JSON.parse(readFileSync(path, "utf8")));
    // `previous` is relative to the config file, not to the working directory.
    if (config.previous !== undefined) config.previous = resolve(dirname(path), config.previous);
    return { config, path, problems: problems.map((p) => `${path}: ${p.path || "(root)"}: ${p.message}`) };
  }

  forFile(file: string, onProblem: (msg: string) => void): Config | undefined {
    if (this.explicit) return this.cached(resolve(this.explicit), onProblem);
    const path = this.configPathIn(dirname(resolve(file)));
    return path === undefined ? undefined : this.cached(path, onProblem);
  }

  /** The nearest .govreportrc.json from a folder up, looked up once per folder: a batch's files share a few folders. */
  private configPathIn(dir: string): string | undefined {
    if (this.folders.has(dir)) return this.folders.get(dir);
    const candidate = join(dir, ".govreportrc.json");
    const up = dirname(dir);
    const found = this.cache.has(candidate) || existsSync(candidate) ? candidate : up === dir ? undefined : this.configPathIn(up);
    this.folders.set(dir, found);
    return found;
  }

  private cached(path: string, onProblem: (msg: string) => void): Config | undefined {
    const hit = this.cache.get(path);
    if (hit) return hit.config;
    try {
      const { config, problems } = this.load(path);
      problems.forEach(onProblem);
      this.cache.set(path, { config, path });
      return config;
    } catch (e) {
      onProblem(`${path}: 配置文件无法读取 / cannot read config: ${(e as Error).message}`);
      this.cache.set(path, {});
      return undefined;
    }
  }
}

