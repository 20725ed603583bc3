import { REPORT_CSS } from "../core";

/**
 * The offline page as one HTML file: the markup, the styles and the bundled
 * script (main.ts with the core and the Word side) inline, under a Content
 * Security Policy that allows exactly that script and that style sheet by
 * their hashes and nothing else — no request leaves the page, not even for
 * a font or an image. scripts/build-page.mjs calls this with the bundle.
 */

const TITLE = "政府信息公开工作年度报告检查（离线版）";

const PAGE_CSS = `
* { box-sizing: border-box; }
body { font-family: system-ui, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header { background: #b71c1c; color: #fff; padding: 0.8em 1.5em; }
header h1 { margin: 0; font-size: 1.3em; }
header p { margin: 0.3em 0 0; font-size: 0.9em; opacity: 0.9; }
main { padding: 1em 1.5em; }
#gr-input { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
#gr-drop { border: 2px dashed #999; border-radius: 6px; padding: 1.2em; text-align: center; background: #fff; display: flex; flex-direction: column; justify-content: center; gap: 0.5em; }
#gr-drop.gr-over { border-color: #b71c1c; background: #fff5f5; }
#gr-files { display: none; }
.gr-choose { align-self: center; border: 1px solid #888; border-radius: 4px; padding: 0.2em 1em; background: #f3f3f3; cursor: pointer; }
#gr-paste { width: 100%; min-height: 8em; font-family: inherit; tab-size: 4; padding: 0.5em; }
#gr-actions { margin: 1em 0; display: flex; flex-wrap: wrap; gap: 0.6em; align-items: center; }
button { font: inherit; padding: 0.3em 0.9em; cursor: pointer; }
#gr-fix { background: #2e7d32; color: #fff; border: 1px solid #1b5e20; border-radius: 4px; }
#gr-status { color: #333; }
#gr-status.gr-problem { color: #c62828; }
#gr-workspace { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18em, 2fr); gap: 1.5em; align-items: start; }
#gr-preview { background: #fff; border: 1px solid #ddd; padding: 1em 1.5em; overflow-x: auto; }
#gr-findings { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
#gr-findings h2, #gr-preview-title { font-size: 1.05em; margin: 0.3em 0; }
.gr-part h3 { font-size: 1em; margin: 0.8em 0 0.3em; border-bottom: 1px solid #ddd; }
.gr-count { margin-left: 0.5em; font-weight: normal; color: #666; font-size: 0.85em; }
.gr-findings { padding-left: 1.4em; margin: 0; }
.gr-finding-item { margin: 0.35em 0; cursor: pointer; }
.gr-finding-item .gr-severity { font-weight: bold; }
.gr-finding-item.gr-error > .gr-severity, .gr-finding-item.gr-error > details > summary > .gr-severity { color: #c62828; }
.gr-finding-item.gr-warning > .gr-severity, .gr-finding-item.gr-warning > details > summary > .gr-severity { color: #a66b00; }
.gr-location { color: #555; }
.gr-rule { color: #888; font-size: 0.8em; }
.gr-fixable { font-size: 0.8em; color: #2e7d32; border: 1px solid #2e7d32; border-radius: 3px; padding: 0 0.3em; }
.gr-members { font-size: 0.9em; }
.gr-flash { background: #ffe08a !important; }
table.gr-summary { border-collapse: collapse; margin: 0.5em 0; background: #fff; }
table.gr-summary th, table.gr-summary td { border: 1px solid #999; padding: 0.25em 0.6em; }
table.gr-summary th { background: #eee; }
table.gr-summary td.gr-numeric { text-align: right; }
table.gr-summary tr.gr-selected { background: #fff5f5; }
.gr-open { border: none; background: none; color: #0645ad; text-decoration: underline; padding: 0; }
.gr-problems { color: #c62828; }
@media (max-width: 900px) { #gr-input, #gr-workspace { grid-template-columns: 1fr; } }
`;

const BODY = `
<header>
<h1>${TITLE}</h1>
<p>本页面不联网，所有检查都在本机浏览器中进行，文件不会上传。</p>
</header>
<main>
<section id="gr-input">
<label id="gr-drop">
<strong>把年报草稿拖到这里</strong>
<span>支持 .txt、.md 和 Word（.docx）；可一次拖入多份报告，得到汇总表</span>
<span class="gr-choose">选择文件……</span>
<input type="file" id="gr-files" multiple accept=".txt,.md,.markdown,.docx">
</label>
<div>
<textarea id="gr-paste" placeholder="或者把报告全文粘贴到这里（表格可直接从 Word 复制）"></textarea>
</div>
</section>
<noscript><p>本页面需要启用 JavaScript。</p></noscript>
<section id="gr-summary-area" hidden></section>
<div id="gr-actions" hidden>
<button type="button" id="gr-fix">应用安全修正</button>
<button type="button" id="gr-save-text">下载修正后的文本</button>
<button type="button" id="gr-save-word">下载正式版式 Word 文档</button>
<label><input type="checkbox" id="gr-force"> 有错误时也导出 Word</label>
<span id="gr-status" role="status"></span>
</div>
<section id="gr-workspace" hidden>
<div>
<h2 id="gr-preview-title"></h2>
<div id="gr-preview"></div>
</div>
<aside id="gr-findings"></aside>
</section>
</main>
`;

/** The page, with `script` inline; `sha256` gives the base64 SHA-256 of a string (the build's Node crypto). */
export function pageDocument(script: string, sha256: (text: string) => string): string {
  if (/<\/script/i.test(script)) throw new Error("the page's script contains </script");
  const css = REPORT_CSS + PAGE_CSS;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    `style-src 'sha256-${sha256(css)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<style>${css}</style>
</head>
<body>${BODY}<script>${script}</script>
</body>
</html>
`;
}
