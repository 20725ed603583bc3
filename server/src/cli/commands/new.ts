import { renderReport } from "../../core";
import { option, UsageError, type Args } from "../args";

export function newCommand(args: Args): number {
  const year = Number(args.options.get("--year"));
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new UsageError("--year 应为四位年份 / --year must be a year such as 2025");
  const format = args.options.get("--format");
  if (format !== undefined && format !== "2019" && format !== "2021") throw new UsageError("--format 应为 2019 或 2021 / --format must be 2019 or 2021");
  process.stdout.write(renderReport({ year, organ: option(args, "--organ"), format: format as "2019" | "2021" | undefined }));
  return 0;
}

