#!/usr/bin/env python3
"""Times full GET /sync snapshots for bench/server.sh: pages of LIMIT from no cursor until
`more` is false, RUNS times. Prints "<tasks> <best seconds> <median seconds>" and, with
--cursor-file, writes the final cursor (for the 304 path's wrk run), with --ids-file the
ids (for the update runs)."""
import argparse, json, statistics, time, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("token")
parser.add_argument("--limit", type=int, default=1000)
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--cursor-file")
parser.add_argument("--ids-file", help="write the ids of the tasks of the last snapshot, one per line")
args = parser.parse_args()

def get(url):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {args.token}"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)

times, count, cursor, ids = [], 0, None, []
for _ in range(args.runs):
    start, count, cursor, more, ids = time.perf_counter(), 0, "", True, []
    while more:
        page = get(f"{args.base}/api/v1/sync?limit={args.limit}&cursor={cursor}")
        count += len(page["changes"])
        ids += [change["task"]["id"] for change in page["changes"] if change["op"] == "upsert"]
        cursor, more = page["cursor"], page["more"]
    times.append(time.perf_counter() - start)
if args.cursor_file:
    open(args.cursor_file, "w").write(cursor)
if args.ids_file:
    open(args.ids_file, "w").write("\n".join(ids) + "\n")
print(count, f"{min(times):.3f}", f"{statistics.median(times):.3f}")
