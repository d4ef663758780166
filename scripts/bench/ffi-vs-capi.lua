-- ffi-vs-capi: call the same trivial C function, bench_add(i, 1),
--   capi-*  through a classic lua_CFunction (luaopen_benchc's "add")
--   ffi-*   through the ffi.C namespace (C.bench_add looked up on each call,
--           the way ffi.md tells readers to write it: caching the function
--           object in a local is the pattern to avoid)
-- with the JIT on (*-jit) or off (*-interp, jit.off()).
-- Usage: luajit ffi-vs-capi.lua <case> <runs> <path to benchc.so>
-- Prints nanoseconds per call, one line per run.
local bench = require "clock"
local ffi = require "ffi"

local case, runs, so = arg[1], tonumber(arg[2]) or 15, assert(arg[3], "path to benchc.so")

-- Load the library with RTLD_GLOBAL ("*") so ffi.C sees bench_add, then
-- open the Lua module from the same shared object.
assert(package.loadlib(so, "*"))
local benchc = assert(package.loadlib(so, "luaopen_benchc"))()
ffi.cdef "int bench_add(int a, int b);"

local mode, engine = case:match("^(%a+)%-(%a+)$")
if engine == "interp" then
    jit.off()
elseif engine ~= "jit" then
    error("unknown case: " .. tostring(case))
end

local sink = 0

local function capi(iters)
    local add = benchc.add
    local s = 0
    for i = 1, iters do
        s = add(i, s) % 1024
    end
    sink = s
end

local C = ffi.C

local function viaffi(iters)
    local s = 0
    for i = 1, iters do
        s = C.bench_add(i, s) % 1024
    end
    sink = s
end

capi(10); local a = sink; viaffi(10); assert(a == sink)

local fns = { capi = capi, ffi = viaffi }
local fn = assert(fns[mode], "unknown case: " .. tostring(case))
local iters = engine == "jit" and 5000000 or 1000000
local ns = bench.measure(fn, iters, runs)
bench.report(ns)
