#!/usr/bin/env python3
"""Drives `taskflow` in tmux for bench/localcopy.sh and prints what it measured as one
JSON object per call; `report` turns the collected objects into the table.

    localcopy.py screen  --socket S --name N --home DIR --base URL --taskflow PATH [options]
        Launches the screen, waits for its first complete frame (TASKFLOW_FRAME_LOG),
        then optionally scrolls with `j`, types searches letter by letter, reads the peak
        RSS, and quits (waiting for the process to end).
    localcopy.py session --socket S --home DIR --base URL --taskflow PATH --log FILE [options]
        Two windows of one user; CHANGES changes alternating between them (x, s, p on a
        new row each time), then counts the server's /api requests and 429s in its log.
    localcopy.py report RESULTS.jsonl [--strict]
"""
import argparse, json, os, re, statistics, subprocess, sys, time


def now_ms():
    return time.time() * 1000


def tmux(socket, *args, check=True):
    return subprocess.run(["tmux", "-L", socket, *args], check=check, capture_output=True, text=True)


def screen_env(args, frames):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": args.home, "TERM": "tmux-256color",
        "LANG": "C.UTF-8", "XDG_CONFIG_HOME": f"{args.home}/config", "XDG_DATA_HOME": f"{args.home}/data",
        "XDG_STATE_HOME": f"{args.home}/state", "XDG_CACHE_HOME": f"{args.home}/cache",
        "XDG_RUNTIME_DIR": f"{args.home}/run", "TASKFLOW_FRAME_LOG": frames,
    }
    for pair in args.env or []:
        name, _, value = pair.partition("=")
        env[name] = value
    return env


class NoFrame(Exception):
    pass


