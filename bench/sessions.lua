-- Spreads requests over many signed-in sessions (one per line of the file in SESSIONS_FILE,
-- read via the environment), as many users would, instead of 32 connections sharing one session
-- row in the session table.
local sessions = {}
local counter = 0

init = function(args)
    for line in io.lines(os.getenv("SESSIONS_FILE")) do
        sessions[#sessions + 1] = line
    end
end

request = function()
    counter = counter + 1
    local cookie = sessions[(counter % #sessions) + 1]
    return wrk.format("GET", nil, { ["Cookie"] = "SESSION=" .. cookie })
end
