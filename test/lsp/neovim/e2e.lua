-- Drives Neovim's built-in LSP client against `backlog lsp`: opens a backlog, waits for the
-- diagnostics, asks for a hover, and writes what it saw as JSON. Run headless by
-- test/lsp/neovim.test.ts; it works with Neovim 0.7 (Debian 12) and later.
--
-- Environment: BACKLOG_NODE, BACKLOG_BIN (the server command), BACKLOG_ROOT (the workspace),
-- BACKLOG_FILE (the file to open), BACKLOG_HOVER ("line:character", 0-based), BACKLOG_OUT (the JSON).
local env = vim.env
local result = { diagnostics = {}, hover = vim.NIL, errors = {} }

local function finish()
  local file = io.open(env.BACKLOG_OUT, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local ok, failure = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.BACKLOG_FILE))
  local buffer = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buffer].filetype
  local config = {
    name = 'backlog',
    cmd = { env.BACKLOG_NODE, env.BACKLOG_BIN, 'lsp' },
    root_dir = env.BACKLOG_ROOT,
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buffer, client_id)
  end
  result.client = client_id ~= nil

  -- The diagnostics, as the editor shows them.
  result.diagnosed = vim.wait(30000, function()
    return #vim.diagnostic.get(buffer) > 0
  end, 50)
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(result.diagnostics, {
      line = diagnostic.lnum,
      code = diagnostic.code or lsp.code,
      source = diagnostic.source,
      severity = diagnostic.severity,
      message = diagnostic.message,
    })
  end

  -- A hover over an ID, as `K` asks for it.
  local line, character = env.BACKLOG_HOVER:match('^(%d+):(%d+)$')
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = tonumber(line), character = tonumber(character) },
  }
  local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/hover', params, 15000) or {}
  for _, response in pairs(responses) do
    if response.error then table.insert(result.errors, response.error.message) end
    if response.result then result.hover = response.result.contents end
  end

  -- Stop the server the way the editor does on quit: shutdown, then exit.
  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(10000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client == nil or client.is_stopped()
  end, 50)
end)
if not ok then table.insert(result.errors, tostring(failure)) end
finish()
