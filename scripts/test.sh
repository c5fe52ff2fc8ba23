#!/usr/bin/env bash
# Runs every test: formatting, clippy, and the whole suite on SQLite and on
# PostgreSQL. Installs what a fresh machine of this kind lacks (Debian's
# chromium, the npm packages from the lockfile, cargo-nextest) and uses the
# PostgreSQL that runs on 127.0.0.1:5432, or starts a throwaway one.
# A PostgreSQL run that cannot happen is a failure, never a silent skip.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- What a fresh machine lacks -------------------------------------------
if ! dpkg -s libssl-dev pkg-config >/dev/null 2>&1; then
  say "Installing libssl-dev and pkg-config (WebAuthn needs OpenSSL)"
  apt_install libssl-dev pkg-config
fi
if ! command -v chromium >/dev/null 2>&1; then
  say "Installing Debian's chromium for the browser tests"
  apt_install chromium
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/@kern-ux/native/dist/kern.min.css ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
if ! command -v oathtool >/dev/null 2>&1; then
  say "Installing Debian's oathtool for the TOTP interoperability test"
  apt_install oathtool
fi
if ! cargo nextest --version >/dev/null 2>&1; then
  say "Installing cargo-nextest"
  cargo install cargo-nextest --locked
fi

# --- PostgreSQL ----------------------------------------------------------
pg_started_dir=""
cleanup() {
  if [ -n "${JOBCENTER_TEST_PG_URL:-}" ]; then
    psql "${JOBCENTER_TEST_PG_URL}/postgres" -Atqc \
      "SELECT 'DROP DATABASE IF EXISTS ' || datname || ';' FROM pg_database WHERE datname LIKE 'jc\_t\_%'" 2>/dev/null \
      | psql "${JOBCENTER_TEST_PG_URL}/postgres" -q >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_started_dir" ]; then
    su postgres -c "$(ls -d /usr/lib/postgresql/*/bin | tail -1)/pg_ctl -D $pg_started_dir/data -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$pg_started_dir"
  fi
}
trap cleanup EXIT

if [ -z "${JOBCENTER_TEST_PG_URL:-}" ]; then
  if ! command -v psql >/dev/null 2>&1; then apt_install postgresql-client; fi
  if psql "postgres://root@127.0.0.1:5432/postgres" -Atqc 'SELECT 1' >/dev/null 2>&1; then
    export JOBCENTER_TEST_PG_URL="postgres://root@127.0.0.1:5432"
  elif psql "postgres://postgres@127.0.0.1:5432/postgres" -Atqc 'SELECT 1' >/dev/null 2>&1; then
    export JOBCENTER_TEST_PG_URL="postgres://postgres@127.0.0.1:5432"
  else
    say "No PostgreSQL on 127.0.0.1:5432: starting a throwaway one"
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then apt_install postgresql; fi
    bin="$(ls -d /usr/lib/postgresql/*/bin | tail -1)"
    pg_started_dir="$(mktemp -d)"
    chown postgres "$pg_started_dir"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    su postgres -c "$bin/initdb -D $pg_started_dir/data -A trust -U postgres" >/dev/null
    su postgres -c "$bin/pg_ctl -D $pg_started_dir/data -o '-p $port -k $pg_started_dir -c listen_addresses=127.0.0.1' -w start" >/dev/null
    export JOBCENTER_TEST_PG_URL="postgres://postgres@127.0.0.1:$port"
  fi
fi
psql "${JOBCENTER_TEST_PG_URL}/postgres" -Atqc 'SELECT 1' >/dev/null || { echo "PostgreSQL at $JOBCENTER_TEST_PG_URL is not usable" >&2; exit 1; }
cleanup_only_dbs() { cleanup_pg_dir="$pg_started_dir"; pg_started_dir=""; cleanup; pg_started_dir="$cleanup_pg_dir"; }
cleanup_only_dbs

# --- Checks and tests -----------------------------------------------------
say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "Tests on SQLite"
JOBCENTER_TEST_DATABASE=sqlite cargo nextest run --workspace --locked
say "Tests on PostgreSQL ($JOBCENTER_TEST_PG_URL)"
JOBCENTER_TEST_DATABASE=postgres cargo nextest run --workspace --locked
say "All tests passed on SQLite and PostgreSQL"
