#!/usr/bin/env bash
# Benchmark the full-screen client: `taskflow` in tmux against a local taskflow-server
# holding 10,000 tasks. Measures the time from launch to the first complete frame (tasks
# and stats on screen), the key-to-frame time while scrolling with `j` (median and p99,
# from key read to the frame flushed, as the app logs them with TASKFLOW_FRAME_LOG), and
# the client's peak RSS (VmHWM).
# Targets: first frame within 150 ms, key-to-frame p99 under 10 ms, RSS under 40 MB.
# The screen starts on its local copy, here a cold one: the first frame waits for the
# initial sync. --no-cache measures the online path (TASKFLOW_NO_CACHE=1);
# bench/localcopy.sh compares the two, with a warm replica, at 100,000 tasks.
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
#   --no-cache               the online path, without the local copy (TASKFLOW_NO_CACHE=1)
#   --strict                 exit 1 when a target is missed
# Needs: swift (to build), tmux, curl, python3.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
BENCH_NAME=tui.sh
source bench/lib.sh

build=auto
taskflow=""
server=""
scratch=".build-bench"
tasks=10000
keys=300
strict=0
no_cache=0

while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) build=yes ;;
        --no-build) build=no ;;
        --taskflow) taskflow="${2:?--taskflow needs a path}"; shift ;;
        --server) server="${2:?--server needs a path}"; shift ;;
        --scratch-path) scratch="${2:?--scratch-path needs a directory}"; shift ;;
        --tasks) tasks="${2:?--tasks needs a number}"; shift ;;
        --keys) keys="${2:?--keys needs a number}"; shift ;;
        --no-cache) no_cache=1 ;;
        --strict) strict=1 ;;
        -h|--help) usage "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
[[ $tasks =~ ^[1-9][0-9]*$ ]] || die "--tasks must be a positive number"
[[ $keys =~ ^[1-9][0-9]*$ ]] || die "--keys must be a positive number"
require_tools tmux curl python3

# ---- build -----------------------------------------------------------------------------
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
    stop_server
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_server "$server" "$work"

# ---- seed through the API ----------------------------------------------------------------
echo "==> registering a user and creating $tasks tasks through the API"
seed_tasks "$base" tui-bench@example.com "$tasks" --max-words 40 >/dev/null

# The screen signs in like a user would: a saved login in a throwaway config directory.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" XDG_STATE_HOME="$work/home/state"
mkdir -p "$HOME"
echo "bench-password-1" | "$taskflow" login "$base" --email tui-bench@example.com --password-stdin >/dev/null

# ---- measure ---------------------------------------------------------------------------
frames="$work/frames.log"
echo "==> launching taskflow in a 120x40 tmux window"
start_ms=$(python3 -c 'import time; print(int(time.time() * 1000))')
tmux -L "$socket" new-session -d -x 120 -y 40 \
    env HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" XDG_STATE_HOME="$XDG_STATE_HOME" \
    TERM=tmux-256color \
    LANG=C.UTF-8 TASKFLOW_FRAME_LOG="$frames" TASKFLOW_NO_CACHE="$no_cache" "$taskflow" --server "$base"
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
