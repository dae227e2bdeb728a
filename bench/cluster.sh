#!/usr/bin/env bash
# Benchmark taskflow-server as a cluster: instances on PostgreSQL behind nginx (configured
# from deploy/nginx.conf), with wrk against a page of GET /tasks and POST /tasks through
# nginx, first to one instance and then to three; then event delivery latency across
# instances (a change through one instance, the event on a socket attached to another).
#
#   bench/cluster.sh                      build if the binary is missing, 20 s per route
#   bench/cluster.sh --binary .build/debug/taskflow-server --duration 5    a quick run
#
# Options:
#   --build / --no-build     always build / never build (default: build only if missing)
#   --binary PATH            benchmark this taskflow-server binary (implies --no-build)
#   --duration N[s|m]        wrk duration per route (default 20s)
#   --connections N          wrk connections (default 64)
#   --threads N              wrk threads (default 2)
#   --tasks N                tasks to seed (default 2000)
#   --events N               events timed for the latency figures (default 300)
# PostgreSQL comes from .ci/services (a throwaway cluster; started when not running).
# Needs: wrk, curl, nginx, psql, python3 with websocket-client (Tests/requirements.txt).
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=$PWD
BENCH_NAME=cluster.sh
source bench/lib.sh

build=auto
binary=""
duration="20s"
connections=64
threads=2
tasks=2000
events=300

while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) build=yes ;;
        --no-build) build=no ;;
        --binary) binary="${2:?--binary needs a path}"; build=no; shift ;;
        --duration) duration="${2:?--duration needs a value}"; shift ;;
        --connections) connections="${2:?--connections needs a number}"; shift ;;
        --threads) threads="${2:?--threads needs a number}"; shift ;;
        --tasks) tasks="${2:?--tasks needs a number}"; shift ;;
        --events) events="${2:?--events needs a number}"; shift ;;
        -h|--help) usage "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
[[ $duration =~ ^[0-9]+$ ]] && duration="${duration}s"
[[ $duration =~ ^[0-9]+[smh]$ ]] || die "--duration must look like 20, 20s or 1m"
for n in "$connections" "$threads" "$tasks" "$events"; do [[ $n =~ ^[0-9]+$ ]] || die "counts must be numbers"; done
require_tools wrk curl python3 psql

