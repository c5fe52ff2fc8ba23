#!/usr/bin/env bash
# Runs every test: formatting, clippy, and the whole suite on SQLite and on
# PostgreSQL. Installs what a fresh machine of this kind lacks (Debian's
# chromium, the npm packages from the lockfile, cargo-nextest, PyPI's
# icalendar) and uses the PostgreSQL that runs on 127.0.0.1:5432, or starts
# a throwaway one.
# A PostgreSQL run that cannot happen is a failure, never a silent skip.
# Starts a throwaway S3-compatible server for the storage tests (crate ablage).
# Both halves (SQLite, PostgreSQL) always run; each reports a line at the end.
#
#   scripts/test.sh                      everything (what CI runs)
#   scripts/test.sh --mit-s3 CMD ARGS…   only start the S3 test server, run
#                                        CMD with its variables, stop it, e.g.
#                                        scripts/test.sh --mit-s3 cargo nextest run -p ablage
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- S3-compatible test server --------------------------------------------
# moto's server (PyPI `moto[server]`): pure Python, installs in seconds from
# wheels, and behaves like S3 where the storage code depends on it: SigV4,
# multipart uploads that refuse parts under 5 MiB (EntityTooSmall), multipart
# ETags ("…-N"), ListObjectsV2, idempotent DELETE. (crates.io's s3s-fs calls
# itself experimental, takes minutes to build on 2 cores and accepts small
# parts; Debian has no S3 server package.) The tests find it through
# JOBCENTER_TEST_S3_* (crates/ablage/src/testumgebung.rs); it keeps objects
# in memory and in its temporary directory, removed on exit.
s3_dir=""
s3_pid=""
s3_start() {
  if ! python3 -c 'import moto.server, flask, flask_cors' >/dev/null 2>&1; then
    say "Installing moto[server] from PyPI for the S3 tests"
    python3 -m pip install --quiet --disable-pip-version-check 'moto[server]>=5,<6'
  fi
  s3_dir="$(mktemp -d)"
  local port url
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  url="http://127.0.0.1:$port"
  (cd "$s3_dir" && TMPDIR="$s3_dir" exec python3 -m moto.server -H 127.0.0.1 -p "$port" >"$s3_dir/server.log" 2>&1) &
  s3_pid=$!
  # Wait until it answers, then create the bucket (moto takes unsigned requests).
  if ! python3 - "$url" <<'PY'
import sys, time, urllib.request
url = sys.argv[1]
for _ in range(300):
    try:
        urllib.request.urlopen(url + "/", timeout=2).read()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("the S3 test server did not answer")
urllib.request.urlopen(urllib.request.Request(url + "/jobcenter-test", method="PUT"), timeout=10).read()
PY
  then
    cat "$s3_dir/server.log" >&2
    return 1
  fi
  export JOBCENTER_TEST_S3_URL="$url"
  export JOBCENTER_TEST_S3_BUCKET=jobcenter-test
  export JOBCENTER_TEST_S3_REGION=us-east-1
  export JOBCENTER_TEST_S3_ACCESS_KEY_ID=test
  export JOBCENTER_TEST_S3_SECRET_ACCESS_KEY=test
}
s3_stop() {
  if [ -n "$s3_pid" ]; then
    kill "$s3_pid" 2>/dev/null || true
    wait "$s3_pid" 2>/dev/null || true
    s3_pid=""
  fi
  if [ -n "$s3_dir" ]; then
    rm -rf "$s3_dir"
    s3_dir=""
  fi
}

if [ "${1:-}" = "--mit-s3" ]; then
  shift
  trap s3_stop EXIT
  s3_start
  say "S3 test server at $JOBCENTER_TEST_S3_URL: $*"
  "$@"
  exit
fi

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
# The calendar files (crate kalender) are read by an independent parser,
# PyPI's icalendar; its test fails without it (KALENDER_OHNE_PYTHON=1 skips).
if ! python3 -c 'import sys, icalendar; sys.exit(icalendar.__version__.split(".")[0] != "7")' >/dev/null 2>&1; then
  say "Installing icalendar 7 from PyPI for the calendar file test"
  python3 -m pip install --quiet --disable-pip-version-check 'icalendar>=7,<8'
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
trap 'cleanup; s3_stop' EXIT

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

say "Starting the S3 test server"
s3_start

# --- Checks and tests -----------------------------------------------------
say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

# Both halves run whatever the first one did; the exit status says whether
# both passed.
say "Tests on SQLite"
sqlite_rc=0
JOBCENTER_TEST_DATABASE=sqlite cargo nextest run --workspace --locked || sqlite_rc=$?
# The PostgreSQL half runs every test that touches the database (the
# application's API tests and its unit tests); the browser journeys and the
# crates without a database (storage, documents, domain, load tool) ran in
# the first half already and would only repeat themselves here.
say "Tests on PostgreSQL ($JOBCENTER_TEST_PG_URL)"
postgres_rc=0
JOBCENTER_TEST_DATABASE=postgres cargo nextest run -p jobcenter --locked -E 'not binary(browser)' || postgres_rc=$?

ergebnis() { if [ "$2" = 0 ]; then echo "$1: passed"; else echo "$1: FAILED (exit code $2)"; fi; }
say "Results"
ergebnis "Tests on SQLite" "$sqlite_rc"
ergebnis "Tests on PostgreSQL" "$postgres_rc"
if [ "$sqlite_rc" != 0 ] || [ "$postgres_rc" != 0 ]; then exit 1; fi
say "All tests passed on SQLite and PostgreSQL"
