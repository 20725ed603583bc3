// Renders images/icon.svg to the 128×128 images/icon.png the Marketplace shows, with the same
// headless Chromium the end-to-end tests use (no image tool needed): `node images/render-icon.mjs`.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const svgUrl = new URL("icon.svg", import.meta.url);
const pngPath = new URL("icon.png", import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<body style="margin:0">${readFileSync(svgUrl, "utf8")}</body>`);
  await page.locator("svg").screenshot({ path: pngPath, omitBackground: true });
} finally {
  await browser.close();
}
