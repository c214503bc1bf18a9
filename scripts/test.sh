#!/usr/bin/env bash
# The one test command: ./scripts/test.sh [extra dotnet test arguments, e.g. --filter Name~Referral]
#
# On a Debian 12 machine with the .NET 10 SDK and no Docker, it:
#   1. apt-get installs whatever is missing (postgresql, python3-aiosmtpd, chromium, docker-compose,
#      and nodejs/npm, which the CareFlow.Web build needs for the designer bundle);
#   2. restores the .NET local tools (dotnet-ef) and builds CareFlow.sln;
#   3. starts a throwaway PostgreSQL 15 cluster and the test SMTP server (tests/tools/smtp_server.py)
#      on free loopback ports, inside a temporary folder;
#   4. runs `dotnet test CareFlow.sln` with the environment below, results in test-artifacts/;
#   5. tears everything down, even on failure or Ctrl-C, and exits with dotnet test's exit code.
#
# Environment contract for the tests (set here; a variable that is already set is honoured, and then
# the matching server is not started):
#   CAREFLOW_TEST_POSTGRES      Npgsql connection string to database careflow_test, superuser postgres;
#                               tests may create schemas, tables and further databases.
#   CAREFLOW_TEST_PG_BIN        PostgreSQL binaries (pg_ctl, ...) of that cluster
#   CAREFLOW_TEST_PG_DATA       its data directory
#   CAREFLOW_TEST_PG_LOG        its server log; pass it to pg_ctl -l when restarting
#   CAREFLOW_TEST_PG_CTL_USER   the OS user that must run pg_ctl (postgres when run as root)
#                               crash:   su postgres -c "$CAREFLOW_TEST_PG_BIN/pg_ctl -D $CAREFLOW_TEST_PG_DATA stop -m immediate"
#                               restart: su postgres -c "$CAREFLOW_TEST_PG_BIN/pg_ctl -D $CAREFLOW_TEST_PG_DATA -l $CAREFLOW_TEST_PG_LOG -w start"
#                               (port, listen address and socket folder live in postgresql.conf)
#   CAREFLOW_TEST_SMTP          127.0.0.1:<port> of the SMTP server
#   CAREFLOW_TEST_SMTP_DUMP     folder where each received message lands as one .eml file
#   CAREFLOW_TEST_SMTP_CONTROL  http://127.0.0.1:<port>, the SMTP server's control API (see smtp_server.py)
#   CAREFLOW_TEST_ARTIFACTS     test-artifacts/ at the repository root (screenshots, TRX, rig logs)
#   CAREFLOW_TEST_CHROMIUM      Debian's Chromium, for Playwright (never download a browser)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYTHON=/usr/bin/python3
PG_BIN="${CAREFLOW_TEST_PG_BIN:-/usr/lib/postgresql/15/bin}"
ARTIFACTS="$ROOT/test-artifacts"
CONFIGURATION="${CAREFLOW_TEST_CONFIGURATION:-Debug}"
HANG_TIMEOUT="${CAREFLOW_TEST_HANG_TIMEOUT:-20m}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild node lingers after the run holding the terminal or a CI pipe open.
export MSBUILDDISABLENODEREUSE=1

WORK=""
PG_DATA=""
PG_STARTED=0
SMTP_PID=""
CHILD_PID=""
LAST_GROUP=""
TEST_GROUP=""
T_START=$EPOCHREALTIME
T_SETUP=0
T_BUILD=0
T_TESTS=0
PHASE=""        # the phase running now, so an interrupted run still reports its time
PHASE_START=0

log() { printf '\n==> %s\n' "$*"; }
die() { printf '\nscripts/test.sh: %s\n' "$*" >&2; exit 2; }
seconds_since() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }'; }
is_root() { [[ $EUID -eq 0 ]]; }

# Runs a command as the cluster's owner, from a folder that user may enter.
as_pg_owner() {
    if is_root; then
        (cd "$WORK" && runuser -u postgres -- "$@")
    else
        (cd "$WORK" && "$@")
    fi
}

# Runs a long command in its own process group, in the background, so a TERM or INT sent to this
# script is handled at once (bash defers traps while a foreground child runs) and the cleanup can
# stop the whole group (dotnet test, test hosts, processes the tests spawned).
run_group() {
    setsid "$@" &
    CHILD_PID=$!
    LAST_GROUP=$CHILD_PID
    local rc=0
    wait "$CHILD_PID" || rc=$?
    CHILD_PID=""
    return "$rc"
}