class Screen:
    """One `taskflow` in its own tmux session, with its frame log."""

    def __init__(self, args, name, frames):
        self.args, self.name, self.frames = args, name, frames
        env = screen_env(args, frames)
        command = ["env", "-i", *(f"{k}={v}" for k, v in env.items()), args.taskflow, "--server", args.base]
        self.launched = now_ms()
        tmux(args.socket, "new-session", "-d", "-s", name, "-x", "120", "-y", "40", *command)
        self.pid = int(tmux(args.socket, "list-panes", "-t", name, "-F", "#{pane_pid}").stdout.split()[0])

    def lines(self):
        try:
            with open(self.frames) as log:
                return log.read().splitlines()
        except FileNotFoundError:
            return []

    def key_times(self):
        return [float(line.split()[1]) for line in self.lines() if line.startswith("key ")]

    def wait_first_frame(self, timeout):
        """Milliseconds from launch to the first complete frame; raises NoFrame."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines():
                if line.startswith("first-frame "):
                    return int(line.split()[1]) - self.launched
            if not os.path.exists(f"/proc/{self.pid}"):
                raise NoFrame(f"{self.name}: taskflow exited before its first complete frame")
            time.sleep(0.005)
        raise NoFrame(f"{self.name}: no complete frame within {timeout:.0f} s; the screen shows:\n{self.capture().rstrip()}")

    def send(self, *keys, literal=False):
        tmux(self.args.socket, "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def capture(self):
        return tmux(self.args.socket, "capture-pane", "-p", "-t", self.name, check=False).stdout

    def wait_keys(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while len(self.key_times()) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return len(self.key_times()) >= count

    def wait_screen(self, pattern, timeout, since=None):
        """Milliseconds from `since` (default now) until the screen matches, or None."""
        start, deadline = since or now_ms(), time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.capture()):
                return now_ms() - start
            time.sleep(0.002)
        return None

    def rss_kb(self):
        with open(f"/proc/{self.pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))

    def quit(self, timeout=20):
        self.send("q")
        deadline = time.monotonic() + timeout
        while os.path.exists(f"/proc/{self.pid}") and time.monotonic() < deadline:
            time.sleep(0.02)
        if os.path.exists(f"/proc/{self.pid}"):
            tmux(self.args.socket, "kill-session", "-t", self.name, check=False)
            return False
        return True


ID = re.compile(r"/[0-9A-Za-z-]{20,}(?=/|$)")


def log_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def requests_since(path, offset):
    """The server's /api requests logged after byte `offset` (JSON access-log lines):
    totals, 304s (free), 429s and a count per route and status."""
    routes, total, free, refused = {}, 0, 0, 0
    with open(path, "rb") as log:
        log.seek(offset)
        for raw in log:
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if line.get("msg") != "request" or not str(line.get("path", "")).startswith("/api/"):
                continue
            status = int(line.get("status", 0))
            total += 1
            free += status == 304
            refused += status == 429
            route = f"{line.get('method')} {ID.sub('/:id', line['path'])}"
            routes.setdefault(route, {}).setdefault(str(status), 0)
            routes[route][str(status)] += 1
    return {"requests": total, "counted": total - free, "not_modified": free, "refused": refused, "routes": routes}


def wait_quiet(path, quiet=3.0, limit=90.0):
    """Waits until the log has not grown for `quiet` seconds (at most `limit`)."""
    deadline, size, since = time.monotonic() + limit, log_size(path), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if log_size(path) != size:
            size, since = log_size(path), time.monotonic()
        elif time.monotonic() - since >= quiet:
            return True
    return False


def count_text(n):
    return "1 match" if n == 1 else f"{n:,} matches"


def run_screen(args):
    frames = os.path.join(args.work, f"frames-{args.name}.log")
    offset = log_size(args.log) if args.log else 0
    screen = Screen(args, args.name, frames)
    try:
        result = {"kind": "screen", "path": args.path, "phase": args.phase, "first_ms": screen.wait_first_frame(args.timeout)}
    except NoFrame as problem:
        screen.quit()
        sys.exit(str(problem))
    if args.keys or args.search:
        # Let the start-up work (live feed, a catch-up sync, the next page) finish first.
        time.sleep(args.settle)
    if args.keys:
        before = len(screen.key_times())
        for _ in range(args.keys):
            screen.send("j")
            time.sleep(0.005)
        screen.wait_keys(before + args.keys)
        result["scroll_ms"] = screen.key_times()[before:]
    search_keys, results_ms, problems = [], [], []
    for word, expected in zip(args.search or [], args.expect or []):
        before = len(screen.key_times())
        screen.send("/")
        time.sleep(0.15)
        for n, letter in enumerate(word):
            sent = now_ms()
            screen.send(letter, literal=True)
            if n < len(word) - 1:
                time.sleep(args.typing / 1000)
        # From the last letter until the line shows the count of the whole word (after the
        # screen's pause for typing, then the query).
        seen = screen.wait_screen(re.escape(word) + r".*\b" + re.escape(count_text(expected)), 15, since=sent)
        if seen is None:
            problems.append(f"search {word!r}: expected {count_text(expected)}, the line shows: "
                            + screen.capture().rstrip().splitlines()[-1].strip())
        else:
            results_ms.append(seen)
        screen.wait_keys(before + 1 + len(word))
        search_keys += screen.key_times()[before + 1:before + 1 + len(word)]
        screen.send("Escape")
        screen.wait_screen(r"of " + re.escape(f"{args.total:,}"), 15)
        time.sleep(0.3)
    if args.search:
        result["search_key_ms"] = search_keys
        result["search_results_ms"] = results_ms
    if args.keys or args.search:
        result["rss_kb"] = screen.rss_kb()
    if problems:
        result["problems"] = problems
    if not screen.quit():
        result.setdefault("problems", []).append("q did not end the screen within 20 s")
    if args.log:
        wait_quiet(args.log, quiet=0.5, limit=5)
        result["server"] = requests_since(args.log, offset)
    print(json.dumps(result))


def run_session(args):
    """Two windows of one user, CHANGES changes between them, PACE ms apart."""
    offset = log_size(args.log)
    started = time.time()
    # The second window opens once the first shows its tasks, as a user would open it.
    windows = []
    try:
        for name in ("a", "b"):
            windows.append(Screen(args, f"{args.path}-{name}", os.path.join(args.work, f"frames-{args.path}-{name}.log")))
            windows[-1].wait_first_frame(args.timeout)
    except NoFrame as problem:
        for window in windows:
            window.quit()
        print(json.dumps({"kind": "session", "path": args.path, "failed": True, "problems": [str(problem)],
                          "server": requests_since(args.log, offset)}))
        return
    a, b = windows
    # Window b works from the end of the list upwards, a from the top down: different rows.
    b.send("G")
    wait_quiet(args.log, quiet=2, limit=30)
    opening = requests_since(args.log, offset)
    changing = log_size(args.log)
    change_start = time.time()
    for i in range(args.changes):
        window = a if i % 2 == 0 else b
        window.send("j" if window is a else "k")
        time.sleep(0.03)
        window.send("xsp"[(i // 2) % 3])
        time.sleep(args.pace / 1000)
    change_seconds = time.time() - change_start
    settled = wait_quiet(args.log, quiet=3, limit=90)
    # The journal paces its last batches by the rate limit: wait until neither window has
    # anything pending, so every change is counted, and say how long that took.
    drain_start = time.time()
    while time.time() - drain_start < 90:
        headers = [a.capture().splitlines()[0].strip(), b.capture().splitlines()[0].strip()]
        if not any("pending" in header for header in headers):
            break
        time.sleep(0.5)
    drained = round(time.time() - change_start - change_seconds, 1)
    time.sleep(1)
    headers = [a.capture().splitlines()[0].strip(), b.capture().splitlines()[0].strip()]
    during = requests_since(args.log, changing)
    a.quit()
    b.quit()
    ended = time.time()
    result = {
        "kind": "session", "path": args.path, "changes": args.changes, "pace_ms": args.pace,
        "seconds": round(ended - started, 1), "change_seconds": round(change_seconds, 1),
        "opening": opening, "changing": during, "server": requests_since(args.log, offset),
        # Fixed windows of 15 minutes from the epoch: crossing one starts the count afresh.
        "crossed_window": int(started // 900) != int(ended // 900),
        "settled": settled, "drained_seconds": drained, "headers": headers,
    }
    print(json.dumps(result))


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else None


def run_report(args):
    rows = [json.loads(line) for line in open(args.results) if line.strip()]
    info = next((r for r in rows if r["kind"] == "info"), {})
    screens = [r for r in rows if r["kind"] == "screen"]
    sessions = {r["path"]: r for r in rows if r["kind"] == "session" and not r.get("failed")}
    failed_sessions = [r["path"] for r in rows if r["kind"] == "session" and r.get("failed")]

    def of(path, phase=None):
        return [r for r in screens if r["path"] == path and (phase is None or r["phase"] in phase)]

    def gather(path, key, phase=None):
        return [v for r in of(path, phase) for v in (r.get(key) or [])]

    tasks = info.get("tasks", 0)
    table, missed = [], []

    def ms(v):
        return "—" if v is None else (f"{v:.0f} ms" if v >= 100 else f"{v:.1f} ms" if v >= 10 else f"{v:.2f} ms")

    def ratio(old, new):
        return "—" if old is None or new in (None, 0) else f"{old / new:.1f}×"

    def row(figure, local, online, rat, target, ok):
        verdict = "info" if ok is None else "PASS" if ok else "MISS"
        if ok is False:
            missed.append(figure)
        table.append((figure, local, online, rat, target, verdict))

    warm = {p: [r["first_ms"] for r in of(p, ("warm", "keys"))] for p in ("local", "online")}
    first = {p: statistics.median(v) if v else None for p, v in warm.items()}
    row(f"first complete frame, warm, {tasks:,} tasks (median of {len(warm['local'])})",
        ms(first["local"]), ms(first["online"]), ratio(first["online"], first["local"]), "≤ 100 ms",
        None if first["local"] is None else first["local"] <= 100)
    scroll = {p: gather(p, "scroll_ms") for p in ("local", "online")}
    sp = {p: p99(v) for p, v in scroll.items()}
    sm = {p: statistics.median(v) if v else None for p, v in scroll.items()}
    row(f"key to frame p99, scrolling j ({len(scroll['local'])} keys)", ms(sp["local"]), ms(sp["online"]),
        ratio(sp["online"], sp["local"]), "≤ 5 ms", None if sp["local"] is None else sp["local"] <= 5)
    row("  median", ms(sm["local"]), ms(sm["online"]), ratio(sm["online"], sm["local"]), "", None)
    typed = {p: gather(p, "search_key_ms") for p in ("local", "online")}
    tp = {p: p99(v) for p, v in typed.items()}
    row(f"key to frame p99, per keystroke of search ({len(typed['local'])} keys)", ms(tp["local"]), ms(tp["online"]),
        ratio(tp["online"], tp["local"]), "≤ 16 ms", None if tp["local"] is None else tp["local"] <= 16)
    found = {p: gather(p, "search_results_ms") for p in ("local", "online")}
    fm = {p: statistics.median(v) if v else None for p, v in found.items()}
    row("  last letter → match count on screen (median)", ms(fm["local"]), ms(fm["online"]),
        ratio(fm["online"], fm["local"]), "(250 ms pause)", None)
    cold = of("local", ("cold",))
    if cold:
        c = cold[0]
        syncs = sum(n for route, counts in c.get("server", {}).get("routes", {}).items()
                    if route.startswith("GET /api/v1/sync") for n in counts.values())
        row(f"initial sync, cold replica → first frame", f"{c['first_ms'] / 1000:.1f} s", "—", "—", "< 15 s",
            c["first_ms"] < 15000)
        row(f"  requests of that launch (GET /sync; {-(-tasks // 1000)} pages of 1,000 expected)",
            f"{c.get('server', {}).get('counted', 0)} ({syncs})", "—", "—", "", None)
    if sessions:
        local, online = sessions.get("local"), sessions.get("online")
        changes = (local or online)["changes"]
        row(f"{changes} changes, 2 windows, default limit: 429s",
            str(local["server"]["refused"]) if local else "—", str(online["server"]["refused"]) if online else "—",
            "—", "0", None if not local else local["server"]["refused"] == 0)
        lc = local["server"]["counted"] if local else None
        oc = online["server"]["counted"] if online else None
        row("  requests counted against the limit (100 / 15 min)", "—" if lc is None else str(lc),
            "—" if oc is None else str(oc), ratio(oc, lc), "≤ 100", None if lc is None else lc <= 100)
    for path in failed_sessions:
        row(f"two-window session ({'local copy' if path == 'local' else 'old path'})", "failed" if path == "local" else "—",
            "failed" if path == "online" else "—", "—", "see problems", False if path == "local" else None)
    measured = {p: next((r["server"]["counted"] for r in of(p, ("keys",)) if "server" in r), None) for p in ("local", "online")}
    row("requests of the launch that scrolls and searches", "—" if measured["local"] is None else str(measured["local"]),
        "—" if measured["online"] is None else str(measured["online"]), ratio(measured["online"], measured["local"]), "", None)
    rss = {p: max((r["rss_kb"] for r in of(p) if "rss_kb" in r), default=None) for p in ("local", "online")}
    row("peak RSS", "—" if rss["local"] is None else f"{rss['local'] / 1024:.1f} MB",
        "—" if rss["online"] is None else f"{rss['online'] / 1024:.1f} MB", ratio(rss["online"], rss["local"]), "", None)

    widths = [max(len(str(r[i])) for r in table + [("figure", "local copy", "old path", "old/local", "target", "")])
              for i in range(6)]
    header = ("figure", "local copy", "old path", "old/local", "target", "")
    print()
    if info.get("quick"):
        print(f"QUICK RUN ({tasks:,} tasks): a smoke test, not the issue's sizes")
    for i, r in enumerate([header] + table):
        print("  ".join(str(c).ljust(w) if j == 0 else str(c).rjust(w) for j, (c, w) in enumerate(zip(r, widths))).rstrip())
        if i == 0:
            print("-" * (sum(widths) + 10))
    print()
    for path, session in sessions.items():
        name = "local copy" if path == "local" else "old path"
        print(f"{name} session: {session['changes']} changes {session['pace_ms']:.0f} ms apart in {session['change_seconds']} s; "
              f"opening {session['opening']['counted']} counted requests, changes {session['changing']['counted']}; "
              f"{'settled' if session['settled'] else 'still sending after 90 s'}; "
              f"nothing pending {session.get('drained_seconds', '?')} s after the last change"
              f"{'; crossed a 15-minute window, counts restarted' if session['crossed_window'] else ''}")
        for route, counts in sorted(session["server"]["routes"].items()):
            print(f"    {route:32} " + "  ".join(f"{status}×{n}" for status, n in sorted(counts.items())))
        print(f"    headers at the end: {' | '.join(session['headers'])}")
    for r in rows:
        for problem in r.get("problems", []):
            print(f"problem ({r.get('path')} {r.get('phase', r['kind'])}): {problem}")
    if info.get("load"):
        print(f"load: {info['load']}")
    if args.strict and missed:
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--socket", required=True)
    common.add_argument("--work", required=True)
    common.add_argument("--home", required=True)
    common.add_argument("--base", required=True)
    common.add_argument("--taskflow", required=True)
    common.add_argument("--env", action="append", help="NAME=VALUE for the screen")
    common.add_argument("--path", required=True, help="local or online (for the report)")
    common.add_argument("--timeout", type=float, default=30, help="seconds to wait for the first frame")
    screen = sub.add_parser("screen", parents=[common])
    screen.add_argument("--name", required=True)
    screen.add_argument("--phase", required=True, help="cold, warm or keys (for the report)")
    screen.add_argument("--keys", type=int, default=0)
    screen.add_argument("--search", action="append", help="a word to type letter by letter")
    screen.add_argument("--expect", action="append", type=int, help="the server's count for each --search word")
    screen.add_argument("--total", type=int, default=0, help="tasks in the list without a search")
    screen.add_argument("--typing", type=float, default=120, help="ms between letters")
    screen.add_argument("--settle", type=float, default=1.0, help="seconds after the first frame before keys")
    screen.add_argument("--log", help="the server's access log: count the requests of this screen")
    session = sub.add_parser("session", parents=[common])
    session.add_argument("--log", required=True, help="the server's access log")
    session.add_argument("--changes", type=int, default=200)
    session.add_argument("--pace", type=float, default=300, help="ms between changes")
    report = sub.add_parser("report")
    report.add_argument("results")
    report.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    {"screen": run_screen, "session": run_session, "report": run_report}[args.command](args)


if __name__ == "__main__":
    main()
