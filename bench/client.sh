#!/usr/bin/env bash
# Benchmark the taskflow client: `taskflow ls --json --limit 100` against a local release
# taskflow-server holding many tasks, as a ratio to `curl -s` of the same URL measured in
# the same hyperfine run, plus the client's peak RSS from /usr/bin/time -v.
# Targets: at most 3x curl's time, under 30 MB.
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
# Builds link the Swift runtime statically (--static-swift-stdlib), as a shipped binary
# should: it saves about 6 MB of RSS and some start-up time over the shared runtime.
#   --tasks N                tasks to seed (default 5000)
#   --runs N                 hyperfine runs per command (default 50)
#   --strict                 exit 1 when a target is missed
# Needs: swift (to build), hyperfine, curl, python3, /usr/bin/time (apt-get install time).
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
require_tools hyperfine curl python3
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

# The client reads its server and token from the environment, with a throwaway HOME.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" TASKFLOW_SERVER="$base" TASKFLOW_TOKEN="$token"
mkdir -p "$HOME"
"$taskflow" ls --json --limit 100 >"$work/taskflow.json"
curl -s -H "Authorization: Bearer $token" "$url" >"$work/curl.json"
python3 - "$work/taskflow.json" "$work/curl.json" <<'PY' || die "taskflow and curl printed different tasks"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert [t["id"] for t in a["tasks"]] == [t["id"] for t in b["tasks"]] and len(a["tasks"]) == 100, "mismatch"
PY

# ---- measure ---------------------------------------------------------------------------
echo "==> hyperfine: $runs runs each, same server, same URL"
hyperfine --warmup 5 --runs "$runs" --shell=none --export-json "$work/hyperfine.json" \
    --command-name "taskflow ls --json --limit 100" "$taskflow ls --json --limit 100" \
    --command-name "curl -s" "curl -s -H 'Authorization: Bearer $token' $url"

/usr/bin/time -v "$taskflow" ls --json --limit 100 >/dev/null 2>"$work/time.txt"
rss_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time.txt")

python3 - "$work/hyperfine.json" "$rss_kb" "$strict" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
client, curl = results["taskflow ls --json --limit 100"], results["curl -s"]
ratio = client["mean"] / curl["mean"]
rss_mb = int(sys.argv[2]) / 1024
print()
print(f"taskflow ls --json --limit 100: {client['mean'] * 1000:.1f} ms ± {client['stddev'] * 1000:.1f}")
print(f"curl -s (same URL):             {curl['mean'] * 1000:.1f} ms ± {curl['stddev'] * 1000:.1f}")
print(f"ratio: {ratio:.2f}x curl (target <= 3x)  {'ok' if ratio <= 3 else 'MISSED'}")
print(f"peak RSS: {rss_mb:.1f} MB (target < 30 MB)  {'ok' if rss_mb < 30 else 'MISSED'}")
if sys.argv[3] == "1" and (ratio > 3 or rss_mb >= 30):
    sys.exit(1)
PY
