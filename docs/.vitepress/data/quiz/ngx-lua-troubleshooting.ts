import { defineQuiz } from './types'

export default defineQuiz({
  id: 'ngx-lua-troubleshooting',
  page: '/ngx-lua/troubleshooting',
  questions: [
    {
      id: 'yield-fix',
      kind: 'single',
      prompt: '模块文件 `app.lua` 的顶层连接 Redis，`content_by_lua_block` 里 `require "app"` 时报 `attempt to yield across C-call boundary`。哪个改法消除这个报错？',
      link: '/ngx-lua/troubleshooting#yield-across-c-call',
      options: [
        { text: '把连接 Redis 的代码移进模块导出的函数，处理函数在 `require` 返回之后调用它', correct: true, why: '`require` 是 C 函数，顶层代码在它的调用链里运行，cosocket 要让出就跨不过去；放进函数后，让出发生在处理函数自己的协程里。' },
        { text: '用 `pcall` 包住 `require "app"`', why: '`pcall` 只把错误变成返回值，让出依旧跨不过 `require` 这个 C 函数，连接还是建不起来。' },
        { text: '给 cosocket 设置更长的超时', why: '这不是超时：让出在开始等待之前就被拒绝了。' },
        { text: '把 `require "app"` 挪到 `log_by_lua_block` 里', why: '`log_by_lua*` 根本不能让出，cosocket 在那里报 `API disabled in the context of log_by_lua*`。', link: '/ngx-lua/troubleshooting#api-disabled' },
      ],
    },
    {
      id: 'api-disabled-fix',
      kind: 'single',
      prompt: '`log_by_lua_block` 里用 cosocket 上报请求的 URI，报 `API disabled in the context of log_by_lua*`。哪个改法既消除报错又完成上报？',
      link: '/ngx-lua/troubleshooting#api-disabled',
      options: [
        { text: '在 `log_by_lua*` 里先读出 `ngx.var.uri`，作为参数交给 `ngx.timer.at(0, report, uri)`，在回调里用 cosocket 发送', correct: true, why: '定时器回调可以让出、能用 cosocket；但它没有请求，`ngx.var` 要在当前阶段先读出来再传进去。' },
        { text: '在定时器回调里直接读 `ngx.var.uri` 再发送', why: '定时器回调不属于任何请求，在那里读 `ngx.var` 报 `API disabled in the current context`。', link: '/ngx-lua/phases#what-each-phase-is-for' },
        { text: '用 `pcall` 包住 cosocket 调用', why: '报错消失了，但上报也没有发生：`log_by_lua*` 里不能让出，cosocket 在这里就是不能用。' },
        { text: '把上报改成 `ngx.location.capture` 子请求', why: '子请求同样要让出，在 `log_by_lua*` 里同样被禁用。' },
      ],
    },
    {
      id: 'resolver-fix',
      kind: 'multiple',
      prompt: '`sock:connect("backend.internal", 8080)` 返回 `no resolver defined to resolve "backend.internal"`。哪些改法能让连接成功？',
      link: '/ngx-lua/troubleshooting#no-resolver',
      options: [
        { text: '在 http 或 server 级别加 `resolver` 指令，指向可用的 DNS 服务器', correct: true, why: 'cosocket 用 nginx 自己的非阻塞解析器，配置了 `resolver` 它才有地方去问。' },
        { text: '直接连接后端的 IP 地址', correct: true, why: '连 IP 不需要解析，本页的修复演示的就是这种做法。' },
        { text: '把 `backend.internal` 写进 `/etc/hosts`', why: 'nginx 的解析器不读 `/etc/hosts`，也不用系统的 `getaddrinfo`。' },
        { text: '调大 `sock:settimeout()`', why: '这条错误不是等待超时，而是根本没有解析器可用，`connect` 立即返回。' },
      ],
    },
    {
      id: 'body-not-read-fix',
      kind: 'multiple',
      prompt: '`content_by_lua_block` 里调用 `ngx.req.get_post_args()` 报 `no request body found; maybe you should turn on lua_need_request_body?`。哪些改法消除这个报错？',
      link: '/ngx-lua/troubleshooting#body-not-read',
      options: [
        { text: '调用之前先 `ngx.req.read_body()`', correct: true, why: 'nginx 默认不读请求体；`ngx.req.read_body()` 会让出，直到请求体读完。' },
        { text: '在 location 里打开 `lua_need_request_body on;`', correct: true, why: '这条指令让 nginx 在运行 Lua 代码之前就读完请求体，报错里也这样提示。' },
        { text: '改用 `ngx.req.get_body_data()`', why: '它不会抛错，但请求体没读时安静地返回 `nil`，问题只是藏起来了。' },
        { text: '调大 `client_body_buffer_size`', why: '这个指令决定请求体留在内存还是写进临时文件，与“还没读”无关。', link: '/ngx-lua/troubleshooting#body-in-file' },
      ],
    },
    {
      id: 'cjson-safe',
      kind: 'output',
      prompt: '对一个带方法的表用 `cjson.safe` 编码。输出什么？',
      link: '/ngx-lua/troubleshooting#cjson-cannot-serialise',
      runIn: 'nginx',
      code: [
        'local cjson_safe = require "cjson.safe"',
        'local user = { name = "ann", greet = function() end }',
        'local json, err = cjson_safe.encode(user)',
        'ngx.say(tostring(json), " | ", err)',
      ].join('\n'),
      options: [
        { output: 'nil | Cannot serialise function: type not supported', correct: true, why: '`cjson.safe` 遇到 JSON 表示不了的值时返回 `nil, err` 而不抛错；`serialise` 后面是值的类型名。修复是把要输出的字段复制到新表再编码。' },
        { output: '{"name":"ann"} | nil', why: 'lua-cjson 不会悄悄跳过函数字段，遇到就报错。' },
        { error: 'Cannot serialise function: type not supported', why: '抛错的是 `cjson.encode`；`cjson.safe` 把同样的错误作为第二个返回值交回来。' },
        { output: '{"greet":null,"name":"ann"} | nil', why: '函数不会被编码成 `null`：JSON 里没有对应的类型，lua-cjson 报错。' },
      ],
    },
    {
      id: 'pending-timers-fix',
      kind: 'single',
      prompt: '每个请求都 `ngx.timer.at(0, ...)` 一次，流量一大，error.log 里出现 `too many pending timers`。最合适的修复是哪个？',
      link: '/ngx-lua/troubleshooting#too-many-pending-timers',
      options: [
        { text: '把任务放进队列，由一个 `ngx.timer.every` 定时器批量处理', correct: true, why: '定时器的数量不再随请求数增长；确实需要时才调大 `lua_max_pending_timers`。' },
        { text: '调大 `lua_max_running_timers`', why: '它限制的是同时正在运行的回调数，不是尚未到期的定时器数；这条报错对应的是 `lua_max_pending_timers`。', link: '/ngx-lua/troubleshooting#running-timers' },
        { text: '把延迟从 0 改成 1 秒', why: '定时器等待得更久，同时等待中的定时器只会更多。' },
        { text: '忽略它：回调稍后会补跑', why: '超过上限时 `ngx.timer.at` 直接返回 `nil, "too many pending timers"`，这个回调永远不会运行。' },
      ],
    },
  ],
})
