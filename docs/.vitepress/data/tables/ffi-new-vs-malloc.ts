import { defineTable } from './types'

export default defineTable({
  id: 'ffi-new-vs-malloc',
  caption: 'ffi.new 与 ffi.C.malloc + ffi.gc 逐项对比（LuaJIT 2.1）',
  columns: [
    { key: 'aspect', label: '维度' },
    { key: 'ffiNew', label: 'ffi.new（或 ctype 构造函数）' },
    { key: 'malloc', label: 'ffi.C.malloc + ffi.gc' },
  ],
  rowHeader: 'aspect',
  rows: [
    {
      aspect: '内存归谁',
      ffiNew: { text: 'LuaJIT 的 GC：内存就是 cdata 对象的一部分', mark: 'key' },
      malloc: { text: 'C 堆：GC 只管装着地址的指针 cdata，不管地址后面的内存', mark: 'key' },
    },
    {
      aspect: '谁释放、何时释放',
      ffiNew: {
        text: 'GC 自动释放：最后一个引用消失后，在下一轮 GC 结束时',
        mark: 'good',
        note: '不能手动释放；指向它的裸指针不会让它存活',
      },
      malloc: {
        text: '`ffi.gc` 挂的终结器（如 `ffi.C.free`）在指针 cdata 被回收时调用；也可以 `ffi.C.free(ffi.gc(p, nil))` 立即释放',
        note: '不挂终结器又忘了 free 就是泄漏；手动 free 前不摘终结器就是 double free',
      },
    },
    {
      aspect: '计入 GC 记账',
      ffiNew: { text: '计入：`collectgarbage("count")` 随之增长，推动 GC 更频繁地运行', mark: 'bad' },
      malloc: {
        text: '不计入：GC 只看到一个很小的指针 cdata',
        mark: 'good',
        note: '反过来，GC 也因此“看不见”这些内存，只靠终结器回收可能很迟',
      },
    },
    {
      aspect: '初始内容',
      ffiNew: { text: '未给初始值的部分全部清零', mark: 'good' },
      malloc: { text: '未初始化（需要时自己 `ffi.fill`，或改用 `calloc`）' },
    },
    {
      aspect: '单个对象大小上限',
      ffiNew: {
        text: '小于 2 GB（`0x80000000` 字节），GC64 下也一样',
        mark: 'bad',
        note: '本机实测：2147483647 字节成功，2147483648 字节报“size of C type is unknown or too large”',
      },
      malloc: { text: '只受 C 分配器与物理内存限制', mark: 'good' },
    },
    {
      aspect: '总量上限',
      ffiNew: {
        text: 'GC64（今天 x64、ARM64 的默认）：47 位地址空间，即 128 TB；非 GC64 的 x64：约 2 GB（2016 年以前约 1 GB）',
        mark: 'key',
      },
      malloc: { text: '不占 GC 堆的额度' },
    },
    {
      aspect: '变长类型（VLA/VLS）',
      ffiNew: { text: '支持：`ffi.new("char[?]", n)`，带元素个数直接得到带类型、带长度的对象', mark: 'good' },
      malloc: { text: '只有一个 `void *`，要自己 `ffi.cast` 成需要的指针类型，长度自己记' },
    },
    {
      aspect: '分配开销',
      ffiNew: {
        text: '在 GC 堆上分配，可被 JIT 编译；不逃逸的小对象还可能被分配下沉（allocation sinking）完全消除',
        mark: 'good',
      },
      malloc: { text: '每次一个 C 调用；加上 `ffi.gc` 还要登记终结器，回收时再多一次调用' },
    },
    {
      aspect: '典型用途',
      ffiNew: { text: '小而短命的结构体、输出参数（如 `size_t[1]`）、请求内的临时缓冲区' },
      malloc: { text: '大块、长寿命的缓冲区（如模块级的大缓存），或必须交给 C 库、由 C 库释放的内存' },
    },
  ],
  sources: [
    'LuaJIT 文档 ext_ffi_api.html（ffi.new、ffi.gc）与 ext_ffi_semantics.html（初始化规则、cdata 的垃圾回收）：https://luajit.org/ext_ffi_semantics.html',
    'LuaJIT 源码 src/lj_ctype.c（lj_ctype_vlsize 的大小上限）、src/lj_alloc.c（LJ_ALLOC_MBITS）、src/lj_cdata.c（cdata 在 GC 堆上分配）：https://github.com/LuaJIT/LuaJIT/tree/1ee778a4e37122d8ca7d5733c590a47dafd6b15c/src',
    '本机实测：Debian luajit2 2.1-20230119（x64，GC64）',
  ],
})
