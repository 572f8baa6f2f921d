#!/usr/bin/env bash
# The browser tests and screenshots drive Debian's Chromium (playwright-core cannot download its
# own browser offline). Installs the `chromium` package with apt-get when /usr/bin/chromium is
# missing, and says so.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "ensureChromium: $CHROMIUM is missing; installing Debian's chromium with apt-get…" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
if [ ! -x "$CHROMIUM" ]; then
  echo "ensureChromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "ensureChromium: installed $("$CHROMIUM" --version)" >&2
