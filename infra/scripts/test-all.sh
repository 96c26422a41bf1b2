#!/usr/bin/env bash
# `npm test`: every test in the repo on a real Postgres and NATS (started if they are down),
# plus the checks that keep main honest: types, lint, formatting, migration drift, compose file.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash infra/scripts/ensure-deps.sh
source infra/scripts/ensure-stores.sh
# pdftotext (Debian's poppler-utils): the tests read the PDFs the hub renders back as text.
command -v pdftotext >/dev/null || apt_install poppler-utils
export TEST_RESULTS_DIR="$ROOT/.data/test-results"
rm -rf "$TEST_RESULTS_DIR" && mkdir -p "$TEST_RESULTS_DIR"

echo "== build"
npx turbo run build --output-logs=errors-only
echo "== types, lint and format"
npx turbo run typecheck lint --output-logs=errors-only
npx prettier --check . --log-level=warn
echo "== migrations match entities (drift)"
npx turbo run db:drift --output-logs=errors-only
echo "== docker-compose.yml parses"
bash infra/scripts/check-compose.sh
echo "== unit and service tests"
npx turbo run test --filter='!@fengqiao/e2e' --concurrency=2
echo "== end-to-end tests (real processes)"
npm test -w @fengqiao/e2e
node infra/scripts/summarize-tests.js "$TEST_RESULTS_DIR"
