#!/usr/bin/env python3
"""Seeds a TaskFlow server for the benchmarks: registers a user and creates tasks through
the API with 8 connections in parallel, then prints the access token.

    python3 bench/seed.py BASE_URL EMAIL COUNT [--max-words N] [--batch N]

With --batch N each request is a POST /api/v1/tasks/batch of N creates (at most 100)
instead of one POST /api/v1/tasks per task: 100,000 tasks in 1,000 requests. Either way
each request counts against the server's rate limit; seed a server started with
RATE_LIMIT_MAX_REQUESTS=0.

Titles and descriptions mix English words with Japanese and an emoji, statuses,
priorities and due dates vary, and the random seed is fixed, so runs are comparable.
"""
import argparse, http.client, json, random, sys, threading, urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("email")
parser.add_argument("count", type=int)
parser.add_argument("--max-words", type=int, default=12, help="most words in a description")
parser.add_argument("--batch", type=int, default=0, help="creates per POST /tasks/batch (1-100; 0: one POST each)")
args = parser.parse_args()
if not 0 <= args.batch <= 100:
    parser.error("--batch must be from 0 to 100")
base = urllib.parse.urlsplit(args.base)


def connect():
    return http.client.HTTPConnection(base.hostname, base.port, timeout=30)


def call(conn, method, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=json.dumps(body), headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


status, data = call(connect(), "POST", "/api/v1/auth/register",
                    {"name": "Bench", "email": args.email, "password": "bench-password-1"})
if status != 201:
    sys.exit(f"register answered {status}: {data[:300]!r}")
token = json.loads(data)["accessToken"]

words = ("release notes review deploy invoice meeting backup refactor design draft "
         "budget report migrate upgrade triage plan 日本語 🚀").split()
counter, lock, failures = iter(range(args.count)), threading.Lock(), []


def task_body(rng, i):
    body = {
        "title": f"{rng.choice(words).capitalize()} {rng.choice(words)} {i}",
        "description": " ".join(rng.choice(words) for _ in range(rng.randint(0, args.max_words))),
        "status": rng.choice(["todo", "todo", "in-progress", "done"]),
        "priority": rng.choice(["low", "medium", "medium", "high"]),
    }
    if rng.random() < 0.7:
        body["dueDate"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return body


def fail(status, data):
    """Notes a failure; True when there have been too many to go on."""
    with lock:
        failures.append((status, data[:200]))
        return len(failures) > 20


def send(conn, method, path, body):
    try:
        status, data = call(conn, method, path, body, token)
    except (OSError, http.client.HTTPException) as error:
        conn.close()
        conn = connect()
        status, data = 0, str(error).encode()
    return conn, status, data


def worker(seed):
    rng, conn = random.Random(seed), connect()
    size = max(1, args.batch)
    while True:
        with lock:
            indices = [i for i in (next(counter, None) for _ in range(size)) if i is not None]
        if not indices:
            return
        if not args.batch:
            conn, status, data = send(conn, "POST", "/api/v1/tasks", task_body(rng, indices[0]))
            if status != 201 and fail(status, data):
                return
            continue
        ops = [{"op": "create", "task": task_body(rng, i)} for i in indices]
        conn, status, data = send(conn, "POST", "/api/v1/tasks/batch", {"ops": ops})
        if status != 200:
            if fail(status, data):
                return
            continue
        for result in json.loads(data)["results"]:
            if result.get("status") != 201 and fail(result.get("status"), json.dumps(result).encode()):
                return


threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
if failures:
    sys.exit(f"{len(failures)} creates failed, first: {failures[0]!r}")
print(token)
