#!/usr/bin/env bash
# The benchmark command: bench/run.sh   (see bench/README.md for what each figure means)
#                        bench/run.sh --only email   (the email rows g-raw and g alone, about a minute)
#
# Builds bench/CareFlow.Benchmarks in Release, starts a throwaway PostgreSQL 15 cluster on a free loopback port
# (as scripts/test.sh does: initdb as user postgres when run as root, fsync on, pg_stat_statements preloaded),
# starts the test SMTP server tests/tools/smtp_server.py on free loopback ports (for the email rows),
# runs the benchmark once, and tears both down, even on failure or Ctrl-C. The table goes to stdout and to
# artifacts/bench/last-run.txt; progress goes to stderr.
#
# Environment (each optional):
#   CAREFLOW_BENCH_POSTGRES   Npgsql connection string of an existing database; then no cluster is started
#                             (server-side statement counts need pg_stat_statements in shared_preload_libraries)
#   CAREFLOW_BENCH_PG_BIN     PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
#   CAREFLOW_BENCH_SECONDS, CAREFLOW_BENCH_WARMUP_SECONDS, CAREFLOW_BENCH_TIMERS, CAREFLOW_BENCH_TIMER_SAMPLES,
#   CAREFLOW_BENCH_COUNTED_OPERATIONS, CAREFLOW_BENCH_EMAILS   see bench/README.md
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYTHON=/usr/bin/python3
PG_BIN="${CAREFLOW_BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}"
PROJECT="$ROOT/bench/CareFlow.Benchmarks/CareFlow.Benchmarks.csproj"
DLL="$ROOT/artifacts/bin/CareFlow.Benchmarks/release/CareFlow.Benchmarks.dll"
OUT_DIR="$ROOT/artifacts/bench"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

WORK=""
PG_DATA=""
PG_STARTED=0
SMTP_PID=""
ONLY=""
T_START=$EPOCHREALTIME

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 2; }
seconds_since() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }'; }
is_root() { [[ $EUID -eq 0 ]]; }

as_pg_owner() {
    if is_root; then
        (cd "$WORK" && runuser -u postgres -- "$@")
    else
        (cd "$WORK" && "$@")
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    if [[ -n $SMTP_PID ]]; then
        kill "$SMTP_PID" 2>/dev/null
        wait "$SMTP_PID" 2>/dev/null
    fi
    if [[ $PG_STARTED -eq 1 ]]; then
        as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 30 >/dev/null \
            || as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m immediate -w >/dev/null
    fi
    if [[ -n "$WORK" && -d "$WORK" ]]; then
        mkdir -p "$OUT_DIR"
        cp "$WORK"/postgres.log "$WORK"/smtp-server.log "$OUT_DIR/" 2>/dev/null
        rm -rf "$WORK"
    fi
    log "bench/run.sh finished in $(seconds_since "$T_START") s (exit code $rc)"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    $PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_postgres() {
    local port sock
    port="$(free_port)"
    sock="$WORK/pg-socket"
    PG_DATA="$WORK/pgdata"
    mkdir -p "$sock"
    is_root && chown -R postgres:postgres "$WORK"
    log "PostgreSQL: initdb in $PG_DATA, port $port"
    as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    # Defaults otherwise, fsync and synchronous_commit on: the figures are for durable commits.
    cat >>"$PG_DATA/postgresql.conf" <<CONF

# bench/run.sh: throwaway benchmark cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 300
fsync = on
synchronous_commit = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track_utility = on
CONF
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w -t 60 start >/dev/null \
        || { tail -n 30 "$WORK/postgres.log" >&2; die "pg_ctl start failed"; }
    PG_STARTED=1
    "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'CREATE DATABASE careflow_bench'
    export CAREFLOW_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=careflow_bench"
}

# Like scripts/test.sh's start_smtp: the dump folder lives in $WORK and goes with it.
start_smtp() {
    local port control_port dump="$WORK/smtp-dump" i
    port="$(free_port)"
    control_port="$(free_port)"
    while [[ $control_port == "$port" ]]; do control_port="$(free_port)"; done
    mkdir -p "$dump"
    log "SMTP server (tests/tools/smtp_server.py) on 127.0.0.1:$port, control API on $control_port"
    $PYTHON "$ROOT/tests/tools/smtp_server.py" --port "$port" --control-port "$control_port" \
        --dump-dir "$dump" >"$WORK/smtp-server.log" 2>&1 </dev/null &
    SMTP_PID=$!
    # The control API starts after the SMTP listener.
    for ((i = 0; i < 100; i++)); do
        kill -0 "$SMTP_PID" 2>/dev/null || { cat "$WORK/smtp-server.log" >&2; die "the SMTP server exited"; }
        $PYTHON -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1).close()" "$control_port" 2>/dev/null && break
        sleep 0.1
    done
    export CAREFLOW_BENCH_SMTP="127.0.0.1:$port" CAREFLOW_BENCH_SMTP_CONTROL="http://127.0.0.1:$control_port"
}

main() {
    while [[ $# -gt 0 ]]; do
        case $1 in
            --only) [[ ${2:-} == email ]] || die "--only takes: email"; ONLY=$2; shift 2 ;;
            *) die "unknown argument $1 (usage: bench/run.sh [--only email])" ;;
        esac
    done
    [[ -x $PYTHON ]] || die "$PYTHON is required"
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/careflow-bench.XXXXXX")"
    export CAREFLOW_BENCH_DATA="$WORK/data"

    log "Building bench/CareFlow.Benchmarks (Release)"
    local t0=$EPOCHREALTIME
    dotnet build "$PROJECT" -c Release -v quiet -nologo >&2
    log "Build took $(seconds_since "$t0") s"

    if [[ -n "${CAREFLOW_BENCH_POSTGRES:-}" ]]; then
        log "PostgreSQL: using the preset CAREFLOW_BENCH_POSTGRES"
    else
        [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL 15 binaries not found in $PG_BIN (apt-get install postgresql-15, or set CAREFLOW_BENCH_POSTGRES)"
        start_postgres
    fi

    if $PYTHON -c 'import aiosmtpd' 2>/dev/null; then
        start_smtp
    elif [[ -n $ONLY ]]; then
        die "the email rows need python3-aiosmtpd (apt-get install python3-aiosmtpd)"
    else
        log "python3-aiosmtpd is missing: the email rows (g) are left out"
    fi

    mkdir -p "$OUT_DIR"
    log "Running the benchmark"
    t0=$EPOCHREALTIME
    local rc=0
    local args=() out="$OUT_DIR/last-run.txt"
    [[ -n $ONLY ]] && { args=(--only "$ONLY"); out="$OUT_DIR/last-run-$ONLY.txt"; }
    dotnet "$DLL" "${args[@]}" | tee "$out" || rc=$?
    log "Benchmark took $(seconds_since "$t0") s"
    return "$rc"
}

main "$@"
