#!/usr/bin/env bash
# Soak taskflow-server: 1,000 authenticated Socket.IO sockets on one server (spread over 10
# users) while 200 writes/s arrive for 60 s, all on loopback. Counts that every event
# reaches every socket of its owner exactly once and that no write gets an error answer,
# and prints /health p50/p99 during the load and the server's peak RSS.
#
#   bench/soak.sh                      build the release server if missing, then soak
#   bench/soak.sh --no-build --duration 10 --sockets 200    a quick smoke run
#
# Options:
#   --build / --no-build     always build / never build (default: build only if missing)
#   --binary PATH            soak this taskflow-server binary (implies --no-build)
#   --scratch-path DIR       SwiftPM build directory (default .build-bench)
#   --sockets N              sockets to open (default 1000)
#   --users N                users the sockets and writes are spread over (default 10)
#   --rate N                 writes per second, all users together (default 200)
#   --duration N             seconds of writing (default 60)
#   --strict                 exit 1 when a target is missed
# Targets: every event delivered, no error answer, peak RSS ≤ 100 MB.
# Needs: swift (to build), curl, python3 with websockets (Tests/requirements.txt).
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
BENCH_NAME=soak.sh
source bench/lib.sh

sockets=1000 users=10 rate=200 duration=60 strict=0
while [[ $# -gt 0 ]]; do
    build_option "$@"
    if (( taken )); then shift "$taken"; continue; fi
    case "$1" in
        --sockets) sockets="${2:?}"; shift ;;
        --users) users="${2:?}"; shift ;;
        --rate) rate="${2:?}"; shift ;;
        --duration) duration="${2:?}"; shift ;;
        --strict) strict=1 ;;
        -h|--help) usage "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done
for value in "$sockets" "$users" "$rate" "$duration"; do [[ $value =~ ^[1-9][0-9]*$ ]] || die "numbers must be positive whole numbers"; done
require_tools curl python3
python3 -c 'import websockets' 2>/dev/null || die "python3 needs websockets (pip install -r Tests/requirements.txt)"

binary=$(build_product taskflow-server "$binary")
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
# One descriptor per socket, on both sides.
ulimit -n "$(( sockets * 2 + 1024 ))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
start_server "$binary" "$work"

credentials=()
for i in $(seq "$users"); do
    answer=$(curl -s -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
        -d "{\"name\":\"Soak $i\",\"email\":\"soak$i@example.com\",\"password\":\"correct horse\"}")
    credentials+=("$(python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["accessToken"]+","+a["user"]["id"])' <<<"$answer")")
done

echo "==> $sockets sockets over $users users, $rate writes/s for ${duration} s"
python3 bench/soak.py "$base" "${credentials[@]}" --sockets "$sockets" --rate "$rate" --duration "$duration" \
    --server-pid "$server_pid" || { status=$?; (( status == 3 && ! strict )) || exit "$status"; }
