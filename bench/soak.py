#!/usr/bin/env python3
"""The soak driver of bench/soak.sh: SOCKETS authenticated Socket.IO sockets spread over
the given users, while writers create tasks at RATE per second for DURATION seconds, and a
prober times GET /health every 50 ms. Every event must reach every socket of its owner,
exactly once; every write must be a 2xx. Prints the figures and whether the targets are met (exit 3 when not).

    python3 bench/soak.py BASE_URL TOKEN,USER_ID [TOKEN,USER_ID …] --sockets 1000 --rate 200 --duration 60
"""
import argparse, asyncio, http.client, json, sys, threading, time, urllib.parse

import websockets  # Tests/requirements.txt

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("users", nargs="+", help="TOKEN,USER_ID of each user")
parser.add_argument("--sockets", type=int, default=1000)
parser.add_argument("--rate", type=float, default=200, help="writes per second, all users together")
parser.add_argument("--duration", type=float, default=60)
parser.add_argument("--drain", type=float, default=5, help="give up on the last events after this many quiet seconds")
parser.add_argument("--server-pid", type=int, help="read the server's peak RSS from /proc at the end")
parser.add_argument("--max-rss-mb", type=float, default=100)
args = parser.parse_args()
base = urllib.parse.urlsplit(args.base)
users = [tuple(u.split(",", 1)) for u in args.users]


class Socket:
    def __init__(self, token):
        self.token = token
        self.created = set()
        self.duplicates = 0
        self.ready = asyncio.Event()

    async def run(self, stop):
        url = f"ws://{base.hostname}:{base.port}/socket.io/?EIO=4&transport=websocket"
        async with websockets.connect(url, max_size=None, open_timeout=60, ping_interval=None) as ws:
            opening = await ws.recv()
            assert opening.startswith("0{"), opening
            await ws.send("40" + json.dumps({"token": self.token}))
            while not stop.is_set():
                try:
                    message = await asyncio.wait_for(ws.recv(), timeout=0.5)
                except asyncio.TimeoutError:
                    continue
                if message == "2":
                    await ws.send("3")
                elif message.startswith("40"):
                    self.ready.set()
                elif message.startswith("44"):
                    raise RuntimeError("refused: " + message)
                elif message.startswith("42"):
                    name, payload = json.loads(message[2:])[:2]
                    if name == "task-created":
                        if payload["id"] in self.created:
                            self.duplicates += 1
                        self.created.add(payload["id"])


def writer(token, interval, deadline, results, lock):
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
    next_at = time.monotonic()
    n = 0
    while time.monotonic() < deadline:
        next_at += interval
        n += 1
        conn.request("POST", "/api/v1/tasks", body=json.dumps({"title": f"soak {n}"}), headers=headers)
        response = conn.getresponse()
        body = response.read()
        with lock:
            if 200 <= response.status < 300:
                results["created"].setdefault(token, set()).add(json.loads(body)["id"])
            else:
                results["errors"].append(response.status)
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)


def prober(deadline, latencies):
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    while time.monotonic() < deadline:
        started = time.perf_counter()
        conn.request("GET", "/health")
        conn.getresponse().read()
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(0.05)


async def main():
    stop = asyncio.Event()
    sockets = [Socket(users[i % len(users)][0]) for i in range(args.sockets)]
    tasks = []
    for i, socket in enumerate(sockets):  # open them in waves, as clients arrive
        tasks.append(asyncio.create_task(socket.run(stop)))
        if i % 50 == 49:
            await asyncio.sleep(0.05)
    opened = time.monotonic()
    await asyncio.wait_for(asyncio.gather(*(s.ready.wait() for s in sockets)), timeout=120)
    connect_seconds = time.monotonic() - opened

    results = {"created": {}, "errors": []}
    lock = threading.Lock()
    latencies = []
    deadline = time.monotonic() + args.duration
    per_user_interval = len(users) / args.rate
    threads = [threading.Thread(target=writer, args=(token, per_user_interval, deadline, results, lock)) for token, _ in users]
    threads.append(threading.Thread(target=prober, args=(deadline, latencies)))
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        await asyncio.sleep(0.2)
    # Let the last events arrive: until every socket has them all, or nothing new has come
    # for --drain seconds (a busy driver reads slower than the server sends).
    def received():
        return sum(len(s.created) for s in sockets)
    last, quiet = received(), 0.0
    while quiet < args.drain and received() < sum(len(results["created"].get(s.token, ())) for s in sockets):
        await asyncio.sleep(0.5)
        now = received()
        quiet = 0.0 if now != last else quiet + 0.5
        last = now
    stop.set()
    failures = [r for r in await asyncio.gather(*tasks, return_exceptions=True) if isinstance(r, Exception)]

    written = sum(len(ids) for ids in results["created"].values())
    expected = sum(len(results["created"].get(s.token, ())) for s in sockets)
    delivered = sum(len(s.created & results["created"].get(s.token, set())) for s in sockets)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else None
    rss = None
    if args.server_pid:
        with open(f"/proc/{args.server_pid}/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    health = f"p50 {latencies[len(latencies) // 2]:.2f} ms, p99 {p99:.2f} ms" if latencies else "no probes"
    print(f"sockets {len(sockets)} over {len(users)} users (connected in {connect_seconds:.1f} s)")
    print(f"writes {written} ({written / args.duration:.1f}/s), error answers {len(results['errors'])}")
    print(f"events delivered {delivered} of {expected}, duplicates {sum(s.duplicates for s in sockets)}, sockets failed {len(failures)}")
    for reason in sorted({f"{type(f).__name__}: {f}" for f in failures})[:3]:
        print(f"  a socket failed with {reason}")
    print(f"/health during the load: {health} ({len(latencies)} probes)")
    if rss is not None:
        print(f"server peak RSS {rss:.1f} MB (target <= {args.max_rss_mb:.0f} MB)")
    ok = (delivered == expected and not results["errors"] and not failures
          and sum(s.duplicates for s in sockets) == 0 and (rss is None or rss <= args.max_rss_mb))
    print("all targets met" if ok else "TARGET MISSED")
    return ok


sys.exit(0 if asyncio.run(main()) else 3)
