#!/usr/bin/env bash
# Part of `pnpm test`: the dashboard's browser test (tests/e2e/example-dashboard.test.ts)
# drives Debian's Chromium; a CJK font makes its screenshot legible. Installs them with
# apt when missing (as root, as on these machines and CI); says what to do otherwise.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wenquanyi; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "the browser test needs Chromium: run 'sudo apt-get install chromium fonts-wqy-microhei' (or set CHROMIUM_PATH)" >&2
  command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || exit 1
  exit 0
fi
echo "installing Chromium and a CJK font for the browser test (apt-get)…" >&2
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
