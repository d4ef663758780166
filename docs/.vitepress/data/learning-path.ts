// The order the home page suggests to a newcomer (<LearningPath />). Every
// chapter of sidebar.ts appears exactly once (test/unit/learning-path.test.ts).

export type Stage = 'start' | 'next' | 'deep'

export interface Step {
  /** A chapter link from sidebar.ts. */
  link: string
  /** Why read it at this point, in one short sentence. */
  why: string
}

export const STAGES: readonly { stage: Stage; title: string; hint: string; steps: readonly Step[] }[] = [
  {
    stage: 'start',
    title: '先读：建立心智模型',
    hint: '刚接触 OpenResty，从这五章开始，每章读完做一遍小测验。',
    steps: [
      { link: '/luajit/non-blocking', why: '一个 worker 一个线程、每个请求一个协程：后面所有章节都建立在这个模型上。' },
      { link: '/ngx-lua/phases', why: '每段 `*_by_lua*` 代码在什么时候运行，哪些 API 在哪里能用，`ngx.exit` 结束的是什么。' },
      { link: '/luajit/nil-values', why: '`nil`、`ngx.null`、`cjson.null` 与 `NULL` 指针各是什么，怎样判空。' },
      { link: '/performance/', why: '写 OpenResty 代码的日常原则：不阻塞、少产生垃圾、缓存 `ngx.*`。' },
      { link: '/test-nginx/', why: '写第一个 .t 测试，理解一次运行经历了什么。' },
    ],
  },
  {
    stage: 'next',
    title: '再读：日常要用的工具',
    hint: '开始写真实项目时读。',
    steps: [
      { link: '/performance/caching', why: '共享字典与 lrucache 的取舍。' },
      { link: '/test-nginx/sections', why: '每个段的准确比较规则。' },
      { link: '/test-nginx/example', why: '一个七个块的完整 .t 文件，逐块解释。' },
      { link: '/luajit/resty-core', why: '为什么 `ngx.*` 用 FFI 实现，什么时候 FFI 不占优。' },
      { link: '/luajit/', why: 'LuaJIT 支持哪些语法、版本号怎么读；JIT 的内部机制可以先跳过。' },
    ],
  },
  {
    stage: 'deep',
    title: '深入：遇到问题时再读',
    hint: '这些章节细节多，按需查阅。',
    steps: [
      { link: '/luajit/ffi', why: '自己写 FFI 代码之前：内存归谁释放、GC64。' },
      { link: '/performance/mlcache', why: '多级缓存、缓存风暴与跨 worker 失效。' },
      { link: '/ngx-lua/troubleshooting', why: 'error.log 里出现看不懂的报错时，按原文查原因和修复。' },
      { link: '/test-nginx/debugging', why: '测试时好时坏、要检漏或压测时。' },
      { link: '/performance/profiling', why: '线上出了性能问题，先选对工具。' },
      { link: '/performance/flame-graph', why: '把剖析结果画成火焰图并读对它。' },
    ],
  },
]
