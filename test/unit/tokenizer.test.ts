// The search tokenizer: what it emits, and that the copy VitePress serializes
// into the browser bundle behaves exactly like the original.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import MiniSearch from 'minisearch'
import { tokenize } from '../../docs/.vitepress/search/tokenize'
import { installAndFallback, withAndFallback } from '../../docs/.vitepress/search/fallback'
import { inlineTables, loadTable, tableText } from '../../docs/.vitepress/search/render'
import type { ComparisonTable } from '../../docs/.vitepress/data/tables/types'
import {
  boostDocument,
  clientLoadOptions,
  fuzzyTerm,
  miniSearchOptions,
  miniSearchSearchOptions,
  prefixTerm,
  type SectionDoc,
} from '../../docs/.vitepress/search'

/** What VitePress does to a function in the site data, and what the browser does back. */
function revive<T extends (...args: never[]) => unknown>(fn: T): T {
  const source = fn.toString()
  // Same rule as VitePress's serializeFunctions(): method shorthand gets `function`.
  return new Function(`return ${source}`)() as T
}

const revived = revive(tokenize)

// Inputs below are deliberately badly typeset (full-width letters, no spaces).
// autocorrect-disable
const SAMPLES = [
  '',
  ' ',
  '，。、；：？！',
  '在共享内存中使用协程，读懂火焰图。',
  'table.new 预分配',
  'FFI 调用',
  '调用 ngx.shared.DICT 的 get_stale，配置 lua_shared_dict cats 10m;',
  '`ffi.gc(p, ffi.C.free)` 注册析构函数',
  'lua-resty-core、lua-resty-mlcache 与 lua-resty-lrucache',
  '--- response_body_like',
  'add_block_preprocessor(sub { ... })',
  'use Test::Nginx::Socket::Lua;',
  '单个 worker 的上限只有 2 GB，不是 2G',
  'ＦＦＩ 全角字母，（全角括号）与１２３',
  '😀协程🎉 与 𠮷野家 👨‍👩‍👧',
  '&lt;script&gt; it&#39;s &amp; &ZeroWidthSpace;',
  'v0.10.16 起，LuaJIT 2.1.0-beta3',
  'Ｌｕａ５.１',
  '乱',
  '乱序 no_shuffle()',
]
// autocorrect-enable

