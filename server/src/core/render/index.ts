export { renderReportHtml, renderTableHtml } from "./html";
export { escapeHtml } from "./escape";
export { mergeHeader, type HeaderCell } from "./header";
export { REPORT_CSS } from "./style";
