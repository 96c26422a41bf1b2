#!/usr/bin/env bash
# `npm start`: install, bring up Postgres and NATS if needed, build, migrate, seed the demo city,
# start every service and print the URLs. Ctrl-C stops them gracefully.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash infra/scripts/ensure-deps.sh
source infra/scripts/ensure-stores.sh
echo "[hub] building"
npx turbo run build --output-logs=errors-only >/dev/null
echo "[hub] migrating"
for svc in dispatch identity police-mediation judicial-mediation people-mediation lawyer-mediation notifications; do
  node "apps/$svc/dist/db.cli.js" migrate | sed "s/^/[hub] $svc: /"
done
node apps/dispatch/dist/seed/seed-demo-city.cli.js | sed 's/^/[hub] /'
node apps/identity/dist/seed/seed-demo-users.cli.js | sed 's/^/[hub] /'
# The agencies' own demo data: mediators and 五老乡贤, committee profiles, the lawyer roster, a stationed committee.
for svc in police-mediation people-mediation lawyer-mediation; do
  node "apps/$svc/dist/seed/seed-demo.cli.js" | sed "s/^/[hub] $svc: /"
done
exec node packages/hub-process/dist/start-hub.cli.js