describe('tokenize', () => {
  it('returns nothing for empty input, spaces and punctuation only', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize('   \n\t')).toEqual([])
    expect(tokenize('，。、；：？！“”（）《》')).toEqual([])
    expect(tokenize('... --- ::')).toEqual([])
    // Not a string (MiniSearch stringifies fields, but be safe).
    expect(tokenize(undefined as unknown as string)).toEqual([])
  })

  it('cuts Chinese runs into overlapping bigrams, wherever the word stands', () => {
    expect(tokenize('协程')).toEqual(['协程'])
    expect(tokenize('火焰图')).toEqual(['火焰', '焰图'])
    const sentence = tokenize('在共享内存中使用协程，读懂火焰图。')
    for (const t of ['共享', '享内', '内存', '协程', '火焰', '焰图']) expect(sentence).toContain(t)
    // Full-width punctuation separates runs: no bigram spans "，".
    expect(sentence).not.toContain('程读')
    expect(sentence).toContain('读懂')
  })

  it('keeps a lone Chinese character as a unigram', () => {
    expect(tokenize('乱')).toEqual(['乱'])
    expect(tokenize('FFI 的 C 库')).toEqual(['ffi', '的', 'c', '库'])
  })

  // autocorrect-disable
  it('splits mixed Chinese and Latin text at the script boundary', () => {
    expect(tokenize('table.new 预分配')).toEqual(['table.new', 'table', 'new', '预分', '分配'])
    expect(tokenize('FFI调用')).toEqual(['ffi', '调用'])
    expect(tokenize('用LuaJIT的FFI')).toEqual(['用', 'luajit', '的', 'ffi'])
  })

  // autocorrect-enable
  it('keeps API names whole and also emits their parts', () => {
    expect(tokenize('ngx.shared.DICT')).toEqual(['ngx.shared.dict', 'shared.dict', 'ngx', 'shared', 'dict'])
    expect(tokenize('get_stale')).toEqual(['get_stale', 'get', 'stale'])
    expect(tokenize('ngx.shared.DICT:get_stale')).toEqual([
      'ngx.shared.dict:get_stale', 'shared.dict:get_stale', 'dict:get_stale', 'get_stale',
      'ngx', 'shared', 'dict', 'get', 'stale',
    ])
    expect(tokenize('lua_shared_dict')).toEqual(['lua_shared_dict', 'shared_dict', 'lua', 'shared', 'dict'])
    expect(tokenize('ffi.gc(p, ffi.C.free)')).toEqual(['ffi.gc', 'ffi', 'gc', 'p', 'ffi.c.free', 'c.free', 'ffi', 'free'])
    expect(tokenize('add_block_preprocessor')).toEqual(['add_block_preprocessor', 'block_preprocessor', 'add', 'block', 'preprocessor'])
    expect(tokenize('--- response_body_like')).toEqual(['response_body_like', 'body_like', 'response', 'body', 'like'])
    expect(tokenize('Test::Nginx::Socket')).toEqual(['test::nginx::socket', 'nginx::socket', 'test', 'nginx', 'socket'])
  })

  it('keeps module names with dashes whole and by parts', () => {
    expect(tokenize('lua-resty-core')).toEqual(['lua-resty-core', 'resty-core', 'lua', 'resty', 'core'])
    expect(tokenize('lua-resty-mlcache')).toContain('mlcache')
  })

  it('drops sentence punctuation around identifiers', () => {
    expect(tokenize('用 ffi.gc。')).toEqual(['用', 'ffi.gc', 'ffi', 'gc'])
    expect(tokenize('(ngx.null).')).toEqual(['ngx.null', 'ngx', 'null'])
    expect(tokenize('“cjson.null”')).toEqual(['cjson.null', 'cjson', 'null'])
  })

  it('understands numbers with units', () => {
    expect(tokenize('2 GB')).toEqual(['2', 'gb', '2gb'])
    expect(tokenize('2GB')).toEqual(['2gb', '2', 'gb'])
    expect(tokenize('lua_shared_dict cats 10m;')).toEqual(['lua_shared_dict', 'shared_dict', 'lua', 'shared', 'dict', 'cats', '10m', '10', 'm'])
    // Not a unit: no joined token.
    expect(tokenize('2 worker')).toEqual(['2', 'worker'])
    // Across a Chinese word there is no unit.
    expect(tokenize('2 个 GB')).toEqual(['2', '个', 'gb'])
    expect(tokenize('1.5 ms')).toEqual(['1.5', 'ms', '1.5ms'])
  })

  // autocorrect-disable
  it('folds full-width Latin letters and digits to ASCII and lowercases', () => {
    expect(tokenize('ＦＦＩ')).toEqual(['ffi'])
    expect(tokenize('Ｌｕａ　５')).toEqual(['lua', '5'])
    expect(tokenize('LuaJIT')).toEqual(['luajit'])
  })

  // autocorrect-enable
  it('treats emoji as separators and keeps astral CJK characters whole', () => {
    expect(tokenize('😀协程🎉')).toEqual(['协程'])
    expect(tokenize('👨‍👩‍👧')).toEqual([])
    expect(tokenize('𠮷野家')).toEqual(['𠮷野', '野家'])
    for (const t of tokenize('😀𠮷🎉')) expect(t, 'lone surrogate').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect(tokenize('😀𠮷🎉')).toEqual(['𠮷'])
  })

  it('drops HTML entities VitePress leaves in the indexed text', () => {
    expect(tokenize('&lt;script&gt; it&#39;s &amp; &ZeroWidthSpace;x')).toEqual(['script', 'it', 's', 'x'])
  })

  it('keeps versions whole', () => {
    expect(tokenize('v0.10.16')).toEqual(['v0.10.16', '10.16', 'v0', '10', '16'])
  })
})

