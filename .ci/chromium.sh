#!/usr/bin/env bash
# Installs Debian's Chromium for the console's browser tests (apps/console: playwright-core drives it with
# executablePath /usr/bin/chromium), and a CJK font so Chinese text renders in screenshots. No browser download.
set -euo pipefail
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi
/usr/bin/chromium --version
