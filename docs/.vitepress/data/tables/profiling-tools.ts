import { defineTable } from './types'

export default defineTable({
  id: 'profiling-tools',
  caption: 'OpenResty/LuaJIT 常见性能分析工具：看得见什么、需要什么、安不安全、还有没有人维护',
  columns: [
    { key: 'tool', label: '工具' },
    { key: 'sees', label: '看得见什么' },
    { key: 'needs', label: '需要什么' },
    { key: 'safety', label: '安全性与开销' },
    { key: 'status', label: '维护状态（2026 年）' },
  ],
  rowHeader: 'tool',
  rows: [
    {
      tool: '`sample-bt`(openresty-systemtap-toolkit)',
      sees: { text: 'C 级别的 on-CPU 调用栈：`-u` 用户态、`-k` 内核态、`-u -k` 两者都要；可画成 C 级别火焰图', mark: 'key' },
      needs: 'SystemTap；内核头文件与内核调试符号（kernel-devel、kernel-debuginfo）；目标进程的 DWARF 调试信息；root；内核 3.5+ 的 uprobes（更老的内核要 utrace 补丁）',
      safety: {
        text: '每次运行都把脚本编译成内核模块再加载',
        note: '编译器与编译内核的编译器不一致时，README 警告可能破坏内核内存',
      },
      status: { text: '2020 年起不再维护，README 推荐改用 OpenResty XRay', mark: 'bad' },
    },
    {
      tool: '`sample-bt-off-cpu`（同上）',
      sees: 'C 级别的 off-CPU 调用栈：进程因为等 I/O、锁、调度而不在 CPU 上的时间，1 个样本约等于 1 微秒',
      needs: '同 `sample-bt`',
      safety: '同 `sample-bt`',
      status: { text: '同上，不再维护', mark: 'bad' },
    },
    {
      tool: '`lj-lua-stacks`(stapxx)',
      sees: {
        text: 'Lua 级别的 on-CPU 调用栈（LuaJIT 2.1，解释执行与已编译的代码都能采到）；可画成 Lua 级别火焰图',
        mark: 'key',
      },
      needs: 'SystemTap 与 stap++；nginx/luajit 的 DWARF 调试信息；root；自定义的嵌入 LuaJIT 的程序要把主 `lua_State` 指针放进名为 `globalL` 的全局变量',
      safety: {
        text: '同样编译成内核模块；README 自己写着“有很多 bug”',
        mark: 'bad',
      },
      status: { text: '2020 年起不再维护，README 标明已被 OpenResty XRay 取代', mark: 'bad' },
    },
    {
      tool: 'LuaJIT 自带剖析器：`luajit -jp`、`jit.p`、`jit.profile`',
      sees: {
        text: 'Lua 级别的 on-CPU 调用栈，外加采样时的 VM 状态（已编译、解释执行、C 代码、垃圾回收、JIT 编译器）',
        mark: 'key',
        note: 'C 函数不单独成帧，它们的时间算在调用它的 Lua 函数上',
      },
      needs: { text: '只要 LuaJIT 2.1；不要 root、不要调试符号；在进程内由代码开启', mark: 'good' },
      safety: {
        text: '进程内的定时采样（Linux 上是 `setitimer` + `SIGPROF`），开销低；开启和关闭时会清空已编译的 trace',
        mark: 'good',
        note: '同一时刻只能剖析一个 Lua VM',
      },
      status: { text: 'LuaJIT 2.1 的一部分（2013 年加入），随 LuaJIT 与 OpenResty 的 luajit2 维护', mark: 'good' },
    },
    {
      tool: 'Linux `perf`',
      sees: 'C 与内核级别的 on-CPU 调用栈、硬件计数器；配合调度事件也能做 off-CPU 分析',
      needs: '内核的 perf_events（所有主流发行版都有）；`kernel.perf_event_paranoid` 允许或 root；调试符号；栈回溯需要帧指针或 DWARF/LBR',
      safety: { text: '内核自带的采样机制，生产可用；开销取决于采样频率', mark: 'good' },
      status: { text: 'Linux 内核的一部分，活跃维护', mark: 'good' },
    },
    {
      tool: '`perf` + `perf-<pid>.map`',
      sees: {
        text: '让 `perf` 把 JIT 生成的机器码显示成形如 `TRACE_12::demo.lua:40` 的名字，而不是一串没有名字的地址',
        note: '仍然看不到 Lua 调用栈',
      },
      needs: '用 `-DLUAJIT_USE_PERFTOOLS` 重新编译 LuaJIT；它会在每个 trace 编译后写 `/tmp/perf-<pid>.map`',
      safety: '同 `perf`；map 文件要自己清理',
      status: 'LuaJIT 源码里的编译期选项，默认关闭',
    },
    {
      tool: 'eBPF 工具（bcc 与 bpftrace）',
      sees: 'on-CPU 与 off-CPU、内核与用户态 C 调用栈；uprobes 挂在用户态函数上；Lua 调用栈要额外解析 LuaJIT 的内存结构',
      needs: '较新的内核（定时采样调用栈从 Linux 4.9 起才有）；root 或 `CAP_BPF`/`CAP_PERFMON`；调试符号或 BTF',
      safety: {
        text: '程序加载前由内核里的验证器检查（有界循环、内存访问合法），不能随意写内核内存；不必编译内核模块，启动快',
        mark: 'good',
        note: '验证器不是万能的：它保证的是不崩溃、不越界，不保证没有开销',
      },
      status: { text: '内核与 bcc、bpftrace 都在活跃开发', mark: 'good' },
    },
    {
      tool: 'SystemTap（本体）',
      sees: '内核与用户态的任意探针：函数入口/返回、定时器、静态标记点；能读取变量',
      needs: 'kernel-devel 与 kernel-debuginfo；用户态探针要 uprobes 与调试信息；root 或 stapdev 组',
      safety: {
        text: '把脚本翻译成 C，编译成内核模块再加载；有运行时保护，但模块跑在内核态，不匹配的编译器或内核会出事',
        mark: 'bad',
      },
      status: '仍在 sourceware.org 维护，RHEL 系发行版支持最好',
    },
    {
      tool: 'DTrace',
      sees: '内核与用户态的动态追踪，可以采样调用栈',
      needs: 'illumos/Solaris、FreeBSD、macOS（受 SIP 限制）原生支持；Linux 上有 Oracle 的 dtrace-utils 移植',
      safety: '为生产环境设计：D 语言没有循环，探针动作受限',
      status: '在 illumos、FreeBSD 上维护；OpenResty 的主战场 Linux 上很少用',
    },
    {
      tool: 'Intel VTune Profiler',
      sees: 'C 级别热点、微架构瓶颈（缓存未命中、分支预测失败等硬件事件）、线程与锁等待',
      needs: '硬件事件分析要 Intel CPU 和采样驱动（或 `perf`）；Lua 栈看不到，JIT 代码只是匿名地址',
      safety: '采样式，开销低；适合压测环境',
      status: '作为 Intel oneAPI 的一部分免费提供，活跃维护',
    },
    {
      tool: 'Mozilla rr',
      sees: {
        text: '不是剖析器：把一次执行完整录制下来，之后在 gdb 里反复、甚至倒着重放',
        note: '适合难复现的崩溃和诡异状态，不适合量 CPU 时间',
      },
      needs: 'Linux 4.7+；Intel Nehalem 以来的 CPU，或 AMD Zen（要按 rr 的说明做额外设置），或部分 AArch64；能用硬件性能计数器（虚拟机要开放 PMU）；`perf_event_paranoid` 不高于 1',
      safety: '只用于开发或测试机：录制时程序被串行化运行，会明显变慢',
      status: { text: '活跃维护', mark: 'good' },
    },
    {
      tool: 'OpenTracing → OpenTelemetry',
      sees: '一个请求跨服务、跨组件的耗时（span）：慢在哪个服务、哪个上游，而不是哪个函数',
      needs: '在代码或网关里埋点，另有采集与存储后端（Jaeger、Zipkin 等）',
      safety: '开销取决于采样率与导出方式',
      status: {
        text: 'OpenTracing 已与 OpenCensus 合并为 OpenTelemetry，CNCF 于 2022 年 1 月归档 OpenTracing；新项目用 OpenTelemetry',
        mark: 'key',
      },
    },
    {
      tool: '二分法：注释掉代码',
      sees: '什么都“看”不见：靠去掉一半代码、看指标变化来缩小范围',
      needs: '能稳定复现的压测与可比较的指标',
      safety: '只在测试环境做',
      status: '方法而非工具；在没有任何工具可用时依然有效',
    },
    {
      tool: 'OpenResty XRay',
      sees: 'C、Lua、内核各级别的 on-CPU 与 off-CPU 火焰图，内存与 GC 分析，不需要改应用',
      needs: '商业产品：在目标机器装代理',
      safety: '厂商宣称可用于生产环境',
      status: { text: '商业服务，由 OpenResty Inc. 维护；是上面两个 SystemTap 工具集的官方继任者', mark: 'key' },
    },
  ],
  sources: [
    'openresty-systemtap-toolkit 的 README，sample-bt 与 sample-bt-off-cpu 两节：https://github.com/openresty/openresty-systemtap-toolkit/blob/0c4a955df3a150a9df4b96ece5258bb9dbb8c5d8/README.markdown',
    'stapxx 的 README，lj-lua-stacks 一节：https://github.com/openresty/stapxx/blob/c6773fe7732f7fe4e008573d4f36447f1cfd3e5d/README.markdown#lj-lua-stacks',
    'LuaJIT 文档 Profiler：https://luajit.org/ext_profiler.html',
    'LuaJIT 源码 src/lj_profile.c、src/lj_trace.c（LUAJIT_USE_PERFTOOLS）：https://github.com/LuaJIT/LuaJIT/tree/1ee778a4e37122d8ca7d5733c590a47dafd6b15c/src',
    'CNCF 归档 OpenTracing 的公告：https://www.cncf.io/blog/2022/01/31/cncf-archives-the-opentracing-project/',
    'rr 项目主页：https://rr-project.org/',
    'BPF 验证器文档：https://docs.kernel.org/bpf/verifier.html',
  ],
})