describe('per-term prefix and fuzzy matching', () => {
  const flags = (q: string) => {
    const terms = tokenize(q)
    return Object.fromEntries(terms.map((t, i) => [t, [prefixTerm(t, i, terms), fuzzyTerm(t, i, terms)]]))
  }

  it('keeps prefix matching for the identifier being typed and its last piece only', () => {
    expect(flags('lua-resty-ml')).toEqual({
      'lua-resty-ml': [true, false],
      'resty-ml': [true, false],
      lua: [false, false],
      resty: [false, false],
      ml: [true, false],
    })
  })

  it('allows one typo in plain words of five letters or more, never in Chinese', () => {
    expect(fuzzyTerm('coroutine', 0, ['coroutine'])).toBe(1)
    expect(fuzzyTerm('ngx', 0, ['ngx'])).toBe(false)
    expect(fuzzyTerm('协程', 0, ['协程'])).toBe(false)
    expect(fuzzyTerm('get_stale', 0, ['get_stale'])).toBe(false)
  })
})

describe('serialization into the browser bundle', () => {
  it('the revived tokenizer is self-contained and behaves identically', () => {
    expect(typeof revived).toBe('function')
    for (const s of SAMPLES) expect(revived(s), JSON.stringify(s)).toEqual(tokenize(s))
  })

  it('every function in the search options survives toString()', () => {
    const fns: [string, unknown][] = [
      ...Object.entries(miniSearchOptions),
      ...Object.entries(miniSearchSearchOptions),
    ].filter(([, v]) => typeof v === 'function')
    expect(fns.map(([k]) => k).sort()).toEqual(['boostDocument', 'fuzzy', 'prefix', 'tokenize'])
    const boost = revive(boostDocument)
    for (const id of ['/openresty-notes/references', '/luajit/ffi#references', '/luajit/ffi#gc64', '/references#x', '/', '/openresty-notes/glossary#gc64', '/glossary']) {
      expect(boost(id), id).toBe(boostDocument(id))
    }
    const prefix = revive(prefixTerm)
    const fuzzy = revive(fuzzyTerm)
    for (const q of ['lua-resty-ml', 'ngx.shared.DICT get_stale', '协程 cosocket', 'coroutine', 'luajit 解释器', '']) {
      const terms = tokenize(q)
      terms.forEach((t, i) => {
        expect(prefix(t, i, terms), `prefix ${t} in ${q}`).toBe(prefixTerm(t, i, terms))
        expect(fuzzy(t, i, terms), `fuzzy ${t} in ${q}`).toBe(fuzzyTerm(t, i, terms))
      })
    }
  })
})

