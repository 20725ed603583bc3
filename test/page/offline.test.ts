import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { checkText } from "../../server/src/core";
import { wordReport } from "../docx/fixtures";
import { checkDrafts, readDropped } from "../../server/src/page/reports";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
import { runCli, tempDir } from "../helpers/cli";

/**
 * The offline page (gov-report page) in Chromium, opened from disk with the
 * network cut: a draft dropped, a draft and a Word report chosen together,
 * their findings against `check --format json` on the same files, the safe
 * fixes, and both downloads checked — the text against `gov-report fix`, the
 * Word document in LibreOffice. Writes docs/images/offline-page.png.
 */

const root = join(import.meta.dirname, "..", "..");
const BUILT = join(root, "dist", "gov-report.html");
const SAMPLE = join(root, "examples", "2023-示例县教育局-年度报告（问题示例）.txt");
/** Chromium as E2E.md runs it. */
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface CliDiagnostic {
  rule: string;
  severity: string;
  message: string;
  line: number;
  word?: { paragraph?: number; table?: number; row?: number; column?: number };
}

/** What the page lists: every finding (a group's members included), in a stable order. */
interface Listed {
  rule: string;
  line: number;
  message: string;
  location: string;
}

const sorted = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();

function cliFindings(files: string[]): Map<string, CliDiagnostic[]> {
  const r = runCli(["check", "--format", "json", ...files]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return new Map((JSON.parse(r.stdout) as { file: string; diagnostics: CliDiagnostic[] }[]).map((f) => [f.file, f.diagnostics]));
}

/** The CLI's findings as the page lists them: 0-based lines, the Word location for a .docx, else 第 N 行. */
function asListed(diagnostics: CliDiagnostic[]): Listed[] {
  return diagnostics.map((d) => {
    const w = d.word;
    const location = !w ? `第 ${d.line} 行` : w.paragraph !== undefined ? `第 ${w.paragraph} 段` : `第 ${w.table} 个表格第 ${w.row} 行第 ${w.column} 列`;
    return { rule: d.rule, line: d.line - 1, message: d.message, location };
  });
}

function listed(page: Page): Promise<Listed[]> {
  return page.$$eval("#gr-findings li.gr-finding-item:not(.gr-group)", (items) =>
    items.map((li) => ({
      rule: li.getAttribute("data-rule") ?? "",
      line: Number(li.getAttribute("data-line")),
      message: li.querySelector(".gr-message")?.textContent ?? "",
      location: li.querySelector(".gr-location")?.textContent ?? "",
    })),
  );
}

async function saveDownload(page: Page, button: string, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

describe("the offline page in Chromium, from disk, without network", () => {
  const dir = tempDir();
  const pagePath = join(dir, "年报检查.html");
  const wordPath = join(dir, "某某区-2022.docx");
  const samplePath = join(dir, "教育局-2023.txt");
  const requests: string[] = [];
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;
  /** The draft as the page fixed it. */
  let fixedText: string;

  before(async () => {
    assert.ok(existsSync(BUILT), "dist/gov-report.html is missing: run `npm run build` first");
    const written = runCli(["page", "-o", pagePath]);
    assert.equal(written.status, 0, written.stderr);
    copyFileSync(SAMPLE, samplePath);
    writeFileSync(wordPath, (await wordReport()).docx);
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
    const context = await browser.newContext({ offline: true, acceptDownloads: true, viewport: { width: 1400, height: 1000 }, locale: "zh-CN" });
    // Every request is recorded and anything that is not the page itself refused.
    context.on("request", (r) => requests.push(r.url()));
    await context.route("**/*", (route) => (route.request().url() === pathToFileURL(pagePath).href ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(pathToFileURL(pagePath).href);
  });

  after(async () => browser?.close());

  it("is one file under 2 MB, the same as the prebuilt page", () => {
    assert.deepEqual(readFileSync(pagePath), readFileSync(BUILT));
    assert.ok(statSync(pagePath).size < 2 * 1024 * 1024, `${statSync(pagePath).size} bytes`);
    const html = readFileSync(pagePath, "utf8");
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    assert.doesNotMatch(html, /<(script|link|img|iframe)\b[^>]*\s(src|href)=/i, "no remote or external resource");
  });

  it("checks a dropped draft as check --format json does", async () => {
    const bytes = readFileSync(samplePath).toString("base64");
    await page.evaluate(
      ([name, base64]) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type: "text/plain" }));
        document.getElementById("gr-drop")!.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      ["教育局-2023.txt", bytes],
    );
    await page.waitForSelector("#gr-findings .gr-finding-item");
    assert.deepEqual(sorted(await listed(page)), sorted(asListed(cliFindings([samplePath]).get(samplePath)!)));
    // The preview: the report's tables with merged headers, the faulty cells outlined.
    assert.ok(await page.locator("#gr-preview table.gr-table th[colspan]").count());
    assert.ok(await page.locator("#gr-preview td.gr-finding").count());
    assert.ok(await page.locator("#gr-findings .gr-part h3").count() >= 2, "findings grouped by part of the report");
  });

  it("checks pasted text", async () => {
    await page.fill("#gr-paste", readFileSync(samplePath, "utf8"));
    await page.waitForFunction(() => document.getElementById("gr-preview-title")?.textContent?.startsWith("粘贴的报告"));
    assert.deepEqual(sorted(await listed(page)), sorted(asListed(cliFindings([samplePath]).get(samplePath)!)));
  });

  it("sums up several files and checks a Word report as the CLI does", async () => {
    await page.setInputFiles("#gr-files", [samplePath, wordPath]);
    await page.waitForSelector("table.gr-summary tbody tr:nth-child(2)");
    const cli = cliFindings([samplePath, wordPath]);
    const rows = await page.$$eval("table.gr-summary tbody tr", (trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent ?? "")));
    const count = (file: string, severity: string) => String(cli.get(file)!.filter((d) => d.severity === severity).length);
    assert.deepEqual(
      rows.map((r) => [r[0], r[4], r[5]]),
      [samplePath, wordPath].map((f) => [f.slice(dir.length + 1), count(f, "error"), count(f, "warning")]),
    );
    await page.click("table.gr-summary .gr-open[data-report='1']");
    await page.waitForFunction(() => document.getElementById("gr-preview-title")?.textContent?.startsWith("某某区-2022.docx"));
    const word = asListed(cli.get(wordPath)!);
    assert.ok(word.some((f) => f.location.endsWith("段")), "findings placed in Word paragraphs");
    assert.deepEqual(sorted(await listed(page)), sorted(word));
    await page.click("table.gr-summary .gr-open[data-report='0']");
    await page.waitForFunction(() => document.getElementById("gr-preview-title")?.textContent?.startsWith("教育局-2023.txt"));
    mkdirSync(join(root, "docs", "images"), { recursive: true });
    await page.screenshot({ path: join(root, "docs", "images", "offline-page.png") });
  });

  it("applies the safe fixes as gov-report fix does, and downloads the fixed text", async () => {
    await page.click("#gr-fix");
    await page.waitForFunction(() => document.getElementById("gr-status")?.textContent?.startsWith("已修正"));
    const saved = await saveDownload(page, "#gr-save-text", dir);
    const withoutMark = (path: string) => readFileSync(path, "utf8").replace(/^\ufeff/, "");
    fixedText = withoutMark(saved);
    const byCli = join(dir, "by-cli.txt");
    copyFileSync(samplePath, byCli);
    assert.equal(runCli(["fix", byCli]).status, 0);
    assert.equal(fixedText, withoutMark(byCli));
    const unfixed = checkText(fixedText).findings.filter((f) => f.fixes.some((x) => x.safe));
    assert.deepEqual(unfixed.map((f) => f.rule), [], "no safe fix left");
    assert.deepEqual(sorted(await listed(page)), sorted(asListed(cliFindings([byCli]).get(byCli)!)));
  });

  it("exports the official Word document, which LibreOffice opens", async () => {
    await page.click("#gr-save-word");
    await page.waitForFunction(() => /个错误，未导出 Word/.test(document.getElementById("gr-status")?.textContent ?? ""));
    await page.check("#gr-force");
    const saved = await saveDownload(page, "#gr-save-word", dir);
    assert.match(saved, /教育局-2023\.docx$/);
    const profile = pathToFileURL(join(dir, "lo-profile")).href;
    const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", join(dir, "lo"), saved], { encoding: "utf8", timeout: 120_000 });
    assert.equal(r.status, 0, `soffice (scripts/setup-system.sh installs it): ${r.stderr}`);
    const converted = readFileSync(join(dir, "lo", "教育局-2023.txt"), "utf8");
    const title = checkText(fixedText).model.title!.text;
    assert.ok(converted.includes(title), `the title ${title} in ${converted.slice(0, 200)}`);
    assert.match(converted, /本年新收政府信息公开申请数量\s+30\s+5\s+0\s+1\s+1\s+0\s+38/, "table 三's first row of figures");
  });

  it("made no request but for the page itself, and broke no policy", () => {
    assert.deepEqual([...new Set(requests)], [pathToFileURL(pagePath).href]);
    assert.deepEqual(problems, []);
  });
});

