#!/usr/bin/env bash
# Benchmark the full-screen client: `taskflow` in tmux against a local taskflow-server
# holding 10,000 tasks. Measures the time from launch to the first complete frame (tasks
# and stats on screen), the key-to-frame time while scrolling with `j` (median and p99,
# from key read to the frame flushed, as the app logs them with TASKFLOW_FRAME_LOG), and
# the client's peak RSS (VmHWM).
# Targets: first frame within 150 ms, key-to-frame p99 under 10 ms, RSS under 40 MB.
#
#   bench/tui.sh                     build release binaries if missing, then measure
#   bench/tui.sh --build             rebuild both first (swift build -c release, minutes)
#   bench/tui.sh --taskflow PATH --server PATH    measure these binaries
#
# Options:
#   --build / --no-build     always build / never build (default: build only if missing)
#   --taskflow PATH          the taskflow binary to measure (implies --no-build for it)
#   --server PATH            the taskflow-server binary to run (implies --no-build for it)
#   --scratch-path DIR       SwiftPM build directory (default .build-bench)
#   --tasks N                tasks to seed (default 10000)
#   --keys N                 `j` presses to time (default 300)
#   --strict                 exit 1 when a target is missed
# Needs: swift (to build), tmux, curl, python3.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."

build=auto
taskflow=""
server=""
scratch=".build-bench"
tasks=10000
keys=300
strict=0

die() { echo "bench/tui.sh: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) build=yes ;;
        --no-build) build=no ;;
        --taskflow) taskflow="${2:?--taskflow needs a path}"; shift ;;
        --server) server="${2:?--server needs a path}"; shift ;;
        --scratch-path) scratch="${2:?--scratch-path needs a directory}"; shift ;;
        --tasks) tasks="${2:?--tasks needs a number}"; shift ;;
        --keys) keys="${2:?--keys needs a number}"; shift ;;
        --strict) strict=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
[[ $tasks =~ ^[1-9][0-9]*$ ]] || die "--tasks must be a positive number"
[[ $keys =~ ^[1-9][0-9]*$ ]] || die "--keys must be a positive number"
for tool in tmux curl python3; do
    command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y $tool)"
done

# ---- build -----------------------------------------------------------------------------
build_product() {  # product, current path → path
    local product=$1 path=$2
    if [[ -z $path ]]; then
        path="$scratch/release/$product"
        if [[ $build == yes || ( $build == auto && ! -x $path ) ]]; then
            echo "==> swift build -c release --product $product (this takes minutes)" >&2
            swift build -c release --static-swift-stdlib --product "$product" --scratch-path "$scratch" >&2
        fi
    fi
    [[ -x $path ]] || die "no $product binary at $path (run without --no-build, or pass its path)"
    readlink -f "$path"
}
server=$(build_product taskflow-server "$server")
taskflow=$(build_product taskflow "$taskflow")

# ---- start the server ------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/taskflow-tui-bench.XXXXXX")
socket="taskflow-tui-bench-$$"
server_pid=""
cleanup() {
    local status=$?
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
echo "==> starting $server on $base"
(
    cd "$work"
    export PORT="$port" DATABASE_URL="sqlite:$work/bench.sqlite"
    export RATE_LIMIT_MAX_REQUESTS=1000000000 LOG_LEVEL=error JWT_EXPIRES_IN=1h
    unset TASKFLOW_ENV
    exec "$server"
) >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; die "the server exited during start"; }
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true) == 200 ]] && break
    sleep 0.1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true) == 200 ]] || die "/health did not answer within 30 s"

# ---- seed through the API ----------------------------------------------------------------
echo "==> registering a user and creating $tasks tasks through the API"
BASE="$base" TASKS="$tasks" python3 - <<'PY'
import http.client, json, os, random, sys, threading, urllib.parse

base = urllib.parse.urlsplit(os.environ["BASE"])
total = int(os.environ["TASKS"])

def call(conn, method, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=json.dumps(body), headers=headers)
    response = conn.getresponse()
    return response.status, response.read()

conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
status, data = call(conn, "POST", "/api/v1/auth/register",
                    {"name": "Bench", "email": "tui-bench@example.com", "password": "bench-password-1"})
if status != 201:
    sys.exit(f"register answered {status}: {data[:300]!r}")
token = json.loads(data)["accessToken"]

words = "release notes review deploy invoice meeting backup refactor design draft 日本語 🚀".split()
counter, lock, failures = iter(range(total)), threading.Lock(), []

def worker(seed):
    rng, c = random.Random(seed), http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    while True:
        with lock:
            i = next(counter, None)
        if i is None:
            return
        body = {"title": f"{rng.choice(words)} {rng.choice(words)} {i}",
                "description": " ".join(rng.choice(words) for _ in range(rng.randint(0, 40))),
                "status": rng.choice(["todo", "todo", "in-progress", "done"]),
                "priority": rng.choice(["low", "medium", "high"])}
        if rng.random() < 0.7:
            body["dueDate"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        status, data = call(c, "POST", "/api/v1/tasks", body, token)
        if status != 201:
            with lock:
                failures.append((status, data[:200]))
            return

threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for t in threads: t.start()
for t in threads: t.join()
if failures:
    sys.exit(f"{len(failures)} creates failed, first: {failures[0]!r}")
PY

# The screen signs in like a user would: a saved login in a throwaway config directory.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
mkdir -p "$HOME"
echo "bench-password-1" | "$taskflow" login "$base" --email tui-bench@example.com --password-stdin >/dev/null

# ---- measure ---------------------------------------------------------------------------
frames="$work/frames.log"
echo "==> launching taskflow in a 120x40 tmux window"
start_ms=$(python3 -c 'import time; print(int(time.time() * 1000))')
tmux -L "$socket" new-session -d -x 120 -y 40 \
    env HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" TERM=tmux-256color \
    LANG=C.UTF-8 TASKFLOW_FRAME_LOG="$frames" "$taskflow" --server "$base"
for _ in $(seq 300); do
    grep -q '^first-frame' "$frames" 2>/dev/null && break
    sleep 0.02
done
grep -q '^first-frame' "$frames" 2>/dev/null || die "no complete frame within 6 s"
first_ms=$(awk '/^first-frame/ { print $2 - '"$start_ms"'; exit }' "$frames")
pid=$(tmux -L "$socket" list-panes -F '#{pane_pid}')

echo "==> pressing j $keys times"
for _ in $(seq "$keys"); do
    tmux -L "$socket" send-keys j
    sleep 0.005
done
for _ in $(seq 200); do
    [[ $(grep -c '^key' "$frames") -ge $keys ]] && break
    sleep 0.05
done
rss_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
screen=$(tmux -L "$socket" capture-pane -p)
tmux -L "$socket" send-keys q
total=$(python3 -c "print(f'{$tasks:,}')")
grep -q "of $total" <<<"$screen" || echo "note: the footer did not show the server's total of $total:" "$(tail -1 <<<"$screen")"

python3 - "$frames" "$first_ms" "$rss_kb" "$strict" <<'PY'
import sys
frames, first_ms, rss_kb, strict = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
times = sorted(float(line.split()[1]) for line in open(frames) if line.startswith("key "))
if not times:
    sys.exit("no key timings were logged")
median = times[len(times) // 2]
p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
rss_mb = rss_kb / 1024
print()
print(f"first complete frame: {first_ms} ms after launch (target 150 ms)  {'ok' if first_ms <= 150 else 'MISSED'}")
print(f"key to frame over {len(times)} keys: median {median:.2f} ms, p99 {p99:.2f} ms (target p99 < 10 ms)  {'ok' if p99 < 10 else 'MISSED'}")
print(f"peak RSS: {rss_mb:.1f} MB (target < 40 MB)  {'ok' if rss_mb < 40 else 'MISSED'}")
if strict and (first_ms > 150 or p99 >= 10 or rss_mb >= 40):
    sys.exit(1)
PY
