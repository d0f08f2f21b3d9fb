#!/usr/bin/env bash
# `npm test`'s pretest: the review page's end-to-end test drives Debian's Chromium through playwright-core
# (no browser download). Installs it once if missing; needs root or sudo for apt-get.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "installing chromium from Debian (for the review page's browser test)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "chromium is missing and this user cannot apt-get install it: run 'apt-get install chromium' as root" >&2
    exit 1
  fi
fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
