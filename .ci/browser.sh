#!/usr/bin/env bash
# Browser test of dossier's web view: installs Debian's chromium when it is
# missing, then drives the page from Go with chromedp (build tag browser).
# The screenshot goes to $DOSSIER_SCREENSHOT (default $TMPDIR/dossier-browser.png).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null && [ -z "${CHROMIUM:-}" ]; then
  echo "installing chromium"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export DOSSIER_SCREENSHOT="${DOSSIER_SCREENSHOT:-${TMPDIR:-/tmp}/dossier-browser.png}"
go test -count=1 -tags browser -run 'TestBrowser' -v ./internal/server/... 2>&1 | grep -v '^=== RUN' | tail -n 30
test "${PIPESTATUS[0]}" -eq 0
echo "browser test passed; screenshot: $DOSSIER_SCREENSHOT"
