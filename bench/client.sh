#!/usr/bin/env bash
# Benchmark the taskflow client (issue 13), each figure side by side with its baseline in
# one hyperfine run, against a local release taskflow-server holding --tasks tasks:
#   1. start-up: `taskflow --version` against `curl --version`;
#   2. remote server (TCP loopback): `taskflow ls --json --limit 100` against `curl -s` of
#      the same page, with the local copy (the default: a sync that answers 304, then the
#      page from the copy) and with --no-cache (one GET); peak RSS of each (/usr/bin/time -v);
#   3. local mode (no server configured: the user's private server on a Unix socket, 100
#      tasks): the first command with the private server stopped (`taskflow local stop`
#      before each run, so taskflow starts it), and later commands with it running,
#      against the remote `ls` of 2.
# Targets: --version <= 10 ms; ls <= 1.5x curl; peak RSS <= 20 MB; local cold start
# <= 300 ms; later local commands <= 2x the remote ls.
#
#   bench/client.sh                     build release binaries if missing, then measure
#   bench/client.sh --build             rebuild both first (swift build -c release, minutes)
#   bench/client.sh --taskflow PATH --server PATH    measure these binaries
#
# Options:
#   --build / --no-build     always build / never build (default: build only if missing)
#   --taskflow PATH          the taskflow binary to measure (implies --no-build for it)
#   --server PATH            the taskflow-server binary to run (implies --no-build for it)
#   --scratch-path DIR       SwiftPM build directory (default .build-bench)
#
# Builds are the README's plain `swift build -c release`.
#   --tasks N                tasks to seed (default 5000)
#   --runs N                 hyperfine runs per command (default 50)
#   --strict                 exit 1 when a target is missed
# Needs: swift (to build), hyperfine, curl, cc, python3, /usr/bin/time (apt-get install time).
# Also prints what loading libcurl costs any program (bench/libcurl-load.c), for scale.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
BENCH_NAME=client.sh
source bench/lib.sh

build=auto
taskflow=""
server=""
scratch=".build-bench"
tasks=5000
runs=50
strict=0

while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) build=yes ;;
        --no-build) build=no ;;
        --taskflow) taskflow="${2:?--taskflow needs a path}"; shift ;;
        --server) server="${2:?--server needs a path}"; shift ;;
        --scratch-path) scratch="${2:?--scratch-path needs a directory}"; shift ;;
        --tasks) tasks="${2:?--tasks needs a number}"; shift ;;
        --runs) runs="${2:?--runs needs a number}"; shift ;;
        --strict) strict=1 ;;
        -h|--help) usage "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
[[ $tasks =~ ^[1-9][0-9]*$ ]] || die "--tasks must be a positive number"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"
require_tools hyperfine curl cc python3
[[ -x /usr/bin/time ]] || die "/usr/bin/time is not installed (apt-get install -y time)"

# ---- build -----------------------------------------------------------------------------
server=$(build_product taskflow-server "$server")
taskflow=$(build_product taskflow "$taskflow")

