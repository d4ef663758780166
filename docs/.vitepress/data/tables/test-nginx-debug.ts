import { defineTable } from './types'

export default defineTable({
  id: 'test-nginx-debug',
  caption: '调试标记与运行模式：段、Perl 函数与环境变量',
  columns: [
    { key: 'name', label: '名字' },
    { key: 'kind', label: '类别' },
    { key: 'effect', label: '效果' },
  ],
  rowHeader: 'name',
  rows: [
    {
      name: '`--- ONLY`',
      kind: '段（Test::Base 元段）',
      effect: {
        text: '只运行这一个块，并在终端打印 `# I found ONLY: maybe you\'re debugging?`',
        mark: 'key',
        note: '文件里有多个时，按文件顺序第一个生效',
      },
    },
    {
      name: '`--- SKIP`',
      kind: '段（Test::Base 元段）',
      effect: { text: '无条件丢掉这个块；TAP 输出里不留任何 skip 记录', mark: 'bad' },
    },
    {
      name: '`--- LAST`',
      kind: '段（Test::Base 元段）',
      effect: '这个块照常运行，文件中排在它后面的块全部忽略',
    },
    {
      name: '`--- skip_nginx` 等',
      kind: '段',
      effect: '`skip_nginx`、`skip_nginx2`、`skip_openssl`、`skip_eval`：按 nginx 版本、OpenSSL 版本或一段 Perl 表达式有条件地跳过指定数量的子测试，TAP 里记为 skip',
    },
    {
      name: '`plan tests => …`',
      kind: 'Perl 函数（Test::More）',
      effect: {
        text: '事先声明子测试总数；实际数目不符时整个文件失败',
        note: '写 use … \'no_plan\' 则不声明',
      },
    },
    {
      name: '`repeat_each(n)`',
      kind: 'Perl 函数',
      effect: '每个块的请求重复 n 次（默认 1），子测试数随之乘 n；检漏与压测模式下被忽略',
    },
    {
      name: '`no_shuffle()`',
      kind: 'Perl 函数',
      effect: { text: '按文件顺序执行块；默认是每次随机打乱', mark: 'key' },
    },
    {
      name: '`add_block_preprocessor(sub {…})`',
      kind: 'Perl 函数',
      effect: '每个块运行前调用一次，可补默认段、改写段或发明新段',
    },
    {
      name: '`no_long_string()` / `no_diff()`',
      kind: 'Perl 函数',
      effect: '改变字符串不相等时的报错格式：前者改为完整打印 got 与 expected，两边都是多行时输出 Text::Diff 差异；再加后者则不输出差异',
    },
    {
      name: '`log_level(\'warn\')`',
      kind: 'Perl 函数',
      effect: '全文件默认的 error_log 级别（默认 `debug`），可被块内 `--- log_level` 覆盖',
    },
    {
      name: '`check_accum_error_log()`',
      kind: 'Perl 函数',
      effect: '`error_log`/`no_error_log` 检查本块累计的日志，而不只是当前这次重复请求的日志',
    },
    {
      name: '`TEST_NGINX_NO_SHUFFLE=1`',
      kind: '环境变量',
      effect: '与 `no_shuffle()` 相同，不改测试文件就能固定顺序',
    },
    {
      name: '`TEST_NGINX_CHECK_LEAK=1`',
      kind: '环境变量',
      effect: {
        text: '检漏模式：用 weighttp/ab 持续压每个块，同时每 20 ms 用 ps 采样 RSS，输出样本与线性回归斜率 k',
        mark: 'key',
        note: '强制 dry-run：结果断言全部跳过，要人看 k 值',
      },
    },
    {
      name: '`TEST_NGINX_USE_VALGRIND=1`',
      kind: '环境变量',
      effect: '在 valgrind 下启动 nginx；值为 1 时等价于 `--tool=memcheck --leak-check=full`',
    },
    {
      name: '`TEST_NGINX_USE_HUP=1`',
      kind: '环境变量',
      effect: '打开 master 进程，块与块之间用 HUP 信号重载配置而不是重启 nginx',
    },
    {
      name: '`TEST_NGINX_BENCHMARK=\'N C\'`',
      kind: '环境变量',
      effect: '压测模式：N 是每个块的请求数（所以 `=1` 只发 1 个请求），C 是并发数（默认 2）；值不是数字时请求数为 100000000（代码里的默认值）。HTTP/1.1 的 GET 用 weighttp，其余请求用 ab；需要 `unbuffer`',
    },
    {
      name: '`TEST_NGINX_USE_STAP=1`',
      kind: '环境变量',
      effect: '用 SystemTap 跟踪 nginx，脚本写在 `--- stap` 段，输出由 `--- stap_out*` 检查',
    },
    {
      name: '`TEST_NGINX_NO_CLEAN=1`',
      kind: '环境变量',
      effect: { text: '测试结束后不关 nginx，留给 curl、gdb 手工检查', mark: 'good' },
    },
    {
      name: '`TEST_NGINX_RANDOMIZE=1`',
      kind: '环境变量',
      effect: '随机端口加 `t/servroot_端口` 目录，让 `prove -jN` 能并行跑多个文件',
    },
    {
      name: '`TEST_NGINX_BINARY`',
      kind: '环境变量',
      effect: '启动 nginx 的命令，默认在 `PATH` 里找 `nginx`',
    },
    {
      name: '`TEST_NGINX_SERVER_PORT` / `TEST_NGINX_PORT`',
      kind: '环境变量',
      effect: 'nginx 监听的端口，默认 1984；`TEST_NGINX_PORT` 同时设定客户端连接的端口',
    },
    {
      name: '`TEST_NGINX_SLEEP`',
      kind: '环境变量',
      effect: '两次 `syswrite` 之间、启动 nginx 之后的等待秒数，默认 0.015',
    },
    {
      name: '`TEST_NGINX_ERROR_LOG`',
      kind: '环境变量',
      effect: '把所有块的 error.log 追加到这个文件，框架不会清理它',
    },
    {
      name: '`TEST_NGINX_LOAD_MODULES`',
      kind: '环境变量',
      effect: '空格分隔的动态模块路径，生成对应的 `load_module` 指令',
    },
    {
      name: '`TEST_NGINX_INIT_BY_LUA`',
      kind: '环境变量（仅 Socket::Lua）',
      effect: '把一段 Lua 代码注入每个块的 `init_by_lua*`，常用来 `require "resty.core"`',
    },
  ],
  sources: [
    'openresty/test-nginx 提交 cf245a0 的 lib/Test/Nginx/Socket.pm：POD（Meta sections、Exported Perl Functions、Environment variables）与 gen_ab_cmd_from_req（TEST_NGINX_BENCHMARK 的解析）：https://github.com/openresty/test-nginx/blob/cf245a0e58f2475abb73b5b4ffbb415ffb61f5d8/lib/Test/Nginx/Socket.pm',
    'openresty/test-nginx 提交 cf245a0 的 lib/Test/Nginx/Util.pm：run_tests、run_test、repeat_each、各环境变量的读取与互斥逻辑',
    'openresty/test-nginx 的 inc/Test/Base.pm（提交 cf245a0，Test::Base 0.89）：_choose_blocks（ONLY、SKIP、LAST）',
    'openresty/test-nginx 的 lib/Test/Nginx/Socket/Lua.pm（提交 cf245a0）：TEST_NGINX_INIT_BY_LUA',
  ],
})
