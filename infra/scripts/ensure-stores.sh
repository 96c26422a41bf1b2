#!/usr/bin/env bash
# Makes sure Postgres and NATS with JetStream answer at DATABASE_URL and NATS_URL.
# Order of preference for each: what already answers → the machine's own service (Debian's
# cluster / nats-server layout) → a local one with its data under .data/ → install it with
# apt-get (as root) and start it. Source it or run it; it exports DATABASE_URL and NATS_URL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="$ROOT/.data"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/fengqiao}"
export NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"

say() { printf '[stores] %s\n' "$*"; }
die() { printf '[stores] ERROR: %s\n' "$*" >&2; exit 1; }
tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }

wait_for() { # name host port seconds
  for _ in $(seq 1 $(($4 * 4))); do tcp_open "$2" "$3" && return 0; sleep 0.25; done
  die "$1 did not come up on $2:$3 within $4 s"
}

apt_install() { # package...
  [[ $(id -u) -eq 0 ]] || die "$* is not installed and I am not root: run 'sudo apt-get install -y $*' (or set DATABASE_URL / NATS_URL to servers that run)"
  command -v apt-get >/dev/null || die "$* is not installed and apt-get is not available: install $* yourself"
  say "installing $* with apt-get"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Postgres ----------------------------------------------------------------
pg_hostport="${DATABASE_URL#*://}"; pg_hostport="${pg_hostport#*@}"; pg_hostport="${pg_hostport%%/*}"
PG_HOST="${pg_hostport%%:*}"; PG_PORT="${pg_hostport##*:}"; [[ "$PG_PORT" == "$pg_hostport" ]] && PG_PORT=5432

ensure_postgres() {
  if tcp_open "$PG_HOST" "$PG_PORT"; then say "Postgres answers on $PG_HOST:$PG_PORT"; return; fi
  is_local "$PG_HOST" || die "Postgres at $PG_HOST:$PG_PORT does not answer; start it or point DATABASE_URL at one that does"
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then apt_install postgresql; fi
  local version; version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  # Debian's own cluster, when it exists and listens on our port.
  if [[ -d "/etc/postgresql/$version/main" ]] && grep -Eq "^\s*port\s*=\s*$PG_PORT\b" "/etc/postgresql/$version/main/postgresql.conf"; then
    say "starting the machine's Postgres $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  else
    local bin="/usr/lib/postgresql/$version/bin" pgdata="$DATA/postgres"
    local as=(); [[ $(id -u) -eq 0 ]] && as=(runuser -u postgres --)
    mkdir -p "$DATA/logs" "$pgdata"
    [[ $(id -u) -eq 0 ]] && chown -R postgres "$pgdata" "$DATA/logs"
    if [[ ! -f "$pgdata/PG_VERSION" ]]; then
      say "creating a local Postgres cluster in $pgdata"
      "${as[@]}" "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    say "starting the local Postgres on port $PG_PORT"
    "${as[@]}" "$bin/pg_ctl" -D "$pgdata" -l "$DATA/logs/postgres.log" -w \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp" start >/dev/null
  fi
  wait_for Postgres "$PG_HOST" "$PG_PORT" 30
  say "Postgres is up on $PG_HOST:$PG_PORT"
}

# --- NATS with JetStream -----------------------------------------------------
nats_hostport="${NATS_URL%%,*}"; nats_hostport="${nats_hostport#nats://}"
NATS_HOST="${nats_hostport%%:*}"; NATS_PORT="${nats_hostport##*:}"; [[ "$NATS_PORT" == "$nats_hostport" ]] && NATS_PORT=4222

ensure_nats() {
  if tcp_open "$NATS_HOST" "$NATS_PORT"; then say "NATS answers on $NATS_HOST:$NATS_PORT"; return; fi
  is_local "$NATS_HOST" || die "NATS at $NATS_HOST:$NATS_PORT does not answer; start it or point NATS_URL at one that does"
  local bin; bin="$(command -v nats-server || true)"; [[ -z "$bin" && -x /usr/sbin/nats-server ]] && bin=/usr/sbin/nats-server
  if [[ -z "$bin" ]]; then apt_install nats-server; bin="$(command -v nats-server || echo /usr/sbin/nats-server)"; fi
  # The machine's own JetStream store for the machine's own port (it outlives this checkout);
  # any other port gets a store of its own under .data/, so two servers never share one.
  local store="$DATA/nats" log="$DATA/logs/nats.log"
  if [[ "$NATS_PORT" == 4222 && -d /var/lib/nats-server && -w /var/lib/nats-server ]]; then
    store=/var/lib/nats-server; log=/var/log/nats-server.log
  fi
  mkdir -p "$store" "$(dirname "$log")"
  say "starting nats-server with JetStream (store: $store)"
  if [[ "$store" == /var/lib/nats-server ]] && command -v start-stop-daemon >/dev/null; then
    start-stop-daemon --start --oknodo --background --exec "$bin" -- -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$store" -l "$log"
  else
    # A server of this checkout's own, detached from this shell; its pid is kept beside its store.
    setsid nohup "$bin" -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$store" -l "$log" -P "$DATA/nats.pid" >/dev/null 2>&1 &
  fi
  wait_for NATS "$NATS_HOST" "$NATS_PORT" 20
  say "NATS is up on $NATS_HOST:$NATS_PORT"
}

ensure_postgres
ensure_nats
