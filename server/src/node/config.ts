import { existsSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { dirname, join, resolve } from "node:path";
import { readConfig, type Config } from "../core";
import { FileProblem, readRegularFile, shownPath } from "./files";

/** A configuration is a few hundred bytes; a larger file is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** `.govreportrc.json` from --config, else the nearest one above the file (cached per folder). */
export class ConfigLoader {
  private cache = new Map<string, { config?: Config; path?: string }>();
  /** Folder → the .govreportrc.json that applies to its files (configPathIn). */
  private readonly folders = new Map<string, string | undefined>();
  constructor(private explicit?: string) {}

  load(path: string): { config: Config; problems: string[]; path: string } {
    const { config, problems } = readConfig(parseJson(readRegularFile(path, MAX_CONFIG_BYTES).data));
    // `previous` is relative to the config file, not to the working directory.
    if (config.previous !== undefined) config.previous = resolve(dirname(path), config.previous);
    if (config.aggregate) config.aggregate = { of: config.aggregate.of.map((p) => resolve(dirname(path), p)) };
    return { config, path, problems: problems.map((p) => `${shownPath(path)}: ${p.path || "(root)"}: ${p.message}`) };
  }

  forFile(file: string, onProblem: (msg: string) => void): Config | undefined {
    if (this.explicit) return this.cached(resolve(this.explicit), onProblem);
    const path = this.configPathIn(dirname(resolve(file)));
    return path === undefined ? undefined : this.cached(path, onProblem);
  }

  /**
   * Whether the file is a region's report by its configuration: an `aggregate`
   * applies to the reports in the configuration file's own folder, not to
   * those of the units in the folders below it.
   */
  isRegionReport(file: string, config: Config | undefined): boolean {
    if (!config?.aggregate) return false;
    const path = this.explicit ? resolve(this.explicit) : this.configPathIn(dirname(resolve(file)));
    return path !== undefined && dirname(path) === dirname(resolve(file));
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
      // Never the error's own text for a parse error: it quotes the file, which may be anything a link points at.
      const why = e instanceof FileProblem ? e.message : ((e as NodeJS.ErrnoException).code ?? "error");
      onProblem(`${shownPath(path)}: 配置文件无法读取 / cannot read config: ${why}`);
      this.cache.set(path, {});
      return undefined;
    }
  }
}


/**
 * The JSON of a config file, a UTF-8 byte order mark allowed (editors on
 * Windows save one). A syntax error is told by its line and column only.
 */
function parseJson(data: Buffer): unknown {
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  if (!isUtf8(body)) throw new FileProblem("不是 UTF-8 编码的 JSON / not UTF-8 JSON");
  const text = body.toString("utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    if (!at) throw new FileProblem("不是有效的 JSON / not valid JSON");
    const before = text.slice(0, Number(at[1])).split("\n");
    const where = `${before.length}:${before[before.length - 1].length + 1}`;
    throw new FileProblem(`不是有效的 JSON（第 ${where} 处） / not valid JSON (at line:column ${where})`);
  }
}
