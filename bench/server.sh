#!/usr/bin/env bash
# Benchmark taskflow-server: a release build on loopback, a user with 10,000 tasks, and
# wrk against /health, a page of GET /tasks, the 304 paths of /tasks and /sync, POST
# /tasks, PATCH /tasks/{id} and POST /tasks/batch of 100 updates; plus full GET /sync
# snapshots in pages of 1,000.
#
#   bench/server.sh                 build if the binary is missing, then 20 s per route
#   bench/server.sh --build         rebuild first (swift build -c release, several minutes)
#   bench/server.sh --no-build --duration 3 --connections 16    a quick smoke run
#
# Options:
#   --build / --no-build     always build / never build (default: build only if missing)
#   --binary PATH            benchmark this taskflow-server binary (implies --no-build)
#   --scratch-path DIR       SwiftPM build directory (default .build-bench)
#   --duration N[s|m]        wrk duration per route (default 20s)
#   --connections N          wrk connections (default 64)
#   --threads N              wrk threads (default 2)
#   --tasks N                tasks to seed (default 10000)
#   --strict                 exit 1 when any target is missed
# Needs: swift (to build), wrk, curl, python3.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=$PWD
BENCH_NAME=server.sh
source bench/lib.sh

duration="20s"
connections=64
threads=2
tasks=10000
strict=0

while [[ $# -gt 0 ]]; do
    build_option "$@"
    if (( taken )); then shift "$taken"; continue; fi
    case "$1" in
        --duration) duration="${2:?--duration needs a value}"; shift ;;
        --connections) connections="${2:?--connections needs a number}"; shift ;;
        --threads) threads="${2:?--threads needs a number}"; shift ;;
        --tasks) tasks="${2:?--tasks needs a number}"; shift ;;
        --strict) strict=1 ;;
        -h|--help) usage "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
[[ $duration =~ ^[0-9]+$ ]] && duration="${duration}s"
[[ $duration =~ ^[0-9]+[smh]$ ]] || die "--duration must look like 20, 20s or 1m"
[[ $connections =~ ^[1-9][0-9]*$ ]] || die "--connections must be a positive number"
[[ $threads =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive number"
[[ $tasks =~ ^[0-9]+$ ]] || die "--tasks must be a number"
(( connections >= threads )) || die "--connections must be at least --threads"

require_tools wrk curl python3

# ---- build and start ---------------------------------------------------------------------
binary=$(build_product taskflow-server "$binary")
work=$(mktemp -d "${TMPDIR:-/tmp}/taskflow-bench.XXXXXX")
cleanup() {
    local status=$?
    stop_server
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
start_server "$binary" "$work"

# ---- a user with many tasks ------------------------------------------------------------
echo "==> registering a user and seeding $tasks tasks"
start=$SECONDS
token=$(seed_tasks "$base" bench@example.com "$tasks")
seed_seconds=$(( SECONDS - start ))
echo "    seeded in ${seed_seconds} s"

list_url="$base/api/v1/tasks?limit=20"
etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "$list_url" \
    | tr -d '\r' | awk 'tolower($1) == "etag:" { sub(/^[^:]*:[ \t]*/, ""); print; exit }')
[[ -n $etag ]] || die "GET /api/v1/tasks answered without an ETag"
total=$(curl -s -H "Authorization: Bearer $token" "$list_url" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["pagination"]["total"])')
echo "    GET /api/v1/tasks reports total=$total, ETag $etag"
[[ $total == "$tasks" ]] || echo "    warning: expected total=$tasks"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H "If-None-Match: $etag" "$list_url")
[[ $code == 304 ]] || echo "    warning: If-None-Match answered $code, not 304"

# ---- sync snapshots ----------------------------------------------------------------------
echo "==> GET /api/v1/sync: 5 full snapshots of $tasks tasks in pages of 1,000"
read -r snapshot_count snapshot_best snapshot_median < <(python3 bench/sync-snapshot.py "$base" "$token" \
    --limit 1000 --runs 5 --cursor-file "$work/cursor" --ids-file "$work/ids")
echo "    $snapshot_count tasks; best ${snapshot_best} s, median ${snapshot_median} s"
[[ $snapshot_count == "$tasks" ]] || echo "    warning: expected $tasks tasks in the snapshot"
sync_url="$base/api/v1/sync?cursor=$(cat "$work/cursor")"
sync_etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "$sync_url" \
    | tr -d '\r' | awk 'tolower($1) == "etag:" { sub(/^[^:]*:[ \t]*/, ""); print; exit }')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H "If-None-Match: $sync_etag" "$sync_url")
[[ $code == 304 ]] || echo "    warning: GET /sync with If-None-Match answered $code, not 304"
export TASKFLOW_BENCH_IDS="$work/ids"

