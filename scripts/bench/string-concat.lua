-- string-concat: build one string from N pieces.
--   dotdot        s = s .. piece in a loop (every step copies the whole prefix)
--   table-concat  collect the pieces in a table, then table.concat once
-- Usage: luajit string-concat.lua <case> <runs> [pieces]
-- Prints microseconds per built string, one line per run.
local bench = require "clock"

local case, runs, n = arg[1], tonumber(arg[2]) or 15, tonumber(arg[3]) or 10000

local pieces = {}
for i = 1, n do
    pieces[i] = string.format("%05d,", i)   -- 6 bytes each
end

local sink

local function dotdot(iters)
    for _ = 1, iters do
        local s = ""
        for i = 1, n do
            s = s .. pieces[i]
        end
        sink = s
    end
end

local function table_concat(iters)
    for _ = 1, iters do
        local t = {}
        for i = 1, n do
            t[#t + 1] = pieces[i]
        end
        sink = table.concat(t)
    end
end

local fns = { ["dotdot"] = dotdot, ["table-concat"] = table_concat }
local fn = assert(fns[case], "unknown case: " .. tostring(case))

-- Check both build the same string before timing anything.
dotdot(1); local a = sink; table_concat(1); assert(a == sink and #a == 6 * n)

local iters = case == "dotdot" and 2 or 100
local ns = bench.measure(fn, iters, runs)
for i = 1, #ns do ns[i] = ns[i] / 1e3 end     -- microseconds per string
bench.report(ns)
