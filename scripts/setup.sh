#!/bin/sh
# One-line set-up on Debian or Ubuntu, as root (a container) or as a user (uses sudo
# only then): installs what is missing (chromium, xvfb, openssl; firefox-esr with
# --firefox), checks Node.js, installs the npm packages, then starts the playground.
# Safe to run again: it installs only what is missing.
#
#   sh scripts/setup.sh                      set up, then `npm run playground`
#   sh scripts/setup.sh --firefox            also Firefox ESR (for `npm test`)
#   sh scripts/setup.sh --no-playground      set up only
#   sh scripts/setup.sh -- --lang it         arguments after -- go to the playground
set -eu
cd "$(dirname "$0")/.."

firefox=no
playground=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --firefox) firefox=yes ;;
    --no-playground) playground=no ;;
    --) shift; break ;;
    *) echo "setup.sh: unknown option $1 (see the top of scripts/setup.sh)" >&2; exit 2 ;;
  esac
  shift
done

have() { command -v "$1" >/dev/null 2>&1; }
# Debian's package names. On Ubuntu, Chromium is a snap: installed first, it is found on
# the PATH here and handed to the playground as CHROMIUM_PATH (see the README).
need=
have chromium || [ -x /usr/bin/chromium ] || need="$need chromium"
have xvfb-run || need="$need xvfb"
have openssl || need="$need openssl"
if [ "$firefox" = yes ]; then have firefox-esr || need="$need firefox-esr"; fi
if [ -n "$need" ]; then
  sudo=
  if [ "$(id -u)" != 0 ]; then
    have sudo || { echo "setup.sh: missing:$need. Install them as root (apt-get install -y$need), or install sudo." >&2; exit 1; }
    sudo=sudo
  fi
  echo "Installing:$need"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need
fi
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  CHROMIUM_PATH=$(command -v chromium)
  export CHROMIUM_PATH
fi

# Node.js 20.12 or newer (package.json "engines"; Debian 12 and Ubuntu 24.04 ship older).
node_ok() {
  have node && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 12) ? 0 : 1)'
}
if ! node_ok; then
  echo "Spalla needs Node.js 20.12 or newer; found: $(node --version 2>/dev/null || echo none)." >&2
  echo "Get it from https://nodejs.org/en/download, e.g. with nvm: nvm install 22" >&2
  echo "or from NodeSource's Debian packages: https://github.com/nodesource/distributions" >&2
  exit 1
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "$playground" = yes ]; then
  exec npm run playground -- "$@"
fi
echo "Set up. Start the playground with: npm run playground"
