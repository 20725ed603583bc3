#!/usr/bin/env bash
# The whole test suite: build, types, unit/protocol/property/CLI/docx tests, grammar tests,
# conformance on ../shared/samples, and the end-to-end run in a real VS Code.
# Every stage must pass; the first failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob

stage() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

stage "system packages"
scripts/setup-system.sh

stage "build"
npm run --silent build

stage "typecheck"
npx --no-install tsc -p . --noEmit

stage "unit, protocol, property, CLI and docx tests"
tests=(test/**/*.test.ts)
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${tests[@]}"

if [ -d test/grammar ]; then
  stage "grammar"
  npx --no-install vscode-tmgrammar-test "test/grammar/**/*.test.txt"
fi

stage "conformance (../shared/conformance)"
node ../shared/conformance/run.mjs -- node dist/cli.js check --format json

# Drafts written to reproduce what published reports look like (layouts, page furniture, wording,
# defects), each folder with its expectations in the conformance format.
for expected in test/fixtures/real-reports/*/expected.json; do
  stage "real-report fixtures: $(basename "$(dirname "$expected")")"
  node ../shared/conformance/run.mjs --expected "$expected" --dir "$(dirname "$expected")" -- node dist/cli.js check --format json
done

if [ "${GOV_REPORT_SKIP_E2E:-}" != "1" ]; then
  stage "end-to-end in code-server + Chromium"
  bash test/e2e/run.sh
fi
