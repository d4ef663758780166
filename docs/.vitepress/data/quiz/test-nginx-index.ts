import { defineQuiz } from './types'

export default defineQuiz({
  id: 'test-nginx-index',
  page: '/test-nginx/',
  questions: [
    {
      id: 'what-it-is',
      kind: 'single',
      prompt: 'test::nginx（Test::Nginx）是什么样的测试框架？',
      link: '/test-nginx/#what-it-is',
      options: [
        { text: 'OpenResty 的 Lua 单元测试框架，直接调用 Lua 函数检查返回值', why: '它不直接调用任何 Lua 函数；Lua 代码只是 nginx 配置的一部分。' },
        { text: 'Perl 写的数据驱动黑盒测试框架：真的启动 nginx、发 HTTP 请求，检查响应和 error.log', correct: true, why: '测试文件后半部分是一块块数据，框架为每块生成 nginx.conf、启动 nginx、发请求、比较结果。' },
        { text: '一个 nginx 模块，在 nginx 内部运行测试', why: '它是 Perl 模块家族（Test::Nginx::Socket 等），在 nginx 外部作为客户端运行。' },
        { text: '一个用 LWP 浏览器模拟用户的端到端测试工具', why: '基于 LWP 的 `Test::Nginx::LWP` 已过时；主力 `Test::Nginx::Socket` 直接用非阻塞套接字和 nginx 对话。' },
      ],
    },
    {
      id: 'implicit-status',
      kind: 'test',
      prompt: '这个块只检查响应体里有 `404 Not Found`。它会通过吗？',
      link: '/test-nginx/#minimal',
      block: [
        '=== TEST 1: a missing page',
        '--- config',
        'location = /t {',
        '    return 404;',
        '}',
        '--- request',
        'GET /t',
        '--- response_body_like: 404 Not Found',
      ].join('\n'),
      passes: false,
      whyPass: '响应体确实含有 `404 Not Found`，但这不是唯一的检查。',
      whyFail: '没写 `--- error_code` 时状态码也会检查，默认期望 200；这里是 404，所以“status code ok”这个子测试失败。要写 `--- error_code: 404`。',
    },
    {
      id: 'no-plan',
      kind: 'single',
      prompt: '测试文件开头只写了 `use Test::Nginx::Socket;` 和 `run_tests();`，所有子测试都通过了。`prove` 报告什么？',
      link: '/test-nginx/#which-module',
      options: [
        { text: '`ok`', why: '没有声明 plan（`no_plan` 或 `plan tests => …`），Test::More 认为测试没有正常结束。' },
        { text: '`Dubious, test returned 254`：运行了测试，却没有声明 plan', correct: true, why: '要么写 `use Test::Nginx::Socket \'no_plan\';`，要么在 `run_tests()` 之前写 `plan tests => …`。' },
        { text: '`Bailout called`，nginx 起不来', why: 'bail out 的典型原因是 nginx 起不来（配置错、端口被占），与 plan 无关。', link: '/test-nginx/#reading-output' },
        { text: 'Perl 语法错误', why: '这两行是合法的 Perl；问题出在 Test::More 的计划检查。' },
      ],
    },
    {
      id: 'socket-lua',
      kind: 'single',
      prompt: '`Test::Nginx::Socket::Lua` 比 `Test::Nginx::Socket` 多了什么？',
      link: '/test-nginx/#which-module',
      options: [
        { text: '它才能运行带 `content_by_lua_block` 的块', why: 'Lua 代码只是 nginx 配置，`Test::Nginx::Socket` 一样能测；区别不在这里。' },
        { text: '只多读取一个环境变量 `TEST_NGINX_INIT_BY_LUA`，把其中的 Lua 代码注入每个块', correct: true, why: '它是 `Test::Nginx::Socket` 的子类，源码只多了这一件事。' },
        { text: '它会替你启动 Redis 和 MySQL', why: '两个模块都不管外部服务。' },
        { text: '它默认不打乱块的顺序', why: '乱序是两者共同的默认行为，要调用 `no_shuffle()` 才按文件顺序执行。', link: '/test-nginx/debugging#shuffle' },
      ],
    },
    {
      id: 'servroot',
      kind: 'single',
      prompt: '一个块失败了，想看框架实际生成的 nginx 配置和日志。去哪里找？',
      link: '/test-nginx/#how-a-run-works',
      options: [
        { text: '`t/servroot/conf/nginx.conf` 与 `t/servroot/logs/error.log`（最后运行的那个块的）', correct: true, why: '`t/servroot/` 在测试结束后不删除，保留的是最后一个块的配置和日志；失败时第一件事就是去看它们。' },
        { text: '`/etc/nginx/nginx.conf`', why: '框架不读系统配置，它把块里的段填进自己的模板，用 `-p t/servroot/` 启动 nginx。' },
        { text: '框架在测试结束后删除了它们，只能加 `-v` 重跑', why: '`t/servroot/` 会保留下来，所以要把它加进 `.gitignore`。', link: '/test-nginx/#layout' },
        { text: '`prove` 的标准输出里会打印完整配置', why: '`prove` 只显示 TAP 结果与失败说明，不打印生成的配置。' },
      ],
    },
  ],
})
