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

build=auto
taskflow=""
server=""
scratch=".build-bench"
tasks=5000
runs=50
strict=0

die() { echo "bench/client.sh: $*" >&2; exit 2; }
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
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
[[ $tasks =~ ^[1-9][0-9]*$ ]] || die "--tasks must be a positive number"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number"
for tool in hyperfine curl python3; do
    command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y $tool)"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is not installed (apt-get install -y time)"

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
work=$(mktemp -d "${TMPDIR:-/tmp}/taskflow-client-bench.XXXXXX")
server_pid=""
cleanup() {
    local status=$?
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
token=$(BASE="$base" TASKS="$tasks" python3 - <<'PY'
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
                    {"name": "Bench", "email": "client-bench@example.com", "password": "bench-password-1"})
if status != 201:
    sys.exit(f"register answered {status}: {data[:300]!r}")
token = json.loads(data)["accessToken"]

words = "release notes review deploy invoice meeting backup refactor design draft 日本語 ✓".split()
counter, lock, failures = iter(range(total)), threading.Lock(), []

def worker(seed):
    rng, c = random.Random(seed), http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    while True:
        with lock:
            i = next(counter, None)
        if i is None:
            return
        body = {"title": f"{rng.choice(words)} {rng.choice(words)} {i}",
                "description": " ".join(rng.choice(words) for _ in range(rng.randint(0, 20))),
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
print(token)
PY
)
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
