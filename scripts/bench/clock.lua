-- Monotonic wall clock in nanoseconds (clock_gettime(CLOCK_MONOTONIC)), shared
-- by the benchmarks. os.clock() is process CPU time with coarse resolution.
local ffi = require "ffi"

pcall(ffi.cdef, [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]])

local ts = ffi.new("bench_timespec")
local CLOCK_MONOTONIC = 1

local _M = {}

function _M.now_ns()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
    return tonumber(ts.tv_sec) * 1e9 + tonumber(ts.tv_nsec)
end

-- Runs `fn(iters)` once to warm up (and let the JIT compile it), then `runs`
-- times; returns a list of nanoseconds per operation, where one call of
-- `fn(iters)` performs `iters * ops_per_iter` operations.
function _M.measure(fn, iters, runs, ops_per_iter)
    ops_per_iter = ops_per_iter or 1
    fn(iters)
    fn(iters)
    local out = {}
    for r = 1, runs do
        collectgarbage()
        local t0 = _M.now_ns()
        fn(iters)
        local t1 = _M.now_ns()
        out[r] = (t1 - t0) / (iters * ops_per_iter)
    end
    return out
end

-- One line per sample, read by scripts/bench/run.ts.
function _M.report(samples)
    for i = 1, #samples do
        io.write(string.format("%.6f\n", samples[i]))
    end
end

return _M