# TERM, then KILL after 5 s, to every process left in process group $1.
stop_group() {
    local group=$1
    [[ -n "$group" ]] && kill -0 -- "-$group" 2>/dev/null || return 0
    kill -TERM -- "-$group" 2>/dev/null
    for _ in $(seq 50); do
        kill -0 -- "-$group" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL -- "-$group" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    stop_group "$CHILD_PID"
    # Processes the tests started and left behind (a CareFlow node, a browser) would keep ports and
    # CI pipes open.
    stop_group "$TEST_GROUP"
    [[ -n "$PHASE" ]] && end_phase
    if [[ -n "$SMTP_PID" ]]; then
        kill "$SMTP_PID" 2>/dev/null
        wait "$SMTP_PID" 2>/dev/null
    fi
    if [[ $PG_STARTED -eq 1 ]]; then
        # A fault test may have left the cluster stopped; stop it only if it runs.
        if as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
            as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 30 >/dev/null \
                || as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m immediate -w >/dev/null
        fi
    fi
    if [[ -n "$WORK" && -d "$WORK" ]]; then
        mkdir -p "$ARTIFACTS/rig-logs"
        cp "$WORK"/*.log "$ARTIFACTS/rig-logs/" 2>/dev/null
        rm -rf "$WORK"
    fi
    printf '\n==> Durations: setup %ss, build %ss, tests %ss, total %ss\n' \
        "$T_SETUP" "$T_BUILD" "$T_TESTS" "$(seconds_since "$T_START")"
    if [[ $rc -eq 0 ]]; then
        printf '==> PASSED\n'
    else
        printf '==> FAILED (exit code %s); rig logs in %s\n' "$rc" "$ARTIFACTS/rig-logs"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. Prerequisites ----------------------------------------------------------------------------
install_missing_packages() {
    local missing=()
    if [[ -z "${CAREFLOW_TEST_POSTGRES:-}" ]] && [[ ! -x "$PG_BIN/initdb" || ! -x "$PG_BIN/pg_ctl" || ! -x "$PG_BIN/pg_isready" ]]; then
        missing+=(postgresql)
    fi
    if [[ -z "${CAREFLOW_TEST_SMTP:-}" ]] && ! { [[ -x $PYTHON ]] && $PYTHON -c 'import aiosmtpd' 2>/dev/null; }; then
        missing+=(python3-aiosmtpd)
    fi
    if [[ ! -x /usr/bin/chromium ]]; then
        missing+=(chromium fonts-liberation)
    fi
    if ! command -v docker-compose >/dev/null; then
        missing+=(docker-compose)
    fi
    # The CareFlow.Web build runs `npm ci` for the Elsa Studio designer bundle.
    if ! command -v npm >/dev/null; then
        missing+=(nodejs npm)
    fi
    [[ ${#missing[@]} -eq 0 ]] && return 0

    log "Installing missing packages: ${missing[*]}"
    is_root || die "missing packages (${missing[*]}); run as root or: sudo apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # No recommends: docker-compose would otherwise pull in the Docker engine.
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# --- 3. The rig -------------------------------------------------------------------------------------
free_ports() {
    # Holds all sockets until every port is chosen, so the ports differ from each other.
    $PYTHON - "$1" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

wait_for_port() {
    local port=$1 pid=$2 what=$3 deadline=$((SECONDS + 30))
    until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || die "$what exited during start-up; see $ARTIFACTS/rig-logs"
        ((SECONDS < deadline)) || die "$what did not listen on 127.0.0.1:$port within 30 s"
        sleep 0.1
    done
}

start_postgres() {
    local port=$1 sock="$WORK/pg-socket"
    PG_DATA="$WORK/pgdata"
    mkdir -p "$sock"
    is_root && chown -R postgres:postgres "$WORK"
    log "PostgreSQL: initdb in $PG_DATA"
    as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    # Everything a restart needs is in postgresql.conf, so `pg_ctl -D <data> start` alone comes back
    # on the same port. fsync stays on (the default): crash tests must see real durability.
    cat >>"$PG_DATA/postgresql.conf" <<EOF

# scripts/test.sh: throwaway test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 300
fsync = on
EOF
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w -t 60 start >/dev/null \
        || { tail -n 30 "$WORK/postgres.log" >&2; die "pg_ctl start failed"; }
    PG_STARTED=1
    local deadline=$((SECONDS + 30))
    until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1; do
        ((SECONDS < deadline)) || die "PostgreSQL not ready on 127.0.0.1:$port within 30 s"
        sleep 0.2
    done
    "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'CREATE DATABASE careflow_test'
    export CAREFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=careflow_test"
    export CAREFLOW_TEST_PG_BIN="$PG_BIN"
    export CAREFLOW_TEST_PG_DATA="$PG_DATA"
    export CAREFLOW_TEST_PG_LOG="$WORK/postgres.log"
    if is_root; then
        export CAREFLOW_TEST_PG_CTL_USER=postgres
    else
        CAREFLOW_TEST_PG_CTL_USER="$(id -un)"
        export CAREFLOW_TEST_PG_CTL_USER
    fi
}

start_smtp() {
    local port=$1 control_port=$2 dump="$WORK/smtp-dump"
    mkdir -p "$dump"
    log "SMTP server on 127.0.0.1:$port, control API on $control_port"
    $PYTHON "$ROOT/tests/tools/smtp_server.py" --port "$port" --control-port "$control_port" \
        --dump-dir "$dump" --verbose >"$WORK/smtp-server.log" 2>&1 </dev/null &
    SMTP_PID=$!
    # The control API starts after the SMTP listener, and probing it leaves the SMTP counters at zero.
    wait_for_port "$control_port" "$SMTP_PID" "SMTP server"
    export CAREFLOW_TEST_SMTP="127.0.0.1:$port"
    export CAREFLOW_TEST_SMTP_DUMP="$dump"
    export CAREFLOW_TEST_SMTP_CONTROL="http://127.0.0.1:$control_port"
}

# Per-project counts from the TRX files, and the names of every test that did not pass.
summarize() {
    $PYTHON - "$ARTIFACTS" <<'EOF' || true
import pathlib, re, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
rows, notable = [], []
for trx in sorted(pathlib.Path(sys.argv[1]).glob("*.trx")):
    root = ET.parse(trx).getroot()
    counts = {"Passed": 0, "Failed": 0, "NotExecuted": 0}
    stdout = "".join(root.find("t:ResultSummary", ns).itertext())
    for r in root.iterfind(".//t:UnitTestResult", ns):
        outcome = r.get("outcome", "")
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome != "Passed":
            notable.append(f"  {'SKIPPED' if outcome == 'NotExecuted' else outcome.upper()}  {r.get('testName')}")
    found = re.search(r"Discovering: (\S+)", stdout) or re.search(r"No test is available in \S*/([^/\s]+)\.dll", stdout)
    name = found.group(1) if found else trx.name
    rows.append((name, counts))
print("\n==> Test summary (from TRX)")
for name, c in sorted(rows):
    print(f"  {name:<40} passed {c['Passed']:>4}  failed {c['Failed']:>3}  skipped {c['NotExecuted']:>3}")
for line in notable:
    print(line)
EOF
}

