-- wrk script for bench/server.sh: every request is one PATCH that renames one seeded task.
-- The task ids come from the file named by TASKFLOW_BENCH_IDS (one per line); each wrk
-- thread walks them from its own offset. Every title is new, so every PATCH writes.
local ids = {}
for line in io.lines(os.getenv("TASKFLOW_BENCH_IDS")) do ids[#ids + 1] = line end
local counter = 0
-- Set here, not per request: wrk.format with a headers table would drop the -H ones.
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
    thread:set("offset", math.random(#ids))
end

function request()
    counter = counter + 1
    local id = ids[(offset + counter) % #ids + 1]
    return wrk.format("PATCH", "/api/v1/tasks/" .. id, nil,
        '{"title":"renamed ' .. counter .. '"}')
end
