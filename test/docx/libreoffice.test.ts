import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { checkText } from "../../server/src/core";
import { exportDocx } from "../../server/src/docx";
import { tempDir } from "../helpers/cli";
import { CLEAN_2021 } from "../helpers/mutate";

/**
 * A real consumer opens the exported file: LibreOffice converts it to PDF
 * (scripts/setup-system.sh installs it) and the PDF's text, read back with
 * pdftotext, has the title and every row of figures of table 三.
 */

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  assert.equal(r.error, undefined, `${command} could not run (scripts/setup-system.sh installs it): ${r.error?.message}`);
  assert.equal(r.status, 0, `${command} failed: ${r.stderr}`);
  return r.stdout;
}

describe("the exported .docx in LibreOffice", () => {
  const draft = CLEAN_2021();
  const dir = tempDir();
  let pdfText: string;

  before(async () => {
    const result = await exportDocx(draft);
    assert.ok(result.exported);
    const docx = join(dir, "report.docx");
    writeFileSync(docx, result.docx);
    // A profile of its own, so that parallel runs and a user's open LibreOffice do not collide.
    run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx]);
    const pdf = join(dir, "report.pdf");
    assert.ok(existsSync(pdf), "LibreOffice wrote the PDF");
    pdfText = run("pdftotext", ["-layout", pdf, "-"]);
  });

  it("renders the title", () => {
    assert.ok(pdfText.replace(/\s+/g, "").includes("示例市生态环境局2023年政府信息公开工作年度报告"));
  });

  it("renders every row of figures of table 三, in column order", () => {
    const table = checkText(draft).model.tables.find((t) => t.spec.id === "applications")!;
    const lines = pdfText.split("\n");
    for (const row of table.rows.filter((r) => r.cells.length)) {
      const figures = row.cells.map((c) => c!.raw.trim());
      const pattern = new RegExp(`(^|\\s)${figures.join("\\s+")}(\\s|$)`);
      assert.ok(lines.some((l) => pattern.test(l)), `the figures of ${row.spec.label}: ${figures.join(" ")}`);
    }
  });
});