begin_phase() { PHASE=$1; PHASE_START=$EPOCHREALTIME; }
# Adds the time since begin_phase to T_SETUP, T_BUILD or T_TESTS.
end_phase() {
    local var="T_${PHASE^^}"
    printf -v "$var" '%s' "$(awk -v t="${!var}" -v s="$PHASE_START" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", t + e - s }')"
    PHASE=""
}

main() {
    begin_phase setup
    install_missing_packages
    [[ -x $PYTHON ]] || die "$PYTHON is required"
    # dotnet-ef (.config/dotnet-tools.json): the tool that adds migrations; restored so it is there after a test run.
    log "Restoring .NET local tools"
    (cd "$ROOT" && dotnet tool restore)
    end_phase

    log "Building CareFlow.sln ($CONFIGURATION)"
    begin_phase build
    run_group dotnet build "$ROOT/CareFlow.sln" -c "$CONFIGURATION"
    end_phase

    begin_phase setup
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/careflow-test.XXXXXX")"
    rm -rf "$ARTIFACTS"
    mkdir -p "$ARTIFACTS"
    export CAREFLOW_TEST_ARTIFACTS="$ARTIFACTS"
    export CAREFLOW_TEST_CHROMIUM="${CAREFLOW_TEST_CHROMIUM:-/usr/bin/chromium}"
    local ports pg_port smtp_port control_port
    ports="$(free_ports 3)"
    read -r pg_port smtp_port control_port <<<"$ports"
    if [[ -n "${CAREFLOW_TEST_POSTGRES:-}" ]]; then
        log "PostgreSQL: using the preset CAREFLOW_TEST_POSTGRES"
    else
        start_postgres "$pg_port"
    fi
    if [[ -n "${CAREFLOW_TEST_SMTP:-}" ]]; then
        log "SMTP: using the preset CAREFLOW_TEST_SMTP"
    else
        start_smtp "$smtp_port" "$control_port"
    fi
    end_phase

    log "Test environment"
    env | grep '^CAREFLOW_TEST_' | sort | sed -E 's/(Password=)[^;]*/\1***/I; s/^/  /'

    log "dotnet test CareFlow.sln"
    begin_phase tests
    local rc=0
    # VSTest mode: a project with no tests yet reports "No test is available" and exits 0; any
    # failing test, crashed test host or hang (blame) makes the exit code non-zero. A project that
    # opts into Microsoft.Testing.Platform (TestingPlatformDotnetTestSupport) would instead exit 8
    # for "zero tests": --ignore-exit-code 8 forgives exactly that, never a failed test.
    # -m:1 runs the test projects one after another: they share one PostgreSQL cluster and one SMTP
    # server, and fault tests crash the one and switch the other's mode.
    run_group dotnet test "$ROOT/CareFlow.sln" -c "$CONFIGURATION" --no-build -m:1 \
        --logger "console;verbosity=normal" \
        --logger "trx" \
        --results-directory "$ARTIFACTS" \
        --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
        "-p:TestingPlatformCommandLineArguments=--ignore-exit-code 8" \
        "$@" || rc=$?
    TEST_GROUP=$LAST_GROUP
    end_phase
    find "$ARTIFACTS" -mindepth 1 -type d -empty -delete
    summarize
    return "$rc"
}

main "$@"
