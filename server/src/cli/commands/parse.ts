import { modelToJson, parse } from "../../core";
import { UsageError, type Args } from "../args";
import { readDraft } from "../../node/files";

export function parseCommand(args: Args): number {
  if (args.paths.length !== 1) throw new UsageError("parse 需要一个文件 / parse takes one file");
  const model = parse(readDraft(args.paths[0]).text);
  process.stdout.write(JSON.stringify(modelToJson(model), null, 2) + "\n");
  return 0;
}