describe("files dropped on the page", () => {
  const TEXT = "某某市人民政府办公室2023年政府信息公开工作年度报告\n";
  const read = async (name: string, bytes: Uint8Array) => readDropped({ name, bytes });

  it("reads UTF-8 with and without its mark, UTF-16 with its mark, and GBK", async () => {
    const utf8 = Buffer.from(TEXT, "utf8");
    const gbk = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6, 0x0a]); // 年度报告, in GBK
    const drafts = [
      await read("a.txt", utf8),
      await read("b.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])),
      await read("c.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")])),
    ];
    for (const d of drafts) assert.equal("text" in d && d.text, TEXT);
    assert.deepEqual(await read("d.txt", gbk), { name: "d.txt", text: "年度报告\n" });
  });

  it("says in Chinese why a file cannot be read, never with replacement characters", async () => {
    const problem = async (name: string, bytes: Uint8Array) => {
      const r = await read(name, bytes);
      return "problem" in r ? r.problem.zh : "read";
    };
    assert.match(await problem("a.txt", Buffer.from([0x00, 0x01, 0x02])), /二进制文件/);
    assert.match(await problem("b.txt", Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd])), /不是有效的 UTF-8/);
    assert.match(await problem("c.txt", Buffer.from([0xff, 0xfe, 0x41])), /奇数/);
    assert.match(await problem("d.docx", Buffer.from("not a zip")), /不是 Word 文档/);
  });
});

describe("several drafts on the page", () => {
  it("compares a report with last year's among them, as check does", () => {
    const dir = tempDir();
    const drafts = [
      { name: "2021.txt", text: reportText(Y2021_WRONG_CARRYOVER) },
      { name: "2020.txt", text: reportText(Y2020) },
    ];
    for (const d of drafts) writeFileSync(join(dir, d.name), d.text);
    const reports = checkDrafts(drafts);
    assert.equal(reports[0].previous?.name, "2020.txt");
    assert.equal(reports[1].previous, undefined);
    const cli = cliFindings(drafts.map((d) => join(dir, d.name)));
    reports.forEach((r) => {
      const mine = r.findings.map((f) => ({ rule: f.rule, line: f.range.start.line + 1, message: f.message.zh }));
      const theirs = cli.get(join(dir, r.name))!.map((d) => ({ rule: d.rule, line: d.line, message: d.message }));
      assert.deepEqual(mine, theirs);
    });
    assert.ok(reports[0].findings.some((f) => f.rule === "carryover-mismatch"));
  });
});
