#!/usr/bin/env bash
# Fuzz the parsers that read bytes from the network or from files, with libFuzzer and
# AddressSanitizer (swiftc -sanitize=fuzzer,address). Each target is its module's sources
# plus an entry in Fuzz/; each starts from its seeds in Fuzz/corpus/TARGET (taken from the
# tests) and runs for the given time. A crash stops the run, leaves the input in
# Fuzz/crashes/, and exits 1: fix it and keep the input as a test.
#
#   bench/fuzz.sh                      every target, 60 s each
#   bench/fuzz.sh --time 300 query     one target for five minutes
#
# Targets:
#   api-json    the JSON both sides decode with TaskFlowCore (API answers, request bodies)
#   query       the server's query string: QueryString.pairs, then TaskQuery.parse
#   toml        config.toml and theme files (TerminalUI's TOML reader)
#   text        server text on its way to the terminal: sanitising, width, wrapping
#   socketio    the one Socket.IO/Engine.IO codec (TaskFlowCore) both sides read frames with
#   websocket   the client's WebSocket frames and message assembly
#   filter      the full-screen client's filter line (status:todo due:<7d words)
# Options: --time SECONDS (default 60), --jobs N (fuzzing processes in parallel, default 1).
# Needs: swift (clang's libFuzzer comes with it), libcurl4-openssl-dev.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
BENCH_NAME=fuzz.sh
source bench/lib.sh

time=60 jobs=1 targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --time) time="${2:?--time needs seconds}"; shift ;;
        --jobs) jobs="${2:?--jobs needs a number}"; shift ;;
        -h|--help) usage "$0"; exit 0 ;;
        -*) die "unknown option $1 (try --help)" ;;
        *) targets+=("$1") ;;
    esac
    shift
done
all=(api-json socketio query toml text websocket filter)
(( ${#targets[@]} )) || targets=("${all[@]}")

out=.build-fuzz
mkdir -p "$out" Fuzz/crashes
flags=(-parse-as-library -O -g -sanitize=fuzzer,address)

# A module of its own, for targets whose sources import it.
library() {
    local name=$1; shift
    [[ -f $out/$name/lib$name.a && -z $(find "$@" -newer "$out/$name/lib$name.a" 2>/dev/null | head -1) ]] && return 0
    mkdir -p "$out/$name"
    echo "==> building module $name" >&2
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/$name/$name.swiftmodule" \
        -emit-library -static -o "$out/$name/lib$name.a" "$@" -I "$out/CCurl" -I "$out/TaskFlowCore" -I "$out/TerminalUI" 2>&1 \
        | grep -v 'Cannot export local symbol' >&2 || true
    [[ -f $out/$name/lib$name.a ]] || die "building $name failed"
}

# CCurl is a C target (SwiftPM writes its module map): one here, and its shim compiled.
ccurl() {
    mkdir -p "$out/CCurl"
    printf 'module CCurl {\n    header "%s"\n    export *\n}\n' "$PWD/Sources/CCurl/include/shim.h" >"$out/CCurl/module.modulemap"
    clang -c -O1 -g -fsanitize=fuzzer-no-link,address -I Sources/CCurl/include Sources/CCurl/shim.c -o "$out/CCurl/shim.o" \
        || die "building the CCurl shim failed"
}

build() {
    local target=$1 binary="$out/fuzz-$1"
    local -a sources link=()
    case $target in
        api-json) sources=($(find Sources/TaskFlowCore -name '*.swift') Fuzz/FuzzAPIJSON.swift) ;;
        socketio) sources=($(find Sources/TaskFlowCore -name '*.swift') Fuzz/FuzzSocketIO.swift) ;;
        query) sources=($(find Sources/TaskFlowCore -name '*.swift') Sources/TaskFlowServer/App/QueryString.swift Fuzz/FuzzQuery.swift) ;;
        toml) sources=($(find Sources/TerminalUI -name '*.swift') Fuzz/FuzzTOML.swift) ;;
        text) sources=($(find Sources/TerminalUI -name '*.swift') Fuzz/FuzzText.swift) ;;
        websocket)
            library TaskFlowCore $(find Sources/TaskFlowCore -name '*.swift')
            ccurl
            sources=(Sources/TaskFlowClient/*.swift Fuzz/FuzzWebSocket.swift)
            link=(-I "$out/TaskFlowCore" -L "$out/TaskFlowCore" -lTaskFlowCore -I "$out/CCurl" "$out/CCurl/shim.o") ;;
        filter)
            library TaskFlowCore $(find Sources/TaskFlowCore -name '*.swift')
            sources=(Sources/TaskFlowTUI/Model/FilterCompletion.swift Fuzz/FuzzFilter.swift)
            link=(-I "$out/TaskFlowCore" -L "$out/TaskFlowCore" -lTaskFlowCore) ;;
        *) die "unknown target $target (one of: ${all[*]})" ;;
    esac
    if [[ ! -x $binary || -n $(find "${sources[@]}" -newer "$binary" | head -1) ]]; then
        echo "==> building fuzz-$target" >&2
        swiftc "${flags[@]}" -module-name "Fuzz${target//-/}" "${link[@]}" "${sources[@]}" -o "$binary" 2>&1 \
            | grep -v 'Cannot export local symbol' >&2 || true
        [[ -x $binary ]] || die "building fuzz-$target failed"
    fi
}

status=0
for target in "${targets[@]}"; do
    build "$target"
    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    echo "==> fuzz-$target for ${time} s"
    parallel=()
    (( jobs > 1 )) && parallel=(-fork="$jobs")
    if ! "$out/fuzz-$target" "$corpus" "Fuzz/corpus/$target" -max_total_time="$time" "${parallel[@]}" \
        -artifact_prefix="Fuzz/crashes/$target-" -print_final_stats=1 >"$out/$target.log" 2>&1; then
        echo "fuzz-$target found a crash; the input is in Fuzz/crashes/ and the report in $out/$target.log" >&2
        grep -m1 -E 'Fatal error|ERROR: AddressSanitizer|Precondition failed' "$out/$target.log" >&2 || true
        status=1
        continue
    fi
    runs=$(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' "$out/$target.log" | grep -oE '[0-9]+$' || echo "?")
    edges=$(grep -oE 'cov: [0-9]+' "$out/$target.log" | tail -1 | grep -oE '[0-9]+' || echo "?")
    echo "    $runs inputs, $edges edges covered, no crash"
done
exit $status
