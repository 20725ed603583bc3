import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { runCli, tempDir } from "../helpers/cli";
import { reportText, Y2021 } from "../fixtures/cross-year/reports";

/**
 * The review page's decisions in Chromium (as the end-to-end run drives it):
 * buttons mark findings, the download is the review file, check reads it
 * (the dismissed finding left out, the accepted one marked), and a page made
 * afterwards shows the accepted decision and keeps the dismissed one in its
 * next download. The page's CSP stays strict: any violation fails the test.
 */

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const TEXT = reportText({ ...Y2021, organ: "乙镇人民政府", applications: { new: [3, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] } });

interface Decision {
  fingerprint: string;
  decision: string;
  reason?: string;
  rule?: string;
}

async function download(page: Page, dir: string, name: string): Promise<{ suggested: string; decisions: Decision[] }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click("#gr-download")]);
  const path = join(dir, name);
  await d.saveAs(path);
  return { suggested: d.suggestedFilename(), decisions: JSON.parse(readFileSync(path, "utf8")).decisions };
}

describe("review page decisions round-trip through the review file", () => {
  const dir = tempDir();
  let browser: Browser;
  const violations: string[] = [];

  async function open(): Promise<Page> {
    const r = runCli(["check", "--format", "html", "-o", join(dir, "review.html"), dir]);
    assert.equal(r.status === 0 || r.status === 1, true, r.stderr);
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    page.on("pageerror", (e) => violations.push(e.message));
    await page.goto(pathToFileURL(join(dir, "review.html")).href);
    return page;
  }

  before(async () => {
    writeFileSync(join(dir, "yi-2021.txt"), TEXT);
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  });
  after(async () => browser?.close());

  it("buttons mark findings; the download holds the decisions; check applies them; a new page shows them", async () => {
    const before = JSON.parse(runCli(["check", "--format", "json", dir]).stdout)[0].diagnostics as { rule: string; message: string }[];
    const page = await open();
    const items = page.locator(".gr-finding-item[data-fingerprint]");
    assert.ok((await items.count()) >= 2);
    const [first, second] = [items.nth(0), items.nth(1)];
    const dismissedPrint = await first.getAttribute("data-fingerprint");
    const acceptedPrint = await second.getAttribute("data-fingerprint");
    await first.locator(".gr-reason").fill("口径说明见附件");
    await first.locator(".gr-dismiss").click();
    await second.locator(".gr-accept").click();
    assert.equal(await first.getAttribute("data-decision"), "dismissed");
    assert.match((await first.locator(".gr-decision").textContent()) ?? "", /不是问题：口径说明见附件/);
    assert.equal(await second.getAttribute("data-decision"), "accepted");

    const saved = await download(page, dir, ".govreport-review.json");
    assert.match(saved.suggested, /govreport-review\.json$/);
    assert.deepEqual(
      saved.decisions.map((d) => [d.fingerprint, d.decision, d.reason]).sort(),
      [
        [dismissedPrint, "dismissed", "口径说明见附件"],
        [acceptedPrint, "accepted", undefined],
      ].sort(),
    );

    // check reads the downloaded file beside the report.
    const after = JSON.parse(runCli(["check", "--format", "json", dir]).stdout)[0].diagnostics as { accepted?: boolean }[];
    assert.equal(after.length, before.length - 1);
    assert.equal(after.filter((d) => d.accepted).length, 1);

    // A page made now: the accepted finding is marked, the dismissed one is not listed but kept in the next download.
    const again = await open();
    assert.equal(await again.locator(`.gr-finding-item[data-fingerprint="${acceptedPrint}"]`).getAttribute("data-decision"), "accepted");
    assert.equal(await again.locator(`.gr-finding-item[data-fingerprint="${dismissedPrint}"]`).count(), 0);
    const kept = await download(again, dir, "again.json");
    assert.deepEqual(kept.decisions.map((d) => d.fingerprint).sort(), [dismissedPrint, acceptedPrint].sort());
    assert.deepEqual(violations, []);
  });

  it("loads a review file back into the page", async () => {
    const page = await open();
    const marked = page.locator('.gr-finding-item[data-decision="accepted"]');
    const print = await marked.first().getAttribute("data-fingerprint");
    // Undo the accepted decision in the page, then load the file: it is back.
    await marked.first().locator(".gr-accept").click();
    assert.equal(await page.locator(`.gr-finding-item[data-fingerprint="${print}"]`).getAttribute("data-decision"), "");
    await page.setInputFiles("#gr-load", join(dir, ".govreport-review.json"));
    await page.waitForSelector(`.gr-finding-item[data-fingerprint="${print}"][data-decision="accepted"]`);
    assert.deepEqual(violations, []);
  });
});
