#!/usr/bin/env bash
# Puts pnpm 10 on PATH without corepack (its signature check fails on some machines).
if ! command -v pnpm >/dev/null 2>&1 || ! pnpm -v 2>/dev/null | grep -q '^10\.'; then
  echo "› installing pnpm 10 with npm"
  npm install -g pnpm@10 >/dev/null 2>&1 || {
    # No write access to the global prefix: install into a user prefix instead.
    npm install -g --prefix "$HOME/.local" pnpm@10 >/dev/null
    export PATH="$HOME/.local/bin:$PATH"
  }
fi
