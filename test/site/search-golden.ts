// Golden queries for the site search: each query must list the given page
// (and, where it matters, the given section) among the first three results.
// Pages are clean links without the base, as in docs/.vitepress/sidebar.ts.
// Do not weaken a query to make it pass: if a page really lacks the word, say
// so in the commit message and change the expectation to the page that has it.

export interface GoldenQuery {
  query: string
  /** Clean link of the page, e.g. `/luajit/ffi` or `/luajit/` for an index page. */
  page: string
  /** Heading anchor the result must point to (without `#`); any section of the page if omitted. */
  section?: string
  /** What kind of query this is, for the measurement report. */
  kind: 'zh-word' | 'zh-phrase' | 'api' | 'mixed'
}

export const GOLDEN: GoldenQuery[] = [
  // Chinese words in the middle of sentences.
  { query: '协程', page: '/luajit/non-blocking', section: 'coroutine-per-request', kind: 'zh-word' },
  { query: '火焰图', page: '/performance/flame-graph', kind: 'zh-word' },
  { query: '乱序', page: '/test-nginx/debugging', section: 'shuffle', kind: 'zh-word' },
  { query: '共享内存', page: '/performance/caching', kind: 'zh-word' },
  // No page is about GC as such; the section on garbage explains what it costs.
  { query: '垃圾回收', page: '/performance/', section: 'avoid-garbage', kind: 'zh-word' },
  { query: '字节码', page: '/luajit/', section: 'bytecode', kind: 'zh-word' },
  { query: '解释器', page: '/luajit/', section: 'interpreter', kind: 'zh-word' },
  { query: '汇编', page: '/luajit/', section: 'interpreter', kind: 'zh-word' },
  { query: '热点计数', page: '/luajit/', section: 'hot-counters', kind: 'zh-word' },
  { query: '黑名单', page: '/luajit/', section: 'aborts', kind: 'zh-word' },
  { query: '共享字典', page: '/performance/caching', kind: 'zh-word' },
  { query: '缓存风暴', page: '/performance/mlcache', section: 'stampede', kind: 'zh-word' },
  { query: '非阻塞', page: '/luajit/non-blocking', kind: 'zh-word' },
  { query: '连接池', page: '/luajit/non-blocking', section: 'keepalive', kind: 'zh-word' },
  { query: '字符串拼接', page: '/performance/', section: 'string-concat', kind: 'zh-word' },
  { query: '过期数据', page: '/performance/caching', section: 'stale', kind: 'zh-word' },
  { query: '序列化', page: '/performance/mlcache', section: 'serialization', kind: 'zh-word' },
  // The debugging chapter says 检漏 for the leak mode; 内存泄漏 is on the intro page.
  { query: '内存泄漏', page: '/test-nginx/', kind: 'zh-word' },
  { query: '检漏模式', page: '/test-nginx/debugging', kind: 'zh-word' },
  // The notes' 析构 is on no page; the FFI chapter says 终结器 (finalizer).
  { query: '终结器', page: '/luajit/ffi', section: 'malloc-and-gc', kind: 'zh-word' },
  { query: '响应体', page: '/test-nginx/sections', section: 'response-body', kind: 'zh-word' },
  { query: '定时器', page: '/luajit/non-blocking', kind: 'zh-word' },
  { query: '空值', page: '/luajit/nil-values', kind: 'zh-word' },
  { query: '分布式追踪', page: '/performance/profiling', section: 'tracing', kind: 'zh-word' },
  { query: '负缓存', page: '/performance/mlcache', section: 'negative-caching', kind: 'zh-word' },
  { query: '色块', page: '/performance/flame-graph', kind: 'zh-word' },
  // Phrases.
  { query: '读懂火焰图', page: '/performance/flame-graph', kind: 'zh-phrase' },
  { query: '差分火焰图', page: '/performance/flame-graph', section: 'differential', kind: 'zh-phrase' },
  { query: '用汇编实现', page: '/luajit/', section: 'interpreter', kind: 'zh-phrase' },
  { query: '随机的阈值', page: '/luajit/', kind: 'zh-phrase' },
  { query: '内存上限', page: '/luajit/ffi', section: 'gc64', kind: 'zh-phrase' },
  { query: '短、平、快', page: '/performance/', section: 'short-flat-fast', kind: 'zh-phrase' },
  // API and module names, test::nginx sections.
  { query: 'ngx.shared.DICT', page: '/performance/caching', kind: 'api' },
  { query: 'get_stale', page: '/performance/caching', section: 'stale', kind: 'api' },
  { query: 'lua_shared_dict', page: '/performance/caching', kind: 'api' },
  { query: 'ffi.gc', page: '/luajit/ffi', section: 'malloc-and-gc', kind: 'api' },
  { query: 'ffi.C.malloc', page: '/luajit/ffi', kind: 'api' },
  { query: 'add_block_preprocessor', page: '/test-nginx/debugging', section: 'block-preprocessor', kind: 'api' },
  { query: 'response_body_like', page: '/test-nginx/sections', section: 'response-body-like', kind: 'api' },
  { query: 'no_shuffle', page: '/test-nginx/debugging', section: 'shuffle', kind: 'api' },
  { query: 'lua-resty-core', page: '/luajit/resty-core', kind: 'api' },
  { query: 'lua-resty-mlcache', page: '/performance/mlcache', kind: 'api' },
  { query: 'lua-resty-lock', page: '/performance/mlcache', section: 'lua-resty-lock', kind: 'api' },
  { query: 'table.concat', page: '/performance/', section: 'string-concat', kind: 'api' },
  { query: 'string.buffer', page: '/performance/', section: 'string-buffer', kind: 'api' },
  { query: 'ngx.null', page: '/luajit/nil-values', section: 'ngx-null', kind: 'api' },
  { query: 'cjson.null', page: '/luajit/nil-values', section: 'cjson-null', kind: 'api' },
  { query: 'ngx.thread.spawn', page: '/luajit/non-blocking', section: 'light-threads', kind: 'api' },
  { query: 'GC64', page: '/luajit/ffi', section: 'gc64', kind: 'api' },
  { query: 'hotloop', page: '/luajit/', section: 'hot-counters', kind: 'api' },
  { query: 'lj-lua-stacks', page: '/performance/profiling', section: 'systemtap', kind: 'api' },
  { query: 'jit.profile', page: '/performance/flame-graph', section: 'jit-profile', kind: 'api' },
  { query: 'cosocket', page: '/luajit/non-blocking', section: 'cosocket', kind: 'api' },
  { query: 'neg_ttl', page: '/performance/mlcache', section: 'negative-caching', kind: 'api' },
  { query: 'resurrect_ttl', page: '/performance/mlcache', section: 'resurrect-ttl', kind: 'api' },
  { query: 'lua_code_cache', page: '/performance/', section: 'code-cache', kind: 'api' },
  { query: 'TEST_NGINX_CHECK_LEAK', page: '/test-nginx/debugging', kind: 'api' },
  { query: 'pipelined_requests', page: '/test-nginx/sections', section: 'pipelined-requests', kind: 'api' },
  { query: 'run_tests', page: '/test-nginx/', section: 'run-tests', kind: 'api' },
  { query: 'OpenTelemetry', page: '/performance/profiling', section: 'tracing', kind: 'api' },
  // Mixed Chinese and Latin.
  { query: 'table.new 预分配', page: '/performance/', section: 'table-new', kind: 'mixed' },
  { query: 'FFI 调用', page: '/luajit/resty-core', kind: 'mixed' },
  { query: '2 GB', page: '/luajit/ffi', kind: 'mixed' },
  { query: 'LuaJIT 解释器', page: '/luajit/', section: 'interpreter', kind: 'mixed' },
  { query: 'test::nginx 乱序', page: '/test-nginx/debugging', section: 'shuffle', kind: 'mixed' },
  { query: '共享字典 get_stale', page: '/performance/caching', section: 'stale', kind: 'mixed' },
  { query: 'lrucache 过期数据', page: '/performance/caching', section: 'stale', kind: 'mixed' },
  // The hot-path advice is titled after NYI; the LuaJIT chapter explains the aborts.
  { query: 'NYI 函数', page: '/performance/', section: 'nyi', kind: 'mixed' },
  { query: '侧 trace', page: '/luajit/', section: 'side-traces', kind: 'mixed' },
]
