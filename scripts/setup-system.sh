#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, once: Chromium (end-to-end tests),
# libkrb5-dev (code-server's native modules), LibreOffice Writer and Calc and poppler-utils
# (the .docx export and the spreadsheet are opened by a real consumer), Neovim and Emacs with eglot (test/editors: the
# language server in other editors). Idempotent; needs root or sudo.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v soffice >/dev/null || need+=(libreoffice-writer)
# Calc reads the spreadsheet check writes (test/cli/sendback.test.ts).
dpkg -s libreoffice-calc >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v pdftotext >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
command -v nvim >/dev/null || need+=(neovim)
command -v emacs >/dev/null || need+=(emacs-nox)
# eglot is part of Emacs from 29 on; Debian packages it for older ones.
emacs_major() { emacs --batch --eval '(princ emacs-major-version)' 2>/dev/null || echo 0; }
if ! command -v emacs >/dev/null || [ "$(emacs_major)" -lt 29 ]; then dpkg -s elpa-eglot >/dev/null 2>&1 || need+=(elpa-eglot); fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "setup-system: installing ${need[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