# ---- start the server ------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/taskflow-client-bench.XXXXXX")
server_pid=""
cleanup() {
    local status=$?
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
token=$(seed_tasks "$base" client-bench@example.com "$tasks" --max-words 20)
url="$base/api/v1/tasks?limit=100"

# The client signs in as a user does (credentials file), with a throwaway HOME.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" TASKFLOW_SERVER="$base"
mkdir -p "$HOME"
printf 'bench-password-1\n' | "$taskflow" login --email client-bench@example.com --password-stdin >/dev/null
"$taskflow" ls --json --limit 100 >"$work/taskflow.json"
curl -s -H "Authorization: Bearer $token" "$url" >"$work/curl.json"
python3 - "$work/taskflow.json" "$work/curl.json" <<'PY' || die "taskflow and curl printed different tasks"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert [t["id"] for t in a["tasks"]] == [t["id"] for t in b["tasks"]] and len(a["tasks"]) == 100, "mismatch"
PY

# ---- measure ---------------------------------------------------------------------------
peak_rss_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'; }

# What libcurl costs any program that loads it, taskflow and curl alike.
cc -O2 -o "$work/libcurl-load" bench/libcurl-load.c -ldl
rss_libcurl=$(peak_rss_kb "$work/libcurl-load")
rss_c=$(peak_rss_kb "$work/libcurl-load" none)

echo "==> hyperfine: start-up, $runs runs each"
hyperfine --warmup 5 --runs "$runs" --shell=none --export-json "$work/version.json" \
    --command-name "taskflow --version" "$taskflow --version" \
    --command-name "curl --version" "curl --version" \
    --command-name "C process" "$work/libcurl-load none" \
    --command-name "C process loading libcurl" "$work/libcurl-load"

echo "==> hyperfine: remote ls, $runs runs each, same server, same URL"
hyperfine --warmup 5 --runs "$runs" --shell=none --export-json "$work/remote.json" \
    --command-name "taskflow ls" "$taskflow ls --json --limit 100" \
    --command-name "taskflow ls --no-cache" "$taskflow ls --json --limit 100 --no-cache" \
    --command-name "curl -s" "curl -s -H 'Authorization: Bearer $token' $url"
rss_version=$(peak_rss_kb "$taskflow" --version)
rss_ls=$(peak_rss_kb "$taskflow" ls --json --limit 100)
rss_ls_online=$(peak_rss_kb "$taskflow" ls --json --limit 100 --no-cache)

echo "==> local mode: 100 tasks on the private server"
(
    unset TASKFLOW_SERVER TASKFLOW_TOKEN
    export HOME="$work/local" XDG_CONFIG_HOME="$work/local/config" XDG_RUNTIME_DIR="$work/local/run"
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    for i in $(seq 100); do "$taskflow" add "Local task $i" >/dev/null; done
    hyperfine --warmup 3 --runs "$runs" --shell=none --export-json "$work/local.json" \
        --prepare "$taskflow local stop" --command-name "local cold ls" "$taskflow ls --json --limit 100" \
        --prepare "$taskflow --version" --command-name "local warm ls" "$taskflow ls --json --limit 100"
    "$taskflow" local stop >/dev/null
)

python3 - "$work" "$rss_version" "$rss_ls" "$rss_ls_online" "$rss_libcurl" "$rss_c" "$strict" <<'PY'
import json, sys
work, rss_version, rss_ls, rss_ls_online, rss_libcurl, rss_c, strict = sys.argv[1], *map(int, sys.argv[2:7]), sys.argv[7]
def load(name): return {r["command"]: r["mean"] for r in json.load(open(f"{work}/{name}.json"))["results"]}
version, remote, local = load("version"), load("remote"), load("local")
missed = []
def line(label, seconds, note, ok):
    print(f"{label:<34} {seconds * 1000:7.1f} ms  {note}  {'ok' if ok else 'MISSED'}")
    if not ok: missed.append(label)
print()
print(f"{'curl --version':<34} {version['curl --version'] * 1000:7.1f} ms  (baseline)")
line("taskflow --version", version["taskflow --version"], "(target <= 10 ms)", version["taskflow --version"] <= 0.010)
curl = remote["curl -s"]
print(f"{'curl -s (same page)':<34} {curl * 1000:7.1f} ms  (baseline)")
for name in ("taskflow ls", "taskflow ls --no-cache"):
    ratio = remote[name] / curl
    line(name, remote[name], f"{ratio:.2f}x curl (target <= 1.5x)", ratio <= 1.5)
for label, kb in (("peak RSS --version", rss_version), ("peak RSS ls", rss_ls), ("peak RSS ls --no-cache", rss_ls_online)):
    ok = kb / 1024 <= 20
    print(f"{label:<34} {kb / 1024:7.1f} MB  (target <= 20 MB)  {'ok' if ok else 'MISSED'}")
    if not ok: missed.append(label)
line("local mode, cold (server started)", local["local cold ls"], "(target <= 300 ms)", local["local cold ls"] <= 0.300)
ratio = local["local warm ls"] / remote["taskflow ls"]
line("local mode, later commands", local["local warm ls"], f"{ratio:.2f}x remote ls (target <= 2x)", ratio <= 2)
load = version["C process loading libcurl"] - version["C process"]
print(f"{'loading libcurl (dlopen + init)':<34} {load * 1000:7.1f} ms  {(rss_libcurl - rss_c) / 1024:.1f} MB  "
      f"({load / curl:.2f}x curl -s; info)")
if strict == "1" and missed: sys.exit(1)
PY
