#!/usr/bin/env bash
# Browser tests drive the distribution's Chromium (test tools cannot download their own browser here).
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && exit 0; done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "› installing Chromium with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium not found: install it (e.g. 'sudo apt-get install chromium') or set CHROMIUM_PATH." >&2
  exit 1
fi
