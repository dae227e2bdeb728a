-- wrk script for bench/server.sh: every request creates one small task.
-- The bearer token comes from the command line (wrk -H "Authorization: Bearer …").
-- The request is fixed, so wrk builds it once; there is no Idempotency-Key, so each
-- request creates a new task. No response() hook: it would make wrk parse every body.
-- wrk reports answers other than 2xx/3xx as "Non-2xx or 3xx responses".
wrk.method = "POST"
wrk.body = '{"title":"Benchmark task","description":"created by wrk","priority":"high","dueDate":"2030-01-15"}'
wrk.headers["Content-Type"] = "application/json"
