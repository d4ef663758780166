import { defineQuiz } from './types'

export default defineQuiz({
  id: 'performance-mlcache',
  page: '/performance/mlcache',
  questions: [
    {
      id: 'get-flow',
      kind: 'single',
      prompt: '`cache:get(key, nil, cb)` 在 L1、L2 都未命中时，下一步做什么？',
      link: '/performance/mlcache#get-flow',
      options: [
        { text: '立即执行回调 `cb`', why: '直接执行会让并发的请求一起回源，这正是缓存风暴。' },
        { text: '用 lua-resty-lock 对这个键加锁，拿到锁后再查一次 L2，仍然没有才执行回调', correct: true, why: '等锁期间别的 worker 可能已经执行完回调、把值写进 L2 了，所以要再查一次。' },
        { text: '返回 `nil, nil, -1`', why: '只有没传回调时才这样返回（自 2.5.0 起回调是可选的）。' },
        { text: '向其他 worker 广播一条查询事件', why: 'IPC 事件用于失效（`set`、`delete`、`purge`），不用于读取。', link: '/performance/mlcache#invalidation' },
      ],
    },
    {
      id: 'lock-scope',
      kind: 'single',
      prompt: 'mlcache 用 lua-resty-lock 防止缓存风暴。它保证的是什么？',
      link: '/performance/mlcache#stampede',
      options: [
        { text: '整个 nginx 里只有一个 worker 会去数据源取数据', why: '不同的键各有各的锁，可以同时回源。' },
        { text: '对同一个键，同一时刻只有一个协程在执行回调；其余的等锁，醒来后先再查缓存', correct: true, why: '锁放在共享字典里，在 worker 之间同样有效。' },
        { text: '回调永远只会被执行一次', why: '值过期后还会再执行；持锁的请求失败时，其他请求醒来后还会各自再试。' },
        { text: '等锁的请求不会多花时间', why: '等锁的请求要等到持锁者完成或超时；lua-resty-lock 按指数退避轮询。', link: '/performance/mlcache#lua-resty-lock' },
      ],
    },
    {
      id: 'hit-level-err',
      kind: 'single',
      prompt: '`local v, err, level = cache:get(key, nil, cb)` 返回后，怎样判断这次读取失败了？',
      link: '/performance/mlcache#hit-level',
      options: [
        { text: '`v == nil`', why: '`nil` 也可能被缓存（负缓存）：`nil, nil, 1` 表示 L1 里缓存着“不存在”，不是失败。' },
        { text: '`err ~= nil`', correct: true, why: '判断成功与否看 `err`；`nil, nil, -1` 是没传回调时的未命中，`nil, "..."` 才是出错。' },
        { text: '`level == 3`', why: '3 表示刚刚执行回调得到了值，是正常的回源。' },
        { text: '`level == 4`', why: '4 表示后端出故障时由 `resurrect_ttl` 复活的旧值，调用者拿到的是可用的值。', link: '/performance/mlcache#resurrect-ttl' },
      ],
    },
    {
      id: 'invalidation',
      kind: 'single',
      prompt: 'worker A 在管理接口里调用 `cache:delete("user:1")`。worker B 什么时候不再返回旧值？',
      link: '/performance/mlcache#invalidation',
      options: [
        { text: '立刻：`delete` 会推送到所有 worker', why: '失效不是推送而是拉取：`delete` 只删 L2 和 A 自己的 L1，再广播一条事件。' },
        { text: '等 B 自己调用 `cache:update()`、处理这条失效事件之后', correct: true, why: 'README 推荐在每个请求的入口调用一次 `update()`；没有事件时它只是一次共享字典读取。' },
        { text: '永远不会，直到 B 的 L1 条目自然过期', why: '调用 `update()` 会清掉 B 的 L1 条目；不调用时才要等过期。' },
        { text: '`delete` 需要重启 nginx 才生效', why: '不需要重启，IPC 模块就是为此设计的。' },
      ],
    },
    {
      id: 'resurrect',
      kind: 'multiple',
      prompt: '设置了 `resurrect_ttl = 30`。哪些情况下 `get()` 会把 L2 里的旧值“复活”并返回（`hit_level` 为 4）？',
      link: '/performance/mlcache#resurrect-ttl',
      options: [
        { text: '值已过期，回调返回 `nil, "db down"`，L2 里还留着旧值', correct: true, why: '旧值被重新写回 L2 和 L1，有效期 30 秒，错误只以 WARN 级别记进日志。' },
        { text: '值已过期，回调抛出了 Lua 错误（`error("db down")`）', why: '回调抛错不会触发复活，`get()` 照常返回错误。' },
        { text: '等锁超时，而持锁的请求还在等后端，L2 里有旧值', correct: true, why: '等锁超时的请求在有旧值时直接拿到旧值（`hit_level` 为 4），但不负责复活。' },
        { text: '值已过期，回调返回 `nil, err`，但旧值已被 L2 的 LRU 挤掉', why: '复活要靠 L2 里还留着旧值；共享字典的过期条目随时可能被回收。', link: '/performance/caching#stale' },
      ],
    },
    {
      id: 'pitfalls',
      kind: 'multiple',
      prompt: '关于使用 mlcache，哪些说法正确？',
      link: '/performance/mlcache#pitfalls',
      options: [
        { text: '实例名 `"user"` 加键 `"s:1"` 与实例名 `"users"` 加键 `":1"` 会撞到同一个 L2 键', correct: true, why: 'L2 的键是 `name .. key`，中间没有分隔符；实例名以冒号之类的字符结尾可以避免。' },
        { text: '从 L1 取到的 table 可以放心修改，每个请求拿到的是独立副本', why: '同一个 worker 的所有请求拿到同一个 table 对象，修改它就修改了缓存；需要修改时先复制。' },
        { text: '把锁放进单独的字典（`shm_locks`），并发未命中时新建的锁就不会挤掉 L2 里的缓存值', correct: true, why: '锁也是写进共享字典的条目；默认与缓存值同在 L2，L2 已满时每把新锁都可能按 LRU 挤掉有价值的缓存值，形成颠簸。', link: '/performance/mlcache#separate-shm' },
        { text: '`lua_code_cache off` 时 mlcache 完全不能用', why: '它仍能工作，只是每个请求新建 Lua VM，L1 每次都是空的，都要读 L2。' },
      ],
    },
  ],
})
