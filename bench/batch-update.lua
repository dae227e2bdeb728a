-- wrk script for bench/server.sh: every request is one POST /tasks/batch of 100 updates,
-- each renaming a different seeded task (ids from the file named by TASKFLOW_BENCH_IDS).
-- Every title is new, so every op writes; bench/server.sh divides by 100 for a per-op time.
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
    local ops = {}
    for i = 1, 100 do
        local id = ids[(offset + counter * 100 + i) % #ids + 1]
        ops[i] = '{"op":"update","id":"' .. id .. '","changes":{"title":"batch ' .. counter .. '-' .. i .. '"}}'
    end
    return wrk.format("POST", "/api/v1/tasks/batch", nil,
        '{"ops":[' .. table.concat(ops, ",") .. ']}')
end
