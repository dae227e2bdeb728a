#!/usr/bin/env bash
# Clean `swift build -c release --product taskflow` of two commits, one after the other on
# the same machine (issue 13's before/after figure): each commit is checked out into a
# fresh worktree, its packages resolved first (not timed), then built from nothing under
# /usr/bin/time. Prints wall and CPU time, the binary's size (and stripped), and how many
# NIOCore symbols it holds (0 once taskflow links no server code).
#
#   bench/buildtime.sh [BEFORE [AFTER]]   default: f4f4ad7 (taskflow still linked the
#                                         server) against HEAD
#
# Minutes per build; keep the machine otherwise idle. Needs: git, swift, /usr/bin/time, nm.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
BENCH_NAME=buildtime.sh
source bench/lib.sh
[[ ${1:-} == -h || ${1:-} == --help ]] && { usage "$0"; exit 0; }
require_tools git swift nm strip
[[ -x /usr/bin/time ]] || die "/usr/bin/time is not installed (apt-get install -y time)"

work=$(mktemp -d "${TMPDIR:-/tmp}/taskflow-buildtime.XXXXXX")
trap 'for t in "$work"/*/; do git worktree remove --force "$t" 2>/dev/null || true; done; rm -rf "$work"' EXIT

for commit in "${1:-f4f4ad7}" "${2:-HEAD}"; do
    tree="$work/$(git rev-parse --short "$commit")"
    git worktree add -q --detach "$tree" "$commit"
    (cd "$tree" && swift package resolve >/dev/null 2>&1)
    /usr/bin/time -f "%e %U" -o "$work/time" bash -c "cd '$tree' && swift build -c release --product taskflow >'$work/build.log' 2>&1" \
        || { tail -20 "$work/build.log"; die "the build of $commit failed"; }
    read -r wall user <"$work/time"
    binary="$tree/.build/release/taskflow"
    strip -o "$work/stripped" "$binary"
    printf '%-9s clean build %6.0f s wall %6.0f s CPU   binary %4d MiB (stripped %3d MiB)   NIOCore symbols %d\n' \
        "$(git rev-parse --short "$commit")" "$wall" "$user" $(( $(stat -c %s "$binary") >> 20 )) \
        $(( $(stat -c %s "$work/stripped") >> 20 )) "$(nm "$binary" | grep -c NIOCore || true)"
done