scratch=".build-bench"
binary=$(build_product taskflow-server "$binary")
case $binary in */debug/*) echo "note: $binary is a debug build; figures are far below a release build's" ;; esac

source .ci/services
nginx_bin=$TASKFLOW_NGINX

work=$(mktemp -d "${TMPDIR:-/tmp}/taskflow-cluster-bench.XXXXXX")
chmod 777 "$work"
pids=()
nginx_pid=""
stop_all() {
    [[ -n $nginx_pid ]] && { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
    nginx_pid=""
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
cleanup() { local status=$?; stop_all; rm -rf "$work"; exit "$status"; }
trap cleanup EXIT
trap 'exit 130' INT

secret="bench-secret-0123456789abcdef0123456789"

# start_cluster N: a fresh database, N instances, nginx in front; sets $base and $ports.
start_cluster() {
    local n=$1 db="taskflow_bench_$RANDOM$RANDOM"
    psql -qX -v ON_ERROR_STOP=1 "$TASKFLOW_TEST_POSTGRES_URL" -c "CREATE DATABASE $db" >/dev/null
    local url=${TASKFLOW_TEST_POSTGRES_URL/\/postgres\?//$db?}
    ports=()
    for i in $(seq "$n"); do
        local port
        port=$(free_port)
        ports+=("$port")
        HOST=127.0.0.1 PORT=$port DATABASE_URL=$url JWT_SECRET=$secret TRUSTED_PROXIES=127.0.0.1 \
            RATE_LIMIT_MAX_REQUESTS=0 LOG_LEVEL=error JWT_EXPIRES_IN=1h \
            "$binary" >"$work/server-$n-$i.log" 2>&1 &
        pids+=($!)
        for _ in $(seq 300); do
            [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready" || true) == 200 ]] && break
            sleep 0.1
        done
    done
    local nport
    nport=$(free_port)
    # deploy/nginx.conf with this run's instances and port (each upstream's server lines).
    awk -v ports="${ports[*]}" -v listen="$nport" '
        /^[ \t]*server 127\.0\.0\.1:/ { if (!run) { n = split(ports, p, " "); for (i = 1; i <= n; i++) print "    server 127.0.0.1:" p[i] " max_fails=1 fail_timeout=5s;" } run = 1; next }
        { run = 0 }
        /^[ \t]*listen / { print "    listen 127.0.0.1:" listen ";"; next }
        { print }
    ' deploy/nginx.conf >"$work/site.conf"
    cat >"$work/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/body; proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
    include $work/site.conf;
}
EOF
    "$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log" &
    nginx_pid=$!
    base="http://127.0.0.1:$nport"
    for _ in $(seq 100); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true) == 200 ]] && return 0
        sleep 0.1
    done
    die "nginx did not answer on $base"
}

# seed: a user with $tasks tasks through nginx; prints the access token.
seed() { seed_tasks "$base" bench@example.com "$tasks"; }

# bench NAME wrk-arguments…: prints "requests/s p50 p99 errors".
bench() {
    local name=$1; shift
    wrk --latency -t"$threads" -c"$connections" -d"$duration" "$@" >"$work/$name.txt" 2>&1 || { cat "$work/$name.txt" >&2; die "wrk failed"; }
    awk '
        function ms(v) { if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000; if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0; if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000; return v + 0 }
        /^Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx/ { bad += $NF } /Socket errors/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) bad += $i + 0 }
        END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }
    ' "$work/$name.txt"
}

declare -A results
for n in 1 3; do
    echo "==> $n instance(s) on PostgreSQL behind nginx: seeding $tasks tasks"
    start_cluster "$n"
    token=$(seed)
    auth=(-H "Authorization: Bearer $token")
    echo "    wrk GET /api/v1/tasks?limit=20 (${duration}, $connections connections)"
    results[list-$n]=$(bench "list-$n" "${auth[@]}" "$base/api/v1/tasks?limit=20")
    echo "    wrk POST /api/v1/tasks"
    results[create-$n]=$(bench "create-$n" "${auth[@]}" -s "$ROOT/bench/post-task.lua" "$base/api/v1/tasks")
    if (( n == 3 )); then
        echo "==> event latency: $events changes through instance 1, socket on instance 2"
        latency=$(TOKEN="$token" WRITE="http://127.0.0.1:${ports[0]}" SOCKET="127.0.0.1:${ports[1]}" EVENTS="$events" python3 - <<'PY'
import http.client, json, os, statistics, time, websocket
token = os.environ["TOKEN"]; host, port = os.environ["SOCKET"].split(":")
ws = websocket.create_connection(f"ws://{host}:{port}/socket.io/?EIO=4&transport=websocket", timeout=10)
ws.recv(); ws.send('40' + json.dumps({"token": token})); assert ws.recv().startswith("40{")
w = os.environ["WRITE"].split("//")[1].split(":")
c = http.client.HTTPConnection(w[0], int(w[1]), timeout=10)
samples = []
for i in range(int(os.environ["EVENTS"])):
    title = f"latency {i}"
    began = time.perf_counter()
    c.request("POST", "/api/v1/tasks", body=json.dumps({"title": title}),
              headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    r = c.getresponse(); r.read()
    while True:
        m = ws.recv()
        if m == "2": ws.send("3"); continue
        if m.startswith('42["task-created"') and f'"{title}"' in m: break
    samples.append((time.perf_counter() - began) * 1000)
samples.sort()
print(f"{statistics.median(samples):.2f} {samples[int(len(samples) * 0.99) - 1]:.2f} {len(samples)}")
PY
)
    fi
    stop_all
done

echo
echo "taskflow-server cluster benchmark ($(nproc) cores): PostgreSQL $(psql -XtAc 'SHOW server_version' "$TASKFLOW_TEST_POSTGRES_URL"), nginx least_conn, wrk ${duration} x $connections connections x $threads threads, $tasks tasks seeded"
printf '%-44s %12s %10s %10s %8s\n' route "requests/s" p50 p99 errors
for n in 1 3; do
    for entry in "list|GET /api/v1/tasks?limit=20" "create|POST /api/v1/tasks"; do
        read -r rps p50 p99 bad <<<"${results[${entry%%|*}-$n]}"
        printf '%-44s %12s %7s ms %7s ms %8s\n' "${entry#*|}, $n instance(s)" "$rps" "$p50" "$p99" "$bad"
    done
done
read -r median p99 count <<<"$latency"
echo "event latency across instances (POST on one, task-created on a socket of another), $count events: median $median ms, p99 $p99 ms"
