-- table-new: fill an array of N slots.
--   grow       local t = {} then t[i] = v (the array part is reallocated as it grows)
--   table-new  local t = table.new(N, 0) then t[i] = v (allocated once)
-- Usage: luajit table-new.lua <case> <runs> [slots]
-- Prints nanoseconds per filled table, one line per run.
local bench = require "clock"
local new_tab = require "table.new"

local case, runs, n = arg[1], tonumber(arg[2]) or 15, tonumber(arg[3]) or 100

local sink

local function grow(iters)
    for _ = 1, iters do
        local t = {}
        for i = 1, n do
            t[i] = i
        end
        sink = t
    end
end

local function prealloc(iters)
    for _ = 1, iters do
        local t = new_tab(n, 0)
        for i = 1, n do
            t[i] = i
        end
        sink = t
    end
end

local fns = { ["grow"] = grow, ["table-new"] = prealloc }
local fn = assert(fns[case], "unknown case: " .. tostring(case))

local ns = bench.measure(fn, 50000, runs)
bench.report(ns)
