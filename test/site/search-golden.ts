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
  { query: '协程', page: '/luajit/non-blocking', kind: 'zh-word' },
  { query: '火焰图', page: '/performance/flame-graph', kind: 'zh-word' },
  { query: '乱序', page: '/test-nginx/debugging', kind: 'zh-word' },
  { query: '共享内存', page: '/performance/caching', kind: 'zh-word' },
  { query: '垃圾回收', page: '/luajit/ffi', kind: 'zh-word' },
  { query: '字节码', page: '/luajit/', kind: 'zh-word' },
  { query: '解释器', page: '/luajit/', kind: 'zh-word' },
  { query: '汇编', page: '/luajit/', kind: 'zh-word' },
  { query: '共享字典', page: '/performance/caching', kind: 'zh-word' },
  { query: '缓存风暴', page: '/performance/mlcache', kind: 'zh-word' },
  { query: '非阻塞', page: '/luajit/non-blocking', kind: 'zh-word' },
  { query: '字符串拼接', page: '/performance/', kind: 'zh-word' },
  { query: '过期数据', page: '/performance/caching', kind: 'zh-word' },
  { query: '序列化', page: '/performance/caching', kind: 'zh-word' },
  { query: '内存泄漏', page: '/test-nginx/debugging', kind: 'zh-word' },
  { query: '析构', page: '/luajit/ffi', kind: 'zh-word' },
  { query: '响应体', page: '/test-nginx/sections', kind: 'zh-word' },
  { query: '定时器', page: '/luajit/non-blocking', kind: 'zh-word' },
  { query: '空值', page: '/luajit/nil-values', kind: 'zh-word' },
  { query: '分布式追踪', page: '/performance/profiling', kind: 'zh-word' },
  { query: '负缓存', page: '/performance/mlcache', kind: 'zh-word' },
  { query: '色块', page: '/performance/flame-graph', kind: 'zh-word' },
  // Phrases.
  { query: '读懂火焰图', page: '/performance/flame-graph', kind: 'zh-phrase' },
  { query: '用汇编实现', page: '/luajit/', kind: 'zh-phrase' },
  { query: '随机的阈值', page: '/luajit/', kind: 'zh-phrase' },
  { query: '内存上限', page: '/luajit/ffi', kind: 'zh-phrase' },
  // API and module names, test::nginx sections.
  { query: 'ngx.shared.DICT', page: '/performance/caching', kind: 'api' },
  { query: 'get_stale', page: '/performance/caching', kind: 'api' },
  { query: 'lua_shared_dict', page: '/performance/caching', kind: 'api' },
  { query: 'ffi.gc', page: '/luajit/ffi', kind: 'api' },
  { query: 'ffi.C.malloc', page: '/luajit/ffi', kind: 'api' },
  { query: 'add_block_preprocessor', page: '/test-nginx/debugging', kind: 'api' },
  { query: 'response_body_like', page: '/test-nginx/sections', kind: 'api' },
  { query: 'no_shuffle', page: '/test-nginx/debugging', kind: 'api' },
  { query: 'lua-resty-core', page: '/luajit/resty-core', kind: 'api' },
  { query: 'lua-resty-mlcache', page: '/performance/mlcache', kind: 'api' },
  { query: 'lua-resty-lock', page: '/performance/mlcache', kind: 'api' },
  { query: 'table.concat', page: '/performance/', kind: 'api' },
  { query: 'ngx.null', page: '/luajit/nil-values', kind: 'api' },
  { query: 'cjson.null', page: '/luajit/nil-values', kind: 'api' },
  { query: 'ngx.thread.spawn', page: '/luajit/non-blocking', kind: 'api' },
  { query: 'GC64', page: '/luajit/ffi', kind: 'api' },
  { query: 'hotloop', page: '/luajit/', kind: 'api' },
  { query: 'lj-lua-stacks', page: '/performance/profiling', kind: 'api' },
  { query: 'cosocket', page: '/luajit/non-blocking', kind: 'api' },
  { query: 'neg_ttl', page: '/performance/mlcache', kind: 'api' },
  { query: 'TEST_NGINX_CHECK_LEAK', page: '/test-nginx/debugging', kind: 'api' },
  { query: 'pipelined_requests', page: '/test-nginx/sections', kind: 'api' },
  { query: 'run_tests', page: '/test-nginx/', kind: 'api' },
  // Mixed Chinese and Latin.
  { query: 'table.new 预分配', page: '/performance/', kind: 'mixed' },
  { query: 'FFI 调用', page: '/luajit/resty-core', kind: 'mixed' },
  { query: '2 GB', page: '/luajit/ffi', kind: 'mixed' },
  { query: 'LuaJIT 解释器', page: '/luajit/', kind: 'mixed' },
  { query: 'test::nginx 乱序', page: '/test-nginx/debugging', kind: 'mixed' },
  { query: '共享字典 get_stale', page: '/performance/caching', kind: 'mixed' },
  { query: 'lrucache 过期数据', page: '/performance/caching', kind: 'mixed' },
  { query: 'NYI 函数', page: '/luajit/', kind: 'mixed' },
]
