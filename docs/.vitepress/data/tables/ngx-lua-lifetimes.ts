import { defineTable } from './types'

export default defineTable({
  id: 'ngx-lua-lifetimes',
  caption: 'ngx.ctx、ngx.var 与模块级变量能活多久',
  columns: [
    { key: 'aspect', label: '对比项' },
    { key: 'ctx', label: 'ngx.ctx' },
    { key: 'var', label: 'ngx.var.NAME' },
    { key: 'module', label: '模块级变量（require 得到的表）' },
  ],
  rowHeader: 'aspect',
  rows: [
    { aspect: '作用范围', ctx: '一个请求；子请求各有一份', var: '一个请求', module: { text: '一个 worker 的所有请求', mark: 'key' } },
    { aspect: '跨阶段', ctx: '是', var: '是', module: '是' },
    { aspect: '内部跳转后', ctx: { text: '清空，换成新的空表', mark: 'bad' }, var: { text: '保留', mark: 'good' }, module: '保留' },
    { aspect: '能存什么', ctx: '任意 Lua 值', var: '字符串（已声明的 nginx 变量）', module: '任意 Lua 值' },
    { aspect: '没有请求的地方', ctx: '`init_worker_by_lua*` 与定时器里只活到处理函数结束；`init_by_lua*` 里报 `no request found`', var: '报 `API disabled in the current context`（定时器、`init_worker_by_lua*`）', module: '随处可用' },
  ],
  sources: [
    'lua-nginx-module README v0.10.28 的 ngx.ctx 与 ngx.var.VARIABLE 两节：https://github.com/openresty/lua-nginx-module/blob/v0.10.28/README.markdown#ngxctx',
    '本页示例与矩阵（nginx 1.22.1 + lua-nginx-module 0.10.23）',
  ],
})
