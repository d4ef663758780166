// The tokenizer of the local search index, used both when VitePress builds the
// index (Node) and when the reader types a query (browser).
//
// VitePress serializes the MiniSearch options into the client bundle with
// `fn.toString()` and revives them with `new Function('return ' + source)()`,
// so this function must be self-contained: no imports, no helpers, no constants
// from outside its own body. test/unit/tokenizer.test.ts checks that the revived
// copy behaves exactly like this one.
//
// What it emits, all lowercased after NFKC normalization (full-width Latin
// letters and digits become ASCII, full-width punctuation becomes a separator):
// - Chinese (and Japanese/Korean) runs: overlapping bigrams, `火焰图` gives
//   `火焰` and `焰图`; a run of one character gives that character. Searching for
//   every bigram of a word with AND is what makes a word match only where it
//   stands, wherever it stands in a sentence.
// - Latin/digit runs joined by `.`, `-`, `:`, `_`: the whole identifier
//   (`ngx.shared.dict`, `lua-resty-core`, `test::nginx`, `get_stale`), its
//   trailing sub-identifiers (`shared.dict`), and each part longer than one
//   character (`ngx`, `shared`, `dict`).
// - Numbers with a unit: `10m` also gives `10` and `m`; `2 GB` also gives `2gb`.
// - HTML entities left in the indexed text (`&lt;`, `&#39;`) are separators.
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  if (typeof text !== 'string' || text === '') return tokens
  const source = text
    .replace(/&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/gi, ' ')
    .normalize('NFKC')
    .toLowerCase()
  const units = ['b', 'k', 'kb', 'kib', 'm', 'mb', 'mib', 'g', 'gb', 'gib', 't', 'tb', 'ms', 'us', 'μs', 'ns', 's', 'min', 'h']
  const run =
    /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+)|((?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}\p{M}_])+(?:[.:-]+(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}\p{M}_])+)*)/gu
  let previousNumber = ''
  let previousEnd = -1
  let match: RegExpExecArray | null
  while ((match = run.exec(source)) !== null) {
    const cjk = match[1]
    if (cjk !== undefined) {
      const chars = Array.from(cjk)
      if (chars.length === 1) tokens.push(chars[0] as string)
      for (let i = 0; i + 1 < chars.length; i++) tokens.push((chars[i] as string) + (chars[i + 1] as string))
      previousNumber = ''
      continue
    }
    const word = match[2] as string
    tokens.push(word)
    const parts = word.split(/[._:-]+/)
    if (parts.length > 1) {
      // Trailing pieces that are identifiers themselves: `shared.dict` and
      // `dict` of `ngx.shared.dict`, so a query need not start at the front.
      const tail = /[._:-]+/g
      let sep: RegExpExecArray | null
      while ((sep = tail.exec(word)) !== null) {
        const rest = word.slice(sep.index + sep[0].length)
        if (/[._:-]/.test(rest)) tokens.push(rest)
      }
      for (const part of parts) if (Array.from(part).length > 1) tokens.push(part)
    }
    const withUnit = /^([0-9]+(?:\.[0-9]+)?)([a-zμ]+)$/.exec(word)
    if (withUnit && units.indexOf(withUnit[2] as string) !== -1) {
      tokens.push(withUnit[1] as string, withUnit[2] as string)
    }
    const gap = source.slice(previousEnd, match.index)
    if (previousNumber !== '' && units.indexOf(word) !== -1 && /^[ \t\u00a0]{1,2}$/.test(gap)) {
      tokens.push(previousNumber + word)
    }
    previousNumber = /^[0-9]+(?:\.[0-9]+)?$/.test(word) ? word : ''
    previousEnd = match.index + word.length
  }
  return tokens
}
