import { defineTable } from './types'

export default defineTable({
  id: 'shdict-vs-lrucache',
  caption: '共享字典（ngx.shared.DICT）与 lua-resty-lrucache 逐项对比',
  columns: [
    { key: 'aspect', label: '维度' },
    { key: 'shdict', label: '共享字典 ngx.shared.DICT' },
    { key: 'lrucache', label: 'lua-resty-lrucache' },
  ],
  rowHeader: 'aspect',
  rows: [
    {
      aspect: '作用范围',
      shdict: { text: '同一个 nginx 实例的所有 worker（以及 `init_by_lua*`、定时器等阶段）共享', mark: 'key' },
      lrucache: { text: '只在创建它的那个 worker、那个 Lua VM 里可见', mark: 'key' },
    },
    {
      aspect: '可存的值',
      shdict: {
        text: '字符串、数字、布尔值（`nil` 等于删除）；列表元素只能是字符串或数字',
        mark: 'key',
        note: 'table 要先序列化（如 cjson），读时再反序列化，会消耗 CPU',
      },
      lrucache: { text: '任意 Lua 值：table、函数、cdata……原样存放，不做序列化', mark: 'good' },
    },
    {
      aspect: '数据结构',
      shdict: { text: '字典；自 lua-nginx-module v0.10.6 起还有列表（`lpush`/`rpush`/`lpop`/`rpop`/`llen`），可当队列用' },
      lrucache: { text: '只有字典' },
    },
    {
      aspect: '读过期数据',
      shdict: { text: '`get_stale()` 返回值、flags 与 `stale` 标志；过期数据随时可能被回收', mark: 'good' },
      lrucache: {
        text: '可以：自 v0.03 起 `get()` 的第二个返回值就是过期数据',
        mark: 'good',
        note: '流行说法“lrucache 取不到过期数据”是错的',
      },
    },
    {
      aspect: 'API 数量',
      shdict: { text: '21 个方法（lua-nginx-module v0.10.11 至今，含 v0.10.23）' },
      lrucache: { text: '`new` 加 7 个方法：`set`、`get`、`delete`、`count`、`capacity`、`get_keys`、`flush_all`（v0.10 起）' },
    },
    {
      aspect: '内存份数',
      shdict: { text: '整个 nginx 实例只有 1 份', mark: 'good' },
      lrucache: { text: '每个 worker 1 份，共 N 份（N = `worker_processes`）', mark: 'bad' },
    },
    {
      aspect: '容量单位',
      shdict: { text: '字节：`lua_shared_dict name size` 指定，`capacity()`/`free_space()` 查询' },
      lrucache: { text: '条目数：`lrucache.new(max_items)`，与值的大小无关' },
    },
    {
      aspect: '原子性与并发',
      shdict: {
        text: '每个方法在共享内存区的锁内执行，跨 worker 原子；`incr`、`add`、`replace` 可做计数器和锁',
        note: '原子性不跨越两次方法调用：先 get 后 set，中间可能被别的 worker 插队',
      },
      lrucache: {
        text: '同一 worker 内不需要锁（单线程，`get`/`set` 不会让出）；各 worker 的副本之间没有任何一致性保证',
        mark: 'bad',
      },
    },
    {
      aspect: '空间满时',
      shdict: {
        text: '`set`/`add`/`incr`（带 `init`）按 LRU 挤掉最久未用的条目，第三个返回值 `forcible` 为 `true`；`safe_set`/`safe_add`/`lpush`/`rpush` 不挤，直接返回 `"no memory"`',
      },
      lrucache: { text: '按条目数做 LRU：满了就淘汰最久未用的一条；`resty.lrucache.pureffi` 是同 API 的纯 FFI 哈希表实现' },
    },
    {
      aspect: '过期时间',
      shdict: { text: '`exptime` 秒，可带小数，精度 0.001 秒；0 表示永不过期；`ttl()`、`expire()` 自 v0.10.11 起' },
      lrucache: { text: '`ttl` 秒，可带小数（按 `ngx.now()` 比较，精度同样是毫秒）；不传表示永不过期；没有查询剩余时间的方法' },
    },
    {
      aspect: '用户 flags',
      shdict: { text: '`set(key, value, exptime, flags)`，32 位无符号整数，`get` 的第二个返回值（为 0 时不返回）' },
      lrucache: { text: '自 v0.10 起 `set(key, value, ttl, flags)`，`get` 的第三个返回值（默认 0）' },
    },
    {
      aspect: '读的代价',
      shdict: { text: '加锁、在共享内存里查红黑树、把值拷贝成新的 Lua 字符串', mark: 'bad' },
      lrucache: { text: '一次 Lua table 查找加链表操作，命中时不产生新对象', mark: 'good' },
    },
    {
      aspect: 'reload（HUP）之后',
      shdict: { text: '内容保留（nginx 退出时才丢失）' },
      lrucache: { text: '旧 worker 退出，缓存随 Lua VM 一起消失，要重新预热' },
    },
    {
      aspect: '占用谁的内存',
      shdict: { text: '共享内存区，不归 Lua 垃圾回收管，不占 LuaJIT 堆' },
      lrucache: { text: '就在 Lua VM 的堆里，受垃圾回收管理，也受 LuaJIT 内存上限的约束（未启用 GC64 的旧构建约 2 GB）' },
    },
  ],
  sources: [
    'openresty/lua-nginx-module README：lua_shared_dict、ngx.shared.DICT 各方法（v0.10.23）',
    'openresty/lua-nginx-module src/ngx_http_lua_shdict.c (v0.10.23)',
    'openresty/lua-resty-lrucache README 与 lib/resty/lrucache.lua',
    '本站在 nginx 1.22.1 + lua-nginx-module 0.10.23 + lua-resty-lrucache 0.13 上运行的示例',
  ],
})
