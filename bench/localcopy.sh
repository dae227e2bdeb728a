#!/usr/bin/env bash
# Benchmark the screen's local copy against the old online path (TASKFLOW_NO_CACHE=1),
# side by side in one run on one server (issue 14). `taskflow` runs in 120x40 tmux windows
# (bench/localcopy.py drives them) against a local taskflow-server:
#   1. first complete frame with a warm replica (one launch filled it and quit), and the
#      old path's, at 100,000 tasks (median of --launches launches each, alternating);
#   2. key to frame (TASKFLOW_FRAME_LOG) scrolling with `j`, and per keystroke of search
#      as you type (`/`, then --words letter by letter, 120 ms apart); also the time from
#      the last letter until the match count is on screen (the screen waits for a 250 ms
#      pause in typing before it searches, on both paths);
#   3. initial sync: launch to first complete frame with a cold replica (a fresh HOME);
#   4. --changes changes (x, s, p on a new row each time, alternating between two windows
#      of one user, --pace ms apart) on a second server with the DEFAULT rate limit (100
#      requests / 15 min), counting its /api requests and 429s from its access log; once on
#      the local copy, once on the old path (each with its own user, so its own budget).
# Seeding uses POST /api/v1/tasks/batch (100 creates a request) with the limit off; the
# second server is then restarted on the same database with the default limit.
# Targets (local copy): first frame ≤ 100 ms, scrolling p99 ≤ 5 ms, search keystroke
# p99 ≤ 16 ms, initial sync < 15 s, no 429 (and ≤ 100 counted requests) in the session.
#
#   bench/localcopy.sh               build release binaries if missing, full run (minutes)
#   bench/localcopy.sh --quick       smoke test: 2,000 tasks, fewer keys and changes
#   bench/localcopy.sh --no-build    measure the binaries in .build-bench as they are
#
# Options:
#   --build / --no-build     always build / never build (default: build only if missing)
#   --taskflow PATH          the taskflow binary to measure (implies --no-build for it)
#   --server PATH            the taskflow-server binary to run (implies --no-build for it)
#   --scratch-path DIR       SwiftPM build directory (default .build-bench)
#   --quick                  --tasks 2000 --keys 60 --launches 1 --words review
#                            --changes 30 --session-tasks 200 (any of them can follow)
#   --tasks N                tasks of the measured user (default 100000)
#   --keys N                 `j` presses to time on each path (default 300)
#   --launches N             measured warm launches on each path (default 5)
#   --words "W1 W2"          words to search for (default "review deploy budget")
#   --changes N              changes in the two-window session (default 200)
#   --pace MS                pause between those changes (default 300)
#   --session-tasks N        tasks of each session user (default 1000)
#   --no-session             skip part 4
#   --keep DIR               keep the work directory (logs, replicas, results) in DIR
#   --strict                 exit 1 when a target is missed
# Needs: swift (to build), tmux, curl, python3.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
BENCH_NAME=localcopy.sh
source bench/lib.sh

taskflow=""
server=""
tasks=100000 keys=300 launches=5 words="review deploy budget" changes=200 pace=300 session_tasks=1000
quick=0 session=1 keep="" strict=0

while [[ $# -gt 0 ]]; do
    build_option "$@"
    if [[ $taken -gt 0 ]]; then shift "$taken"; continue; fi
    case "$1" in
        --taskflow) taskflow="${2:?--taskflow needs a path}"; shift ;;
        --server) server="${2:?--server needs a path}"; shift ;;
        --quick) quick=1 tasks=2000 keys=60 launches=1 words=review changes=30 session_tasks=200 ;;
        --tasks) tasks="${2:?--tasks needs a number}"; shift ;;
        --keys) keys="${2:?--keys needs a number}"; shift ;;
        --launches) launches="${2:?--launches needs a number}"; shift ;;
        --words) words="${2:?--words needs words}"; shift ;;
        --changes) changes="${2:?--changes needs a number}"; shift ;;
        --pace) pace="${2:?--pace needs milliseconds}"; shift ;;
        --session-tasks) session_tasks="${2:?--session-tasks needs a number}"; shift ;;
        --no-session) session=0 ;;
        --keep) keep="${2:?--keep needs a directory}"; shift ;;
        --strict) strict=1 ;;
        -h|--help) usage "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
for name in tasks keys launches changes pace session_tasks; do
    [[ ${!name} =~ ^[1-9][0-9]*$ ]] || die "--${name/_/-} must be a positive number"
done
[[ $words =~ ^[a-z]+( [a-z]+)*$ ]] || die "--words must be lower-case words separated by spaces"
require_tools tmux curl python3

# ---- build -----------------------------------------------------------------------------
server=$(build_product taskflow-server "$server")
taskflow=$(build_product taskflow "$taskflow")

