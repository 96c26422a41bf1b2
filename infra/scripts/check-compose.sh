#!/usr/bin/env bash
# Parses docker-compose.yml with docker compose (v2) or docker-compose (v1), installing v1 when neither exists.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
if docker compose version >/dev/null 2>&1; then compose=(docker compose)
else
  if ! command -v docker-compose >/dev/null; then
    [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null || { echo "docker compose is not installed: install it to check docker-compose.yml"; exit 1; }
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  fi
  compose=(docker-compose)
fi
"${compose[@]}" -f docker-compose.yml config -q
echo "docker-compose.yml is valid (${compose[*]})"
