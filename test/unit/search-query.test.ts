// The search box's query handling (docs/.vitepress/search/query.ts) on a small
// index built with the site's real tokenizer and options.
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { clientLoadOptions, type SectionDoc } from '../../docs/.vitepress/search'
import { highlightTerms, normalizeForm, planQuery, siteSearch, type SynonymTable } from '../../docs/.vitepress/search/query'
import { synonymTable } from '../../docs/.vitepress/search/synonyms'
import { GLOSSARY } from '../../docs/.vitepress/data/glossary'

const table: SynonymTable = [
  { link: '/perf#gc', forms: ['垃圾回收', 'garbage collection', 'gc', '垃圾收集'] },
  { link: '/debug#leak', forms: ['内存泄漏', 'memory leak', '内存泄露'] },
  { link: '/perf#table-new', forms: ['表清空', 'table.clear', '清空表', '清空table'] },
  { link: '/caching#top', forms: ['共享字典', 'shared dict', 'ngx.shared.dict', 'ngx.shared'] },
  { link: '/caching#lru', forms: ['lrucache', 'lua-resty-lrucache'] },
  { link: '/flame#what', forms: ['火焰图', 'flame graph'] },
]

const docs: SectionDoc[] = [
  { id: '/perf#gc', title: '避免产生中间数据', titles: ['性能'], text: 'LuaJIT 的垃圾回收是增量式的，GC 的工作量与分配量成正比。' },
  { id: '/perf#other', title: '字符串', titles: ['性能'], text: '拼接字符串会产生垃圾，最终交给 GC。' },
  { id: '/debug#leak', title: '检漏模式', titles: ['调试'], text: '用来发现内存泄漏：RSS 持续上涨。' },
  { id: '/perf#table-new', title: '预分配 table', titles: ['性能'], text: 'table.clear 清掉所有键值，但保留已分配的空间。' },
  { id: '/caching#top', title: '共享字典与 lrucache', titles: [], text: '共享字典放在共享内存里，lrucache 是每个 worker 自己的。两者的区别见下表。' },
  { id: '/caching#get', title: '读取', titles: ['缓存'], text: 'ngx.shared.DICT 的 get 要加锁。' },
  { id: '/flame#what', title: '一张火焰图在画什么', titles: ['火焰图'], text: '火焰图的宽度是样本占比，看顶边。' },
  { id: '/flame#diff', title: '差分', titles: ['火焰图'], text: '差分火焰图用红色和蓝色表示变化。' },
]

const index = new MiniSearch<SectionDoc>({ ...clientLoadOptions(), idField: 'id' })
index.addAll(docs)
const ids = (q: string) => siteSearch(index, table, q).map((r) => r.id)

describe('planning a query', () => {
  const groups = (q: string) => planQuery(q, table).groups.map((g) => g.typed)

  it('normalizes width, case and the space between Chinese and Latin', () => {
    expect(normalizeForm('  清空   Table ')).toBe('清空table')
    expect(normalizeForm('协程 调度')).toBe('协程 调度')
    expect(normalizeForm('ＦＦＩ 调用')).toBe('ffi调用')
  })

  it('finds the longest glossary form and keeps the words between', () => {
    expect(groups('如何清空 table')).toEqual(['清空table'])
    expect(groups('lrucache 和共享字典有什么区别')).toEqual(['lrucache', '共享字典'])
    expect(groups('读懂火焰图')).toEqual(['读懂', '火焰图'])
    expect(planQuery('垃圾收集', table).groups[0]!.forms).toEqual(['垃圾收集', '垃圾回收', 'garbage collection', 'gc'])
  })

  it('drops question words and particles when other words remain', () => {
    expect(groups('火焰图怎么看')).toEqual(['火焰图'])
    expect(groups('为什么会内存泄露呢')).toEqual(['内存泄露'])
    expect(groups('什么是协程')).toEqual(['协程'])
    expect(planQuery('火焰图怎么看', table).dropped).toEqual(['怎么', '看'])
  })

  it('keeps particles inside a word, and a one-character word typed on its own', () => {
    expect(groups('随机的阈值')).toEqual(['随机的阈值'])
    expect(groups('侧 trace')).toEqual(['侧', 'trace'])
  })

  it('searches for the question words themselves when nothing else is left', () => {
    expect(groups('怎么')).toEqual(['怎么'])
  })

  it('does not cut a Latin identifier to find a shorter form', () => {
    expect(groups('ngx.shared.DICT')).toEqual(['ngx.shared.dict'])
    expect(groups('ngx.shared.di')).toEqual(['ngx.shared.di'])
    expect(planQuery('gc64', table).groups[0]!.entry).toBeUndefined()
  })

  it('asks a glossary entry once even if the query names it twice', () => {
    expect(groups('表清空 table.clear')).toEqual(['表清空'])
  })
})