# ---- work directory, cleanup -------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/taskflow-localcopy-bench.XXXXXX")
socket="taskflow-localcopy-bench-$$"
server_pid=""
cleanup() {
    local status=$?
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
    stop_server
    local kept=""
    if [[ -n $keep ]] && mkdir -p "$keep" && cp -a "$work/." "$keep/"; then kept=$keep; fi
    rm -rf "$work"
    [[ -z $kept ]] || echo "work directory kept in $kept" || true
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

results="$work/results.jsonl"
: >"$results"
drive() { python3 bench/localcopy.py "$@" --socket "$socket" --work "$work" --taskflow "$taskflow" --base "$base"; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

# login HOME EMAIL [NAME=VALUE...]: a saved session in a throwaway HOME, as a user would have.
login() {
    local home=$1 email=$2
    shift 2
    mkdir -p "$home/config" "$home/data" "$home/state" "$home/cache" "$home/run"
    chmod 700 "$home/run"
    echo "bench-password-1" | env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run" "$@" \
        "$taskflow" login "$base" --email "$email" --password-stdin >/dev/null
}

# ---- parts 1–3: one server, limit off, access log on -------------------------------------
mkdir -p "$work/main"
start_server "$server" "$work/main" LOG_LEVEL=info
started=$(now)
echo "==> registering a user and creating $tasks tasks (POST /tasks/batch, 100 a request)"
token=$(seed_tasks "$base" localcopy-bench@example.com "$tasks" --max-words 40 --batch 100)
seed_seconds=$(elapsed "$started")
echo "    seeded in $seed_seconds s"
login "$work/home-local" localcopy-bench@example.com
login "$work/home-online" localcopy-bench@example.com TASKFLOW_NO_CACHE=1
log="$work/main/server.log"

# The server's count for each word, to know when the screen shows the whole word's answer.
search_args=()
for word in $words; do
    count=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/tasks?q=$word&limit=1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["pagination"]["total"])')
    search_args+=(--search "$word" --expect "$count")
done

local_args=(--path local --home "$work/home-local" --log "$log")
online_args=(--path online --home "$work/home-online" --log "$log" --env TASKFLOW_NO_CACHE=1)

echo "==> local copy, cold replica: launch until the first complete frame (initial sync of $tasks tasks)"
drive screen "${local_args[@]}" --name local-cold --phase cold --timeout 300 >>"$results"
echo "==> old path: one launch to warm the server's caches, not measured"
drive screen "${online_args[@]}" --name online-warmup --phase warmup >>"$results"

echo "==> $launches warm launches on each path, alternating; the last also scrolls and searches"
for n in $(seq "$launches"); do
    if [[ $n -lt $launches ]]; then
        drive screen "${local_args[@]}" --name "local-$n" --phase warm >>"$results"
        drive screen "${online_args[@]}" --name "online-$n" --phase warm >>"$results"
    else
        measure=(--phase keys --keys "$keys" --total "$tasks" "${search_args[@]}")
        drive screen "${local_args[@]}" --name "local-$n" "${measure[@]}" >>"$results"
        drive screen "${online_args[@]}" --name "online-$n" "${measure[@]}" >>"$results"
    fi
done
stop_server

# ---- part 4: a second server with the default rate limit ---------------------------------
if [[ $session -eq 1 ]]; then
    mkdir -p "$work/session"
    echo "==> session server: seeding two users with $session_tasks tasks each (limit off)"
    start_server "$server" "$work/session"
    seed_tasks "$base" session-local@example.com "$session_tasks" --max-words 12 --batch 100 >/dev/null
    seed_tasks "$base" session-online@example.com "$session_tasks" --max-words 12 --batch 100 >/dev/null
    stop_server
    echo "==> restarting it with the default rate limit (100 requests / 15 min per user) and the access log"
    start_server "$server" "$work/session" -RATE_LIMIT_MAX_REQUESTS -RATE_LIMIT_WINDOW_MS LOG_LEVEL=info
    policy=$(curl -s -o /dev/null -D - "$base/api/v1/tasks" | tr -d '\r' | awk -F': ' 'tolower($1) == "ratelimit-policy" { print $2 }')
    echo "    RateLimit-Policy: ${policy:-none}"
    login "$work/home-session-local" session-local@example.com
    login "$work/home-session-online" session-online@example.com TASKFLOW_NO_CACHE=1
    echo "==> local copy: $changes changes in two windows, $pace ms apart"
    drive session --path local --home "$work/home-session-local" --log "$work/session/server.log" \
        --changes "$changes" --pace "$pace" >>"$results"
    echo "==> old path: the same session"
    drive session --path online --home "$work/home-session-online" --log "$work/session/server.log" \
        --changes "$changes" --pace "$pace" --env TASKFLOW_NO_CACHE=1 >>"$results"
    stop_server
fi

python3 - "$tasks" "$seed_seconds" "$quick" "$(uptime)" >>"$results" <<'PY'
import json, sys
print(json.dumps({"kind": "info", "tasks": int(sys.argv[1]), "seed_seconds": float(sys.argv[2]),
                  "quick": sys.argv[3] == "1", "load": sys.argv[4].strip()}))
PY
echo "    seeding $tasks tasks took $seed_seconds s"
report_args=("$results")
[[ $strict -eq 1 ]] && report_args+=(--strict)
python3 bench/localcopy.py report "${report_args[@]}"