describe('search semantics on a small index', () => {
  const docs: SectionDoc[] = [
    { id: '/a#coroutine', title: '协程', titles: ['非阻塞模型'], text: 'ngx.thread 基于协程实现，每个请求在自己的协程里运行。' },
    { id: '/b#shm', title: '共享字典', titles: ['缓存'], text: '共享字典放在共享内存里，所有 worker 都能读到。' },
    { id: '/c#flame', title: '火焰图', titles: ['读懂火焰图'], text: '色块越宽，函数占用的 CPU 时间越多。' },
    { id: '/d#mention', title: '其他', titles: ['杂项'], text: '这里顺带提到图形与火焰两个词，以及字典。' },
    { id: '/e#shuffle', title: '乱序执行', titles: ['调试'], text: '默认乱序执行测试块，用 no_shuffle() 关掉。' },
    { id: '/f#both', title: 'FFI', titles: ['LuaJIT'], text: 'FFI 调用 C 函数很快；ngx.shared.DICT 的 get_stale 取过期数据。' },
  ]
  const index = new MiniSearch<SectionDoc>({ ...clientLoadOptions(), idField: 'id' })
  index.addAll(docs)
  const ids = (q: string) => index.search(q).map((r) => r.id)

  it('finds a word in the middle of a sentence', () => {
    expect(ids('协程')[0]).toBe('/a#coroutine')
    expect(ids('共享内存')).toEqual(['/b#shm'])
    expect(ids('乱序')[0]).toBe('/e#shuffle')
  })

  it('needs every bigram of a word: scattered characters do not match', () => {
    // /d has 火焰 and 图形 but not 焰图
    expect(ids('火焰图')).toEqual(['/c#flame'])
  })

  it('finds two words that are not adjacent', () => {
    expect(ids('FFI get_stale')).toEqual(['/f#both'])
    expect(ids('字典 worker')).toEqual(['/b#shm'])
  })

  it('finds API names whole and by their parts', () => {
    expect(ids('ngx.shared.DICT')).toEqual(['/f#both'])
    expect(ids('get_stale')).toEqual(['/f#both'])
    expect(ids('stale')).toEqual(['/f#both'])
    expect(ids('no_shuffle')).toEqual(['/e#shuffle'])
    // A query may start in the middle of an identifier, or stop while typing.
    expect(ids('shared.DICT')).toEqual(['/f#both'])
    expect(ids('ngx.shared.DI')).toEqual(['/f#both'])
  })

  it('ranks the section named after the query first', () => {
    expect(ids('字典')[0]).toBe('/b#shm')
  })

  describe('AND fallback', () => {
    const fallback = withAndFallback(MiniSearch.loadJSON<SectionDoc>(JSON.stringify(index), clientLoadOptions()))
    const fids = (q: string) => fallback.search(q).map((r) => r.id)

    it('changes nothing when AND finds something', () => {
      for (const q of ['协程', '火焰图', 'FFI get_stale', '字典 worker']) expect(fids(q), q).toEqual(ids(q))
    })

    it('falls back to OR across words, each word still whole', () => {
      expect(ids('协程 量子纠缠')).toEqual([])
      expect(fids('协程 量子纠缠')).toEqual(['/a#coroutine'])
      // Only /c has all of 火焰图 (/d has 火焰 and 图形), and a word stays AND
      expect(fids('火焰图 量子')).toEqual(['/c#flame'])
    })

    it('falls back to at least half of the bigrams of one long word', () => {
      // Of the bigrams of 协程调度 only 协程 is anywhere (on /a), 1 of 3 is not enough
      expect(fids('协程调度')).toEqual([])
      // Three of the four bigrams of 共享内存区 are on /b
      expect(ids('共享内存区')).toEqual([])
      expect(fids('共享内存区')).toEqual(['/b#shm'])
    })

    it('still finds nothing for a short word that is nowhere', () => {
      expect(fids('量子')).toEqual([])
    })

    it('installs on the class once', () => {
      class Local extends MiniSearch<SectionDoc> {}
      installAndFallback(Local)
      installAndFallback(Local)
      const local = new Local(clientLoadOptions())
      local.addAll(docs)
      expect(local.search('协程 量子纠缠').map((r) => r.id)).toEqual(['/a#coroutine'])
      // The base class is untouched.
      expect(index.search('协程 量子纠缠')).toEqual([])
    })
  })
})

describe('comparison tables in the index (search renderer)', () => {
  const table: ComparisonTable = {
    id: 'demo',
    caption: '段一览',
    columns: [
      { key: 'name', label: '段' },
      { key: 'what', label: '作用' },
    ],
    rowHeader: 'name',
    rows: [{ name: '`response_body_like`', what: { text: '用正则匹配 <body>', note: '不锚定', mark: 'key' } }],
  }

  it('turns a table into caption and "label：cell" lines', () => {
    expect(tableText(table)).toBe('段一览\n段：response_body_like；作用：用正则匹配 <body>（不锚定）')
  })

  it('puts the table text after the component tag, escaped', async () => {
    const html = '<h2 id="x">x <a class="header-anchor" href="#x">#</a></h2>\n<CompareTable id="demo" />\n<p>后文</p>'
    const out = await inlineTables(html, async (id) => (id === 'demo' ? table : undefined))
    expect(out).toContain('<CompareTable id="demo" /><div>段一览<br>\n段：response_body_like；作用：用正则匹配 &lt;body&gt;（不锚定）</div>')
    expect(out).toContain('<p>后文</p>')
    // Unknown tables stay as they are.
    expect(await inlineTables('<CompareTable id="nope" />', async () => undefined)).toBe('<CompareTable id="nope" />')
  })

  it('loads the real table files (TypeScript) through esbuild', async () => {
    const dir = path.resolve(__dirname, '../../docs/.vitepress/data/tables')
    const ids = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'index.ts').map((f) => f.slice(0, -3))
    for (const id of ids) {
      const loaded = await loadTable(id)
      expect(loaded?.id, `${id}.ts`).toBe(id)
      expect(tableText(loaded!).length).toBeGreaterThan(loaded!.caption.length)
    }
  })
})
