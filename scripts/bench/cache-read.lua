-- cache-read: read the same hot key again and again, inside nginx.
--   lrucache  lua-resty-lrucache instance held at module level (per worker)
--   shdict    ngx.shared.DICT:get on a lua_shared_dict (shared by all workers)
-- Served by scripts/bench/cache-read.conf as GET /bench?case=<case>&iters=<n>;
-- the response is nanoseconds per read.
local bench = require "clock"
local lrucache = require "resty.lrucache"

local KEY, VALUE = "hot-key", "some cached value"

local lru = assert(lrucache.new(1000))
lru:set(KEY, VALUE)

local _M = {}

local function read_lru(iters)
    local n = 0
    for _ = 1, iters do
        local v = lru:get(KEY)
        n = n + #v
    end
    return n
end

local function read_shdict(iters)
    local dict = ngx.shared.bench
    local n = 0
    for _ = 1, iters do
        local v = dict:get(KEY)
        n = n + #v
    end
    return n
end

local fns = { lrucache = read_lru, shdict = read_shdict }

function _M.init()
    assert(ngx.shared.bench:set(KEY, VALUE))
end

function _M.handler()
    local args = ngx.req.get_uri_args()
    local fn = fns[args.case]
    if not fn then
        ngx.status = 400
        ngx.say("unknown case: ", tostring(args.case))
        return
    end
    local iters = tonumber(args.iters) or 1000000
    assert(fn(iters) == iters * #VALUE)
    local t0 = bench.now_ns()
    fn(iters)
    local t1 = bench.now_ns()
    ngx.say(string.format("%.6f", (t1 - t0) / iters))
end

return _M
