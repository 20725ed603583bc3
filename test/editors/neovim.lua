-- Opens a draft in headless Neovim (0.7 and later) through `gov-report lsp`, waits for its
-- diagnostics, applies the quick fix named by GOV_REPORT_FIX_RULE to the first finding of that
-- rule and writes what it saw as JSON to GOV_REPORT_OUT: the diagnostics (line and UTF-16
-- column, 0-based), the quick fix's title and the buffer's text after it. test/editors/editors.test.ts
-- runs it and compares with the CLI. Any failure writes {"error": …} and quits with status 1.
local file = os.getenv("GOV_REPORT_FILE")
local out = os.getenv("GOV_REPORT_OUT")
local fix_rule = os.getenv("GOV_REPORT_FIX_RULE")
local WAIT_MS = 30000

local function finish(result, status)
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd((status == 0 and "qall!" or "cquit! " .. status))
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  -- The tables are tab-separated: tabs stay tabs.
  vim.bo[bufnr].expandtab = false
  local client_id = vim.lsp.start_client({
    name = "gov-report",
    cmd = { "gov-report", "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
    get_language_id = function() return "gov-report" end,
    settings = { govReport = { locale = "zh-cn" } },
  })
  assert(client_id, "the language server did not start")
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(WAIT_MS, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  assert(got, "no diagnostics within " .. WAIT_MS .. " ms")

  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local function utf16(lnum, col)
    local _, units = vim.str_utfindex(lines[lnum + 1] or "", col)
    return units
  end
  local diagnostics = {}
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(diagnostics, { line = d.lnum, character = utf16(d.lnum, d.col), code = code, message = d.message, severity = d.severity })
    if code == fix_rule and not target then target = d end
  end
  assert(target, "no diagnostic of " .. fix_rule)

  local client = vim.lsp.get_client_by_id(client_id)
  local range = {
    start = { line = target.lnum, character = utf16(target.lnum, target.col) },
    ["end"] = { line = target.end_lnum, character = utf16(target.end_lnum, target.end_col) },
  }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = range,
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum), only = { "quickfix" } },
  }
  local response = client.request_sync("textDocument/codeAction", params, WAIT_MS, bufnr)
  assert(response and response.result, "no code actions: " .. vim.inspect(response))
  local action
  for _, a in ipairs(response.result) do
    if a.edit then action = a break end
  end
  assert(action, "no quick fix with an edit: " .. vim.inspect(response.result))
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")

  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
  -- The buffer keeps the file's final line break apart, as it will write it.
  if vim.bo[bufnr].eol then text = text .. "\n" end
  finish({ diagnostics = diagnostics, fix = action.title, text = text }, 0)
end

local ok, err = pcall(run)
if not ok then finish({ error = tostring(err) }, 1) end
