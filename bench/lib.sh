# Shared by the benchmark scripts, which source it from the package root after setting
# BENCH_NAME (for messages). Each script keeps its own options and measurements.

die() { echo "bench/$BENCH_NAME: $*" >&2; exit 2; }

# The script's header comment, as --help text.
usage() { sed -n '2,/^set -euo/p' "$1" | sed '$d; s/^# \{0,1\}//'; }

require_tools() {
    local tool
    for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y $tool)"; done
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The options every benchmark that builds a server shares. build_option "$@" handles
# --build, --no-build, --binary PATH and --scratch-path DIR, setting build, binary and
# scratch; it sets `taken` to the words it used (0 when $1 is not one of them).
build=auto binary="" scratch=".build-bench"
build_option() {
    taken=1
    case "$1" in
        --build) build=yes ;;
        --no-build) build=no ;;
        --binary) binary="${2:?--binary needs a path}"; build=no; taken=2 ;;
        --scratch-path) scratch="${2:?--scratch-path needs a directory}"; taken=2 ;;
        *) taken=0 ;;
    esac
}

# build_product PRODUCT PATH → the binary's absolute path: PATH when given, else
# $scratch/release/PRODUCT, built first when $build is yes, or auto and the binary is
# missing: the README's plain release build (Package.swift links the Swift runtime and
# Foundation statically into both executables).
build_product() {
    local product=$1 path=$2
    if [[ -z $path ]]; then
        path="$scratch/release/$product"
        if [[ $build == yes || ( $build == auto && ! -x $path ) ]]; then
            echo "==> swift build -c release --product $product (this takes minutes)" >&2
            swift build -c release --product "$product" --scratch-path "$scratch" >&2
        fi
    fi
    [[ -x $path ]] || die "no $product binary at $path (run without --no-build, or pass its path)"
    readlink -f "$path"
}

# start_server BINARY WORK [NAME=VALUE | -NAME]...: taskflow-server on a free loopback port
# with its database and log in WORK, no rate limit and errors only in the log, unless the
# extra words set (NAME=VALUE) or unset (-NAME: the server's default) those or other
# variables; sets server_pid and base, and returns once /health is 200.
start_server() {
    local binary=$1 work=$2 port
    shift 2
    port=$(free_port)
    base="http://127.0.0.1:$port"
    echo "==> starting $binary on $base (database in $work)"
    (
        cd "$work"
        export HOST=127.0.0.1 PORT="$port" DATABASE_URL="sqlite:$work/bench.sqlite"
        export RATE_LIMIT_MAX_REQUESTS=0 LOG_LEVEL=error JWT_EXPIRES_IN=1h
        unset TASKFLOW_ENV FRONTEND_URL TRUSTED_PROXIES
        local setting
        for setting in "$@"; do
            if [[ $setting == -* ]]; then unset "${setting#-}"; else export "$setting"; fi
        done
        exec "$binary"
    ) >"$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 300); do
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; die "the server exited during start"; }
        [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true) == 200 ]] && return 0
        sleep 0.1
    done
    cat "$work/server.log" >&2
    die "/health did not answer 200 within 30 s"
}

# stop_server: SIGTERM (a graceful shutdown), SIGKILL after 5 s.
stop_server() {
    [[ -n ${server_pid:-} ]] && kill -0 "$server_pid" 2>/dev/null || return 0
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
}

# seed_tasks BASE EMAIL COUNT [--max-words N]: a user with COUNT tasks; prints its token.
seed_tasks() { python3 bench/seed.py "$@"; }
