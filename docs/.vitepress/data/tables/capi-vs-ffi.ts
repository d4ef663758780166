import { defineTable } from './types'

export default defineTable({
  id: 'capi-vs-ffi',
  caption: 'Lua C API（lua_CFunction）与 LuaJIT FFI 调用 C 函数的对比',
  columns: [
    { key: 'aspect', label: '维度' },
    { key: 'capi', label: 'Lua C API (lua_CFunction)' },
    { key: 'ffi', label: 'LuaJIT FFI (ffi.C.xxx)' },
  ],
  rowHeader: 'aspect',
  rows: [
    {
      aspect: '参数与返回值怎么过界',
      capi: {
        text: '经过 Lua 栈：C 函数用 `luaL_checklstring` 等读参数，用 `lua_pushlstring` 等压入结果，返回结果个数',
        note: '每个值都是 Lua 对象（TValue），字符串结果要在 C 侧创建 Lua 字符串',
      },
      ffi: {
        text: '按 C 调用约定直接传：数字、指针进寄存器，返回值按 `ffi.cdef` 声明的类型转换回 Lua',
        note: '类型转换规则由 cdef 声明决定',
      },
    },
    {
      aspect: 'JIT 能否编译这次调用',
      capi: {
        text: '不能。LuaJIT 2.1 在调用前结束 trace、由解释器调用、之后拼接新 trace（stitch）；2.0 直接中止（NYI: C function）',
        mark: 'bad',
      },
      ffi: {
        text: '能。调用被录制成一条 IR 调用指令，生成的机器码直接 `call` 目标函数，前后代码一起优化',
        mark: 'key',
      },
    },
    {
      aspect: 'JIT 开启时的速度',
      capi: { text: '慢：每次调用都要离开机器码，经解释器与 Lua 栈往返', mark: 'bad' },
      ffi: { text: '快：接近 C 代码直接调用 C 函数的开销', mark: 'good' },
    },
    {
      aspect: 'JIT 关闭（解释器）时的速度',
      capi: { text: '较快：解释器调用 C 函数的路径很短，参数已在栈上', mark: 'good' },
      ffi: {
        text: '较慢：解释器每次调用都要查 cdata 函数类型、逐个转换参数与返回值',
        mark: 'bad',
      },
    },
    {
      aspect: '谁拥有内存',
      capi: {
        text: '结果压入 Lua 栈就成了 Lua 对象，归 LuaJIT 的垃圾回收管；C 侧的临时缓冲由 C 侧负责',
      },
      ffi: {
        text: '`ffi.new` 分配的归垃圾回收管；C 函数返回的指针（如 `malloc` 的结果）归调用者，要自己 `free` 或用 `ffi.gc` 登记',
        mark: 'key',
        note: '例如 lua-resty-core 的 shdict get：值放不进预分配缓冲时，C 侧 malloc，Lua 侧读完后调用 C.free',
      },
    },
    {
      aspect: '可读性与维护',
      capi: {
        text: '逻辑都在 C 里，要手工维护栈平衡；改接口要重新编译 nginx 模块',
      },
      ffi: {
        text: '参数检查、默认值、结果组装写在 Lua 里，C 侧只剩一个朴素函数；但 cdef 声明必须与 C 侧严格一致，lua-resty-core 因此要求与 lua-nginx-module 版本精确配对',
      },
    },
    {
      aspect: '错误处理',
      capi: {
        text: 'C 函数里调用 `luaL_error`/`lua_error` 直接抛出 Lua 错误（longjmp 或 C++ 异常展开）',
      },
      ffi: {
        text: 'C 函数只返回错误码或通过 `char **errmsg` 输出参数带回消息，由 Lua 代码决定 `return nil, err` 还是 `error()`；C 函数拿不到调用方的 `lua_State`，不会像 lua_CFunction 那样直接抛出 Lua 错误',
        mark: 'key',
      },
    },
  ],
  sources: [
    'LuaJIT FFI Library: https://luajit.org/ext_ffi.html',
    'LuaJIT FFI Semantics: https://luajit.org/ext_ffi_semantics.html',
    'LuaJIT 源码 src/lj_ffrecord.c（recff_c、recff_stitch）：https://github.com/LuaJIT/LuaJIT/blob/1ee778a4e37122d8ca7d5733c590a47dafd6b15c/src/lj_ffrecord.c',
    'lua-resty-core lib/resty/core/shdict.lua, base64.lua (v0.1.25): https://github.com/openresty/lua-resty-core/tree/v0.1.25/lib/resty/core',
    'lua-nginx-module src/ngx_http_lua_shdict.c, ngx_http_lua_string.c (v0.10.23): https://github.com/openresty/lua-nginx-module/tree/v0.10.23/src',
  ],
})
