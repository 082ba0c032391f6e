#!/usr/bin/env bash
# The example server's Redis tests need Debian's redis-server; they start their own on 127.0.0.1
# (temporary directory, no persistence) and stop it at the end. With REDIS_URL set they use that
# Redis instead, and nothing is installed.
if [ -n "${REDIS_URL:-}" ]; then exit 0; fi
command -v redis-server >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "› installing redis-server with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq redis-server >/dev/null
  # Debian's package may start a system-wide Redis on 6379; the tests never use it.
  command -v redis-server >/dev/null 2>&1
else
  echo "redis-server not found: install it (e.g. 'sudo apt-get install redis-server') or set REDIS_URL." >&2
  exit 1
fi
