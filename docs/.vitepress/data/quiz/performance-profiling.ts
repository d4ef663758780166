import { defineQuiz } from './types'

export default defineQuiz({
  id: 'performance-profiling',
  page: '/performance/profiling',
  questions: [
    {
      id: 'low-cpu-slow',
      kind: 'single',
      prompt: '接口延迟很高，但 nginx worker 的 CPU 占用并不高。先该做哪一类分析？',
      link: '/performance/profiling#on-cpu-off-cpu',
      options: [
        { text: 'on-CPU 火焰图，找最宽的顶边', why: 'on-CPU 采样只回答“CPU 在忙什么”；CPU 不忙时，时间花在了 CPU 之外。' },
        { text: 'off-CPU 分析（或先看 `$request_time`、`$upstream_response_time`、分布式追踪），找“不该阻塞的地方阻塞了”', correct: true, why: '单线程的 worker 一旦调用阻塞 I/O（`io.open`、LuaSocket、`os.execute`、同步 DNS），就会在 off-CPU 里留下痕迹。', link: '/performance/profiling#choosing' },
        { text: '用 VTune 看缓存未命中', why: 'VTune 长于微架构层面的 CPU 热点；CPU 不高时它帮不上忙。', link: '/performance/profiling#vtune' },
        { text: '用二分法注释掉一半代码', why: '二分法是其他工具都用不上时的最后手段，不是第一步。', link: '/performance/profiling#bisect' },
      ],
    },
    {
      id: 'lua-level',
      kind: 'multiple',
      prompt: '哪些工具能直接给出 **Lua 级别**的调用栈（看得到是哪个 Lua 函数）？',
      link: '/performance/profiling#three-questions',
      options: [
        { text: 'LuaJIT 自带的剖析器（`luajit -jp`、`jit.p`、`jit.profile`）', correct: true, why: '它直接在 Lua 层面采样，不需要任何特权，测试和线上都能用。', link: '/performance/profiling#luajit-profiler' },
        { text: 'stapxx 的 `lj-lua-stacks`', correct: true, why: '它采样 LuaJIT 2.1 的 Lua 调用栈，解释执行与已编译的代码都能采到（SystemTap 工具，已不再维护）。', link: '/performance/profiling#systemtap' },
        { text: '普通的 `perf record -g`', why: 'perf 看到的是解释器内部的 `lj_BC_*`、`lj_vm_*` 符号和没有名字的 trace 地址，分不出是哪个 Lua 函数。', link: '/performance/profiling#perf' },
        { text: 'openresty-systemtap-toolkit 的 `sample-bt`', why: '`sample-bt` 采样的是 C 级别（用户态或内核态）的调用栈。', link: '/performance/profiling#systemtap' },
      ],
    },
    {
      id: 'jp-c-time',
      kind: 'single',
      prompt: '在 nginx worker 里用 `jit.p` 剖析，一个函数里大部分时间花在 `ngx.re.match` 和 `cjson.encode` 上。火焰图里这些时间记在哪里？',
      link: '/performance/profiling#in-nginx',
      options: [
        { text: '记在调用它们的 Lua 函数上（VM 状态为“C 代码”）；要细分 C 层得用 `perf` 或 eBPF', correct: true, why: 'LuaJIT 剖析器看不到 C 层的函数。' },
        { text: '单独显示为 PCRE 和 cjson 的 C 函数帧', why: '剖析器只在 Lua 层面采样，C 函数不会成为单独的帧。' },
        { text: '不计入任何地方，剖析器会跳过 C 代码的时间', why: '时间没有丢，它被算在调用者身上。' },
        { text: '只有请求在 `ngx.sleep` 时才采得到', why: '恰好相反：让出等待时不在 CPU 上，不产生样本。' },
      ],
    },
    {
      id: 'ebpf-vs-stap',
      kind: 'single',
      prompt: 'SystemTap 与 eBPF 的区别，哪一句准确？',
      link: '/performance/profiling#three-questions',
      options: [
        { text: 'SystemTap 是主线内核的一部分，eBPF 需要另外安装内核模块', why: '正好反了：SystemTap 把脚本编译成内核模块再加载；eBPF 是主线内核自带的功能。' },
        { text: 'SystemTap 把 `.stp` 脚本编译成内核模块加载；eBPF 程序由内核验证器检查后运行，所以更适合线上临时使用', correct: true, why: '验证器保证 BPF 程序不越界、不死循环；但“不会死机”是设计目标，不是绝对保证，验证器与辅助函数也出过漏洞。' },
        { text: 'eBPF 绝对不会让内核出问题', why: '验证器本身和内核里的 BPF 辅助函数都出过漏洞，生产环境使用仍应谨慎。' },
        { text: '两者都需要与运行内核完全匹配的调试符号才能启动', why: '这是 SystemTap 的前提；eBPF 依赖内核版本与 BTF 等，不需要编译内核模块。', link: '/performance/profiling#ebpf' },
      ],
    },
    {
      id: 'toolkit-status',
      kind: 'single',
      prompt: 'openresty-systemtap-toolkit 与 stapxx 今天的状态是？',
      link: '/performance/profiling#systemtap',
      options: [
        { text: '活跃维护，是 OpenResty 推荐的首选工具', why: '两个仓库的最后一次提交停在 2020 年 9 月，README 写明不再维护。' },
        { text: '不再维护，README 写明已被商业产品 OpenResty XRay 取代；原理仍值得了解', correct: true, why: '它们是许多中文资料里“OpenResty 火焰图”的来源，但新环境里先考虑 `jit.p`、`perf`、bcc。' },
        { text: '已并入 Linux 内核', why: '它们是基于 SystemTap 的独立脚本集，从未进入内核。' },
        { text: '已改写成 eBPF 版本', why: '官方的继任者是 OpenResty XRay，而不是 eBPF 改写版。' },
      ],
    },
  ],
})
