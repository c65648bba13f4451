#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests, when missing.
# Without root or apt the browser tests skip with a message instead of failing.
set -u
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: apt-get not found; browser tests will be skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "setup-browser: not root and no sudo; browser tests will be skipped" >&2
    exit 0
  fi
fi
echo "setup-browser: installing chromium and chromium-driver from Debian (once)..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
if ! $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null 2>&1; then
  echo "setup-browser: could not install chromium; browser tests will be skipped" >&2
fi
exit 0
