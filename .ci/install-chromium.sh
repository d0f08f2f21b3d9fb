#!/usr/bin/env bash
# The review page's end-to-end test drives Debian's Chromium through playwright-core (no browser download).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
