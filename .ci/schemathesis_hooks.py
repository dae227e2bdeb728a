"""Hooks for .ci/schemathesis (loaded through SCHEMATHESIS_HOOKS).

Idempotency-Key: the contract replays the first answer to a key and body for 24 hours,
exactly as first sent, even after the task it created has been deleted (API.md, "Writes",
as Stripe does). Hypothesis sends the same generated request again (other phases, replays,
shrinking), and a replayed 201 can then name a task deleted since, which the stateful check
ensure_resource_availability (ST302) reports as a created resource that cannot be found. So
each generated key, when it is a valid one (1-255 characters), gets a number of its own in
front: every answer is to the request just sent, and the header is still fuzzed. Replays and
the 409 for a reused key are tested by IdempotencyTests.
"""

import itertools

import schemathesis

_requests = itertools.count(1)


@schemathesis.hook
def map_headers(context, headers):
    # Applied as the headers are generated (fuzzing and stateful phases, where the replays
    # and the stateful check are), so that schemathesis classifies the case with the key it
    # will send. (Changing it in a before_call hook makes schemathesis re-check the case, which
    # turns a coverage case "without Authorization" into a positive one that then carries the
    # -H Authorization header, and reports its 201 as a missing header accepted.)
    if headers:
        for name, key in headers.items():
            if name.lower() == "idempotency-key" and isinstance(key, str) and 1 <= len(key) <= 255:
                headers[name] = f"{next(_requests)}:{key}"[:255]
    return headers
