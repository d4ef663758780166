import { defineQuiz } from './types'

export default defineQuiz({
  id: 'performance-caching',
  page: '/performance/caching',
  questions: [
    {
      id: 'shdict-values',
      kind: 'single',
      prompt: '`ngx.shared.DICT` 能存哪些值？',
      link: '/performance/caching#value-types',
      options: [
        { text: '只能存字符串', why: '这是流传很广的误解：数字、布尔值也能原样存取，类型不会丢。' },
        { text: '字符串、数字、布尔值（`nil` 表示删除）；table 要先序列化', correct: true, why: '共享内存里只能放一段段字节；table 里是指向本进程 Lua 堆的引用，离开进程就没有意义。' },
        { text: '任何 Lua 值，包括 table 和函数', why: '那是 lrucache：它存的是 Lua 对象的引用。共享字典对 table 返回 `nil, "bad value type"`。' },
        { text: '字符串和 table，数字会被转成字符串', why: '数字按 C 的 `double` 存放，取出来仍是 number；table 存不进去。' },
      ],
    },
    {
      id: 'lru-scope',
      kind: 'single',
      prompt: '在一个请求里把值 `set` 进模块级的 lrucache，下一个请求去 `get`。一定能取到吗？',
      link: '/performance/caching#scope',
      options: [
        { text: '能，lrucache 在整个 nginx 里共享', why: '共享的是共享字典；lrucache 活在每个 worker 自己的 Lua VM 里。' },
        { text: '不一定：下一个请求可能落在另一个 worker 上，而每个 worker 的 lrucache 各是一份', correct: true, why: '请求被分到哪个 worker 由内核决定；要所有 worker 看到同一份数据，用共享字典（或 mlcache 的 L2）。' },
        { text: '能，只要在 `init_by_lua*` 里创建它', why: '在 master 里创建的 lrucache，fork 之后每个 worker 继承一份拷贝，此后各自演化，只适合预热。' },
        { text: '不能，lrucache 在每个请求结束时清空', why: '放在模块级的 lrucache 会被同一个 worker 处理的多个请求共用，不会在请求结束时清空。' },
      ],
    },
    {
      id: 'lru-stale',
      kind: 'output',
      prompt: 'lrucache 的条目过期后再 `get`。这段代码输出什么？',
      link: '/performance/caching#stale',
      runIn: 'nginx',
      code: [
        'local lru = require("resty.lrucache").new(10)',
        'lru:set("price", 99, 0.001)',
        'ngx.sleep(0.01)',
        'local data, stale = lru:get("price")',
        'ngx.say(data, " ", stale)',
      ].join('\n'),
      options: [
        { output: 'nil nil', why: '“lrucache 取不到过期数据”是流行的误解：自 v0.03 起，过期数据作为 `get()` 的第二个返回值返回。' },
        { output: 'nil 99', correct: true, why: '已过期时 `data` 为 `nil`，`stale_data` 是旧值。' },
        { output: '99 nil', why: '过期条目不会作为第一个返回值返回，调用者据此知道它已过期。' },
        { output: '99 true', why: '返回 `value, flags, stale` 的是共享字典的 `get_stale`；lrucache 的 `get` 返回 `data, stale_data`。' },
      ],
    },
    {
      id: 'lru-evict',
      kind: 'output',
      prompt: '容量为 2 的 lrucache（外层括号只保留 `get` 的第一个返回值）。这段代码输出什么？',
      link: '/performance/caching#eviction',
      runIn: 'nginx',
      code: [
        'local lru = require("resty.lrucache").new(2)',
        'lru:set("a", 1)',
        'lru:set("b", 2)',
        'lru:get("a")',
        'lru:set("c", 3)',
        'ngx.say((lru:get("b")))',
        'ngx.say((lru:get("a")))',
      ].join('\n'),
      options: [
        { output: '2\nnil', why: '`get("a")` 把 a 挪到了队头，最久未用的是 b，不是 a。' },
        { output: 'nil\n1', correct: true, why: '第 3 个键进来时淘汰最久没有被 `get` 或 `set` 过的那个：a 刚被读过，b 被淘汰。' },
        { output: '2\n1', why: '容量只有 2，放进 c 时必须淘汰一个。' },
        { output: 'nil\nnil', why: '只淘汰一个条目，a 还在。' },
      ],
    },
    {
      id: 'atomic',
      kind: 'single',
      prompt: '多个 worker 要给同一个计数器加一，怎么写才不丢更新？',
      link: '/performance/caching#atomicity',
      options: [
        { text: '`local n = dict:get("hits") or 0` 然后 `dict:set("hits", n + 1)`', why: '每个方法各自原子，但原子性不跨越方法调用的边界：两次调用之间别的 worker 可能插进来。' },
        { text: '`dict:incr("hits", 1, 0)`', correct: true, why: '`incr` 在共享内存区的锁里一次完成读改写；带 `init` 时键不存在就以 `init + step` 创建。' },
        { text: '用模块级的 Lua 变量计数', why: '模块级变量每个 worker 一份，多个 worker 各数各的。', link: '/performance/caching#scope' },
        { text: '用 lrucache 计数', why: 'lrucache 每个 worker 一份，彼此看不见。', link: '/performance/caching#scope' },
      ],
    },
    {
      id: 'eviction',
      kind: 'multiple',
      prompt: '共享字典的空间满了，哪些说法正确？',
      link: '/performance/caching#eviction',
      options: [
        { text: '`set` 按 LRU 挤掉旧条目，第三个返回值 `forcible` 为真', correct: true, why: '分配失败时从 LRU 队尾删条目腾出空间。' },
        { text: '`safe_set` 不挤别人，空间不够就返回 `"no memory"`', correct: true, why: '不想挤掉别人的数据时用 `safe_set`、`safe_add`。' },
        { text: '`lpush`/`rpush` 也会挤掉旧条目', why: '列表的 `lpush`、`rpush` 在空间不足时不会挤，直接失败。', link: '/performance/caching#data-structures' },
        { text: '`get_stale` 一定能取回被挤掉的值', why: '被挤掉或回收的条目就没了；过期条目随时可能被回收，不能依赖 `get_stale`。', link: '/performance/caching#stale' },
      ],
    },
  ],
})
