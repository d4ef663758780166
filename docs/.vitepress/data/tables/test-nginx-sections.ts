import { defineTable } from './types'

export default defineTable({
  id: 'test-nginx-sections',
  caption: 'Test::Nginx::Socket 常用段：作用、精确的匹配语义与写法',
  columns: [
    { key: 'name', label: '段' },
    { key: 'what', label: '作用' },
    { key: 'match', label: '匹配语义（以 Socket.pm 源码为准）' },
    { key: 'example', label: '写法' },
  ],
  rowHeader: 'name',
  rows: [
    {
      name: '`--- config`',
      what: '放进生成的 `nginx.conf` 的 `server {}` 里，通常是若干 `location`',
      match: {
        text: '不做比较；块里没有这一段时沿用上一个块的配置',
        mark: 'key',
        note: '所以“省略 config”的写法依赖执行顺序，要配合 no_shuffle()',
      },
      example: '`location = /t { return 200 "ok\\n"; }`',
    },
    {
      name: '`--- http_config`',
      what: '放进 `http {}`，在 `server {}` 之前：`lua_shared_dict`、`init_by_lua_block`、`upstream` 等',
      match: '不做比较；`$TEST_NGINX_*` 变量会被展开',
      example: '`lua_shared_dict cache 1m;`',
    },
    {
      name: '`--- main_config`',
      what: '放在配置文件顶层、`http {}` 之前：`env`、`stream {}`、`load_module` 等',
      match: '不做比较；`--- post_main_config` 则放在 `http {}` 之后',
      example: '`env FOO;`',
    },
    {
      name: '`--- request`',
      what: '要发送的请求：第一行是“方法 [URI [协议版本]]”，其余是请求体',
      match: {
        text: '省略 URI 时为 `/`，省略版本时为 HTTP/1.1；自动加 `Host`、`Connection`、`Content-Length`',
        note: '计算 Content-Length 前会去掉请求体首尾的空白',
      },
      example: '`GET /t?a=1`',
    },
    {
      name: '`--- request eval`',
      what: '请求本身用 Perl 表达式算出来；数组表示依次发送多个请求',
      match: '`.` 拼接字符串，`x` 重复字符串（优先级高于 `.`），`[...]` 是数组',
      example: '`"POST /t\\n" . "a" x 1024`',
    },
    {
      name: '`--- more_headers`',
      what: '额外的请求头，一行一个；以 `#` 开头的行被忽略',
      match: '写了 `Host` 或 `Connection` 就不再自动添加同名头',
      example: '`X-User: alice`',
    },
    {
      name: '`--- pipelined_requests`',
      what: '在同一条 keep-alive 连接上流水线发送多个请求（值必须是数组，配合 `eval`）',
      match: {
        text: '名字是 pipelined，不是 pipeline；写错时框架报“Request line should be non-empty”',
        mark: 'bad',
      },
      example: '`["GET /a", "GET /b"]`',
    },
    {
      name: '`--- raw_request`',
      what: '原样发送的字节，框架不补任何头，换行要自己写 `\\r\\n`',
      match: '数组表示分成几次 `syswrite` 发送',
      example: '`"GET /t HTTP/1.0\\r\\n\\r\\n"`',
    },
    {
      name: '`--- error_code`',
      what: '期望的响应状态码',
      match: {
        text: '精确相等；不写时也会检查，默认期望 200',
        mark: 'key',
        note: '所以每个请求至少产生一个子测试',
      },
      example: '`--- error_code: 404`',
    },
    {
      name: '`--- response_body`',
      what: '期望的响应体',
      match: {
        text: '与整个响应体逐字节相等，不是子串匹配；多行写法的值带结尾换行',
        mark: 'key',
        note: '值用 eval 写成 qr/.../ 时改为正则匹配',
      },
      example: '`ngx.say("hi")` 对应 `hi` 加换行',
    },
    {
      name: '`--- response_body_like`',
      what: '响应体要匹配的 Perl 正则（`_unlike` 为不匹配）',
      match: {
        text: '编译成 `qr/模式/s`，不自动锚定：子串命中即通过；`^`、`$` 锚定整个响应体',
        mark: 'key',
        note: '同时写了 response_body 时只检查 response_body',
      },
      example: '`--- response_body_like: 404 Not Found`',
    },
    {
      name: '`--- response_headers`',
      what: '期望的响应头，每行写一个头，格式与 HTTP 报文中的头相同',
      match: {
        text: '比较值时头名不区分大小写，值精确相等；`! X-Foo` 断言该头不存在，但它在原始响应头里按原样匹配，区分大小写',
        mark: 'key',
      },
      example: '`X-Demo: test-nginx`',
    },
    {
      name: '`--- response_headers_like`',
      what: '响应头的值用 Perl 正则匹配',
      match: {
        text: '编译成 `qr/^值$/`，两端锚定，必须整值匹配',
        note: '同一块里写了 response_headers 时这一段被忽略',
      },
      example: '`Server: nginx/\\d+\\.\\d+\\.\\d+`',
    },
    {
      name: '`--- error_log`',
      what: '断言 error.log 里出现了某些内容',
      match: {
        text: '每行是一个字面子串，各自成为一个子测试；用 `eval` 可写数组并混入 `qr//` 正则',
        mark: 'key',
        note: '默认只看本次请求写下的日志',
      },
      example: '`["cache miss", qr/took \\d+ ms/]`',
    },
    {
      name: '`--- no_error_log`',
      what: '断言 error.log 里没有出现某些内容',
      match: '与 `error_log` 相同的子串或正则规则，任一行命中即失败',
      example: '`[error]`',
    },
    {
      name: '`--- log_level`',
      what: '本块的 `error_log` 级别，覆盖默认的 `debug`',
      match: '只影响生成的配置',
      example: '`--- log_level: warn`',
    },
    {
      name: '`--- timeout`',
      what: '测试客户端的超时，与服务器配置无关',
      match: '两次 I/O 事件之间的最长等待，默认 3 秒；可写 `ms` 单位',
      example: '`--- timeout: 500ms`',
    },
    {
      name: '`--- wait`',
      what: '收到响应后、检查日志前先睡若干秒',
      match: '给定时器、`log_by_lua*` 等异步逻辑留出写日志的时间',
      example: '`--- wait: 0.1`',
    },
    {
      name: '`--- ignore_response`',
      what: '不解析响应，也不做任何响应相关的检查',
      match: '日志类检查照常进行',
      example: '`--- ignore_response`',
    },
    {
      name: '`--- init`',
      what: '在本块的所有重复请求之前执行一次的 Perl 代码',
      match: '`die` 会让整个测试会话中止',
      example: '`system("rm -f /tmp/x.db")`',
    },
  ],
  sources: [
    'openresty/test-nginx 提交 cf245a0（2026-03-24，版本号 0.33）lib/Test/Nginx/Socket.pm 的 POD（Sections supported 一节）与 check_response_body、check_response_headers、check_error_log 等函数：https://github.com/openresty/test-nginx/blob/cf245a0e58f2475abb73b5b4ffbb415ffb61f5d8/lib/Test/Nginx/Socket.pm',
    'openresty/test-nginx 提交 cf245a0 的 lib/Test/Nginx/Util.pm 中的 write_config_file、parse_headers 与 run_test',
    'Test::Base 0.89 与 Test::Base::Filter（段的语法与过滤器）',
  ],
})