# ---- wrk -------------------------------------------------------------------------------
# run NAME wrk-arguments…: runs wrk, keeps its output in $work/NAME.txt, prints a line.
run() {
    local name=$1; shift
    echo "==> wrk $name: ${duration}, $connections connections, $threads threads"
    wrk --latency -t"$threads" -c"$connections" -d"$duration" "$@" >"$work/$name.txt" 2>&1 \
        || { cat "$work/$name.txt" >&2; die "wrk failed for $name"; }
    grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/$name.txt" | sed 's/^ */    /'
}
auth=(-H "Authorization: Bearer $token")
run health "$base/health"
run list "${auth[@]}" "$list_url"
run notmod "${auth[@]}" -H "If-None-Match: $etag" "$list_url"
run syncnotmod "${auth[@]}" -H "If-None-Match: $sync_etag" "$sync_url"
run create "${auth[@]}" -s "$ROOT/bench/post-task.lua" "$base/api/v1/tasks"
run patch "${auth[@]}" -s "$ROOT/bench/patch-task.lua" "$base"
run batch "${auth[@]}" -s "$ROOT/bench/batch-update.lua" "$base"

kill -0 "$server_pid" 2>/dev/null || { echo "bench/server.sh: the server died during the run; its output:" >&2; cat "$work/server.log" >&2; exit 1; }
rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$server_pid/status")

# ---- report ----------------------------------------------------------------------------
# Figures from wrk's output: requests/s, p50 and p99 in ms, and the count of bad answers.
figures() {
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
            if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        /^Requests\/sec:/        { rps = $2 }
        $1 == "50%"               { p50 = ms($2) }
        $1 == "99%"               { p99 = ms($2) }
        /Non-2xx or 3xx/          { bad += $NF }
        /Socket errors/           { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) bad += $i + 0 }
        END { printf "%s %s %s %d\n", rps + 0, p50 + 0, p99 + 0, bad + 0 }
    ' "$work/$1.txt"
}
read -r health_rps health_p50 health_p99 health_bad < <(figures health)

echo
echo "taskflow-server benchmark: $tasks seeded tasks, wrk ${duration} x $connections connections x $threads threads"
printf '%-34s %12s %10s %10s %9s %8s\n' route "requests/s" p50 p99 "x health" errors
declare -A ratio p99s bads rpss
for entry in "health|GET /health" "list|GET /api/v1/tasks?limit=20" \
             "notmod|GET /api/v1/tasks?limit=20 (304)" "syncnotmod|GET /api/v1/sync?cursor=… (304)" \
             "create|POST /api/v1/tasks" "patch|PATCH /api/v1/tasks/{id}" "batch|POST /api/v1/tasks/batch (100 updates)"; do
    name=${entry%%|*}; label=${entry#*|}
    read -r rps p50 p99 bad < <(figures "$name")
    ratio[$name]=$(awk -v a="$rps" -v b="$health_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    p99s[$name]=$p99
    bads[$name]=$bad
    rpss[$name]=$rps
    printf '%-34s %12.0f %8.2f ms %7.2f ms %8sx %8d\n' "$label" "$rps" "$p50" "$p99" "${ratio[$name]}" "$bad"
done
# A batch op's share of a batch's time, against one PATCH's time, both at full load.
per_op=$(awk -v p="${rpss[patch]}" -v b="${rpss[batch]}" 'BEGIN { printf "%.3f", (b > 0 ? p / (b * 100) : 99) }')
echo "time per op in a batch of 100 updates: ${per_op} x one PATCH's time"
echo "full sync snapshot of $snapshot_count tasks in pages of 1,000: best ${snapshot_best} s, median ${snapshot_median} s"
rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
echo "peak server RSS (VmHWM): $rss_mb MB"
echo

misses=0
verdict() {  # verdict LABEL MEASURED OK(0/1)
    local result=PASS
    if [[ $3 != 1 ]]; then result=MISS; misses=$((misses + 1)); fi
    printf '%-44s %-14s %s\n' "$1" "$2" "$result"
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? 1 : 0 }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? 1 : 0 }'; }
printf '%-44s %-14s %s\n' target measured result
verdict "list page >= 0.35 x /health requests/s" "${ratio[list]}x" "$(ge "${ratio[list]}" 0.35)"
verdict "304 path >= 0.70 x /health requests/s" "${ratio[notmod]}x" "$(ge "${ratio[notmod]}" 0.70)"
verdict "sync 304 path >= 0.80 x /health requests/s" "${ratio[syncnotmod]}x" "$(ge "${ratio[syncnotmod]}" 0.80)"
verdict "batch op <= 0.30 x one PATCH's time" "${per_op}x" "$(lt "$per_op" 0.3001)"
for name in health list notmod syncnotmod create patch; do
    verdict "p99 < 25 ms ($name)" "${p99s[$name]} ms" "$(lt "${p99s[$name]}" 25)"
done
verdict "peak RSS < 150 MB" "$rss_mb MB" "$(lt "$rss_mb" 150)"
all_bad=$(( bads[health] + bads[list] + bads[notmod] + bads[syncnotmod] + bads[create] + bads[patch] + bads[batch] ))
verdict "no errors or unexpected statuses" "$all_bad" "$( (( all_bad == 0 )) && echo 1 || echo 0)"

if (( misses > 0 )); then
    echo "$misses target(s) missed"
    (( strict )) && exit 1
fi
exit 0
