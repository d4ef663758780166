import { defineQuiz } from './types'

export default defineQuiz({
  id: 'luajit-resty-core',
  page: '/luajit/resty-core',
  questions: [
    {
      id: 'ffi-faster-when',
      kind: 'single',
      prompt: '“经 FFI 调用 C 函数比经 Lua C API（`lua_CFunction`）快”，这句话什么时候成立？',
      link: '/luajit/resty-core#when-ffi-loses',
      options: [
        { text: '任何时候都成立，FFI 没有 Lua 栈的开销', why: '在解释器里，FFI 调用要经过 cdata 的元方法、按 C 类型逐个转换参数，比调用 `lua_CFunction` 更慢；本站基准里关掉 JIT 后两者的快慢反过来。', link: '/luajit/resty-core#benchmark' },
        { text: '调用点被 JIT 编译之后；而且边界开销在这次调用里占得越多，收益越明显', correct: true, why: 'FFI 的优势完全来自 JIT：编译后的 FFI 调用就是一条调用指令。C 函数本身做大量工作时，边界开销被摊薄，两者差不多。' },
        { text: '只有在 LuaJIT 2.0 上成立，2.1 引入 trace 拼接以后两者一样快', why: '拼接只让 C API 调用前后的代码仍能编译，每次调用依然要退回解释器、写回 Lua 栈，代价不小。', link: '/luajit/resty-core#capi-and-jit' },
        { text: '只在返回字符串的 API 上成立', why: '字符串结果两边都要复制成新的 Lua 字符串，这部分 FFI 省不掉；数字和指针才几乎免费。' },
      ],
    },
    {
      id: 'which-impl',
      kind: 'output',
      prompt: '在 OpenResty 里（lua-resty-core 已加载），这段代码输出什么？',
      link: '/luajit/resty-core#remaining-c-api',
      runIn: 'nginx',
      code: 'ngx.say(debug.getinfo(ngx.say, "S").what)\nngx.say(debug.getinfo(ngx.encode_base64, "S").what)',
      options: [
        { output: 'C\nC', why: '`ngx.encode_base64` 早已由 lua-resty-core 用 FFI 实现：它是一个 Lua 包装函数，里面再调用 C 函数。', link: '/luajit/resty-core#example-encode-base64' },
        { output: 'C\nLua', correct: true, why: '输出类 API（`ngx.say`、`ngx.print`、`ngx.log`）仍是 C API 实现；`ngx.encode_base64` 是 lua-resty-core 里的 Lua 函数。' },
        { output: 'Lua\nLua', why: '`ngx.say` 属于仍由 C API 实现的输出类函数，不是 Lua 函数。' },
        { output: 'Lua\nC', why: '正好反了：`ngx.say` 是 C 函数，`ngx.encode_base64` 是 Lua 包装函数。' },
      ],
    },
    {
      id: 'stitch',
      kind: 'single',
      prompt: '在 LuaJIT 2.1 上，一个热循环里调用了一个用 Lua C API 实现的函数（如 `ngx.quote_sql_str`），会怎样？',
      link: '/luajit/resty-core#capi-and-jit',
      options: [
        { text: '整个循环永远留在解释器里', why: '这是 LuaJIT 2.0 的行为（`NYI: C function`）。2.1 有 trace 拼接。' },
        { text: 'trace 在调用前结束，由解释器执行这次调用，返回后接上一条新 trace（`stitch`）', correct: true, why: 'trace 拼接让调用前后的代码都能编译，但每次调用都要离开机器码，循环也不能作为整体优化。' },
        { text: 'JIT 把这个 C 函数内联进 trace，和 FFI 一样快', why: '`lua_CFunction` 对编译器是黑盒：它能读写 Lua 栈、改全局变量、让出协程，编译器无法内联它。' },
        { text: 'nginx 在启动时报错，拒绝加载这段代码', why: 'C API 函数完全可以调用，只是它切断 trace。' },
      ],
    },
    {
      id: 'bindings',
      kind: 'multiple',
      prompt: '自己写 FFI 绑定时，哪些做法是对的？',
      link: '/luajit/resty-core#writing-ffi-bindings',
      options: [
        { text: '写 `local C = ffi.C`，调用时写 `C.func(...)`', correct: true, why: '缓存命名空间：编译器能消掉命名空间查找，直接生成对常量地址的调用。' },
        { text: '写 `local func = ffi.C.func`，把单个 C 函数缓存成局部变量', why: '把 C 函数存进局部变量或 upvalue 会变成间接调用，机器码更大更慢；LuaJIT 的 FFI 教程明确建议缓存命名空间。' },
        { text: '在模块加载时用 `ffi.new` 建好输出参数和缓冲，热路径上复用', correct: true, why: 'lua-resty-core 的 shdict 就是这样做的，热路径上不产生新分配。', link: '/luajit/resty-core#example-shdict-get' },
        { text: '让被 JIT 编译的 FFI 调用所调用的 C 函数再回调 Lua 函数', why: 'FFI 语义文档说明这会导致 `bad callback` 的虚拟机崩溃；这类代码要用 `jit.off` 关掉编译。' },
        { text: 'C 函数里可以做阻塞的系统调用，FFI 调用不占用事件循环', why: 'FFI 调用直接运行在 nginx 的事件循环里，阻塞的系统调用会卡住整个 worker。', link: '/luajit/non-blocking#what-blocks' },
      ],
    },
    {
      id: 'load-resty-core-off',
      kind: 'single',
      prompt: '在 lua-nginx-module v0.10.16 及以后的版本里写 `lua_load_resty_core off;`，结果是？',
      link: '/luajit/resty-core#mandatory',
      options: [
        { text: 'lua-resty-core 不再加载，`ngx.*` 回到旧的 C API 实现', why: 'v0.10.16 起，已有 FFI 实现的旧 C API 全部删除了，不存在可以回退的实现。' },
        { text: '不起作用：lua-resty-core 强制加载，启动时只打一条“deprecated”警告', correct: true, why: '这个指令在 v0.10.16 废弃，`resty.core` 在 Lua VM 初始化时强制加载。' },
        { text: 'nginx 拒绝启动', why: '指令仍被接受，只是没有效果并给出警告；拒绝启动的是 lua-resty-core 加载失败（例如 `lua_package_path` 漏了它的目录）的情形。' },
        { text: '只对当前 `server {}` 关闭 lua-resty-core', why: 'v0.10.16 起这个指令完全不起作用，谈不上对某个 `server {}` 关闭；lua-resty-core 加载在 Lua VM 初始化时，整个 VM 共用。' },
      ],
    },
    {
      id: 'shdict-malloc',
      kind: 'single',
      prompt: 'lua-resty-core 的 `ngx.shared.DICT:get` 读一个比共享字符串缓冲（默认 4096 字节）还大的字符串值时，内存由谁分配、谁释放？',
      link: '/luajit/resty-core#example-shdict-get',
      options: [
        { text: 'C 侧 `malloc` 一块刚好大小的内存；Lua 侧用 `ffi.string` 复制出来后立即 `C.free`', correct: true, why: '谁分配谁释放的约定跨越了语言边界：C 侧分配，Lua 侧负责释放，写错一处就是泄漏或重复释放。' },
        { text: 'C 侧压一个 Lua 字符串到栈上，由垃圾回收管理', why: '那是 C API 版本的做法；FFI 函数不接触 `lua_State`。' },
        { text: '值被截断到 4096 字节', why: '不会截断：放不下缓冲时 C 侧改用 `malloc`，本页的示例读回了 10000 字节的值。' },
        { text: '由 `ffi.gc` 在下一次垃圾回收时释放', why: 'shdict 不用 `ffi.gc`：复制成 Lua 字符串后马上 `C.free`，不需要等 GC。' },
      ],
    },
  ],
})