describe('searching', () => {
  it('finds a synonym, a variant and the other language', () => {
    expect(ids('垃圾收集')[0]).toBe('/perf#gc')
    expect(ids('内存泄露')).toEqual(['/debug#leak'])
    expect(ids('表清空')).toEqual(['/perf#table-new'])
    expect(ids('garbage collection')[0]).toBe('/perf#gc')
    expect(ids('shared dict')[0]).toBe('/caching#top')
  })

  it('answers a question with its topic', () => {
    expect(ids('火焰图怎么看')[0]).toBe('/flame#what')
    expect(ids('如何清空 table')).toEqual(['/perf#table-new'])
    expect(ids('lrucache 和共享字典有什么区别')).toEqual(['/caching#top'])
  })

  it('ranks the section the glossary links to above one that only mentions a synonym', () => {
    expect(ids('GC')).toEqual(['/perf#gc', '/perf#other'])
  })

  it('falls back to sections with most of the words, instead of nothing', () => {
    const hits = ids('火焰图 量子纠缠')
    expect(hits.length).toBeGreaterThan(0)
    expect(hits[0]).toBe('/flame#what')
    expect(ids('量子纠缠')).toEqual([])
  })

  it('still needs every bigram of a plain word', () => {
    // /flame#diff has 火焰 and 焰图 but /perf#gc has neither
    expect(ids('检漏模式')).toEqual(['/debug#leak'])
  })
})

describe('a whole line pasted from a log', () => {
  // Two sections share the words; only one heading is the pasted line.
  const logDocs: SectionDoc[] = [
    { id: '/errors#api-disabled', title: 'API disabled in the context of log_by_lua*', titles: ['常见报错'], text: '在 log 阶段调用 ngx.sleep 会失败。' },
    {
      id: '/phases#which',
      title: 'log_by_lua* 里 API disabled 的含义',
      titles: ['阶段'],
      text: 'API disabled in the context of log_by_lua* 这一行说明 API disabled 了；API disabled in the context of 后面跟阶段名。log_by_lua* 里 API disabled。',
    },
  ]
  const logIndex = new MiniSearch<SectionDoc>({ ...clientLoadOptions(), idField: 'id' })
  logIndex.addAll(logDocs)
  const line = 'API disabled in the context of log_by_lua*'

  it('lists the section whose heading is that line first', () => {
    expect(siteSearch(logIndex, [], line)[0]?.id).toBe('/errors#api-disabled')
  })

  it('leaves the ranking to the terms when the words are not the whole heading', () => {
    // Without the phrase, the section that repeats the words most comes first.
    expect(siteSearch(logIndex, [], 'API disabled log_by_lua*')[0]?.id).toBe('/phases#which')
  })
})

describe('highlighting', () => {
  const marks = (q: string, id: string) => {
    const r = siteSearch(index, table, q).find((x) => x.id === id)!
    return highlightTerms(q, r, table).sort()
  }

  it('marks the whole Chinese word, not its bigrams', () => {
    expect(marks('火焰图', '/flame#what')).toEqual(['火焰图'])
    expect(marks('火焰图怎么看', '/flame#what')).toEqual(['火焰图'])
  })

  it('marks the synonym that matched, whole', () => {
    expect(marks('垃圾收集', '/perf#gc')).toEqual(['gc', '垃圾回收'])
    expect(marks('内存泄露', '/debug#leak')).toEqual(['内存泄漏'])
  })

  it('marks Latin terms as the index matched them, prefixes completed', () => {
    expect(marks('ngx.shared.DI', '/caching#get')).toEqual(expect.arrayContaining(['ngx.shared.dict']))
  })

  it('marks the parts of a long word that matched when only part of it did', () => {
    const r = { match: { 共享: ['text'], 享内: ['text'], 内存: ['text'] } }
    expect(highlightTerms('共享内存区', r, table)).toEqual(['共享内存'])
  })

  it('marks nothing of a synonym that matched only in part', () => {
    // No form of the group matched whole: only the stretch of what was typed.
    const r = { match: { 内存: ['text'], 泄漏: ['text'], memory: ['text'] } }
    expect(highlightTerms('内存泄露', r, table)).toEqual(['内存'])
  })

  it('marks no stray single characters or identifier pieces of a synonym', () => {
    const r = { match: { gc64: ['text'], 模式: ['text'], 位: ['text'], lj: ['text'] } }
    const real = synonymTable(GLOSSARY)
    expect(highlightTerms('GC64', r, real).sort()).toEqual(['gc64', 'gc64模式'.slice(4)].sort())
  })
})

describe('the real glossary', () => {
  const real = synonymTable(GLOSSARY)

  it('expands the issue’s examples', () => {
    const forms = (q: string) => planQuery(q, real).groups.flatMap((g) => g.forms)
    expect(forms('内存泄露')).toContain('内存泄漏')
    expect(forms('垃圾收集')).toEqual(expect.arrayContaining(['垃圾回收', 'gc']))
    expect(forms('表清空')).toContain('table.clear')
  })
})
