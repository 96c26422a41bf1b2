#!/usr/bin/env bash
# Node 20.19+ present, dependencies installed (npm ci when node_modules is missing or older than the lock file).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error(`Node ${process.versions.node} is too old: the hub needs Node >= 20.19`); process.exit(1) }'
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[deps] npm ci"
  # A registry that serves only this platform's optional binaries (as the one on our CI machines
  # does) leaves the others out of the lock file, and npm ci then refuses it (npm/cli#4828);
  # npm install --no-save installs the same locked versions without rewriting the lock.
  if ! npm ci --no-audit --no-fund --loglevel=error 2>/tmp/npm-ci.err; then
    if grep -q 'Missing: .* from lock file' /tmp/npm-ci.err; then
      echo "[deps] npm ci refused the lock file for other platforms' optional binaries; using npm install --no-save"
      npm install --no-save --no-audit --no-fund --loglevel=error
    else
      cat /tmp/npm-ci.err >&2
      exit 1
    fi
  fi
fi
