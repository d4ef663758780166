// The shape of a chapter's quiz. One file per chapter in this folder, named
// after the chapter's URL (`/luajit/ffi` -> luajit-ffi.ts, `/luajit/` ->
// luajit-index.ts), shown by `<Quiz id="luajit-ffi" />` at the end of the page.
// Text fields may hold `backticks`, which become inline code.

/** A section that teaches the point: a clean site URL with its anchor, e.g. `/luajit/ffi#ownership`. */
export type SectionLink = `/${string}#${string}`

export interface Choice {
  text: string
  correct?: boolean
  /** Why this option is right or wrong. */
  why: string
  /** Where the point is taught, when not the question's own link. */
  link?: SectionLink
}

interface Base {
  /** Stable within the file: stored answers and test names use it. */
  id: string
  prompt: string
  /** The section that teaches the question. */
  link: SectionLink
}

/** Single choice (radio buttons) or multiple choice (check boxes). */
export interface ChoiceQuestion extends Base {
  kind: 'single' | 'multiple'
  options: readonly Choice[]
}

/** An option of "what does this print": the exact output, or an error the run stops with. */
export type OutputChoice = (
  | { output: string; error?: never }
  /** The program fails and its error message contains this text. */
  | { error: string; output?: never }
) & { correct?: boolean; why: string; link?: SectionLink }

/**
 * "这段代码输出什么": test/examples/quiz.test.ts runs `code` and checks that
 * the option marked correct is exactly what it prints (and no other option is).
 */
export interface OutputQuestion extends Base {
  kind: 'output'
  /** `luajit`: a plain LuaJIT program; `nginx`: the body of a content_by_lua_block, output is the response body. */
  runIn: 'luajit' | 'nginx'
  code: string
  options: readonly OutputChoice[]
}

/**
 * "这段 .t 测试会通过吗": test/examples/quiz.test.ts runs `block` with the
 * example harness's Test::Nginx runner and checks the result equals `passes`.
 */
export interface TestQuestion extends Base {
  kind: 'test'
  /** A .t file (Perl preamble, `__DATA__`, blocks) or blocks alone (starting with `===`, run with the default preamble). */
  block: string
  passes: boolean
  /** Why it passes (right when `passes`), and why it fails. */
  whyPass: string
  whyFail: string
}

export type Question = ChoiceQuestion | OutputQuestion | TestQuestion
export type QuestionKind = Question['kind']

export interface Quiz {
  /** Equals the file name without `.ts`. */
  id: string
  /** The chapter that ends with this quiz, e.g. `/luajit/ffi` or `/luajit/`. */
  page: string
  questions: readonly Question[]
}

/** Identity function that makes TypeScript check the quiz's shape. */
export function defineQuiz(quiz: Quiz): Quiz {
  return quiz
}

/** How each kind is named to the reader. */
export const KIND_LABEL: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  output: '这段代码输出什么',
  test: '这段 .t 测试会通过吗',
}

/** A question's options as the reader sees them, with the one shape every kind shares. */
export interface ShownOption {
  /** Text, or for an output option the printed lines (shown preformatted). */
  text: string
  pre: boolean
  correct: boolean
  why: string
  link: SectionLink
}

export function shownOptions(q: Question): ShownOption[] {
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return q.options.map((o) => ({ text: o.text, pre: false, correct: !!o.correct, why: o.why, link: o.link ?? q.link }))
    case 'output':
      return q.options.map((o) =>
        o.error !== undefined
          ? { text: `运行时报错：${o.error}`, pre: false, correct: !!o.correct, why: o.why, link: o.link ?? q.link }
          : o.output === ''
            ? { text: '什么也不输出', pre: false, correct: !!o.correct, why: o.why, link: o.link ?? q.link }
            : { text: o.output, pre: true, correct: !!o.correct, why: o.why, link: o.link ?? q.link },
      )
    case 'test':
      return [
        { text: '会通过', pre: false, correct: q.passes, why: q.whyPass, link: q.link },
        { text: '不会通过', pre: false, correct: !q.passes, why: q.whyFail, link: q.link },
      ]
  }
}

/** Problems of a quiz file, each naming the question (an empty list when it is well formed). */
export function quizProblems(quiz: Quiz, file: string): string[] {
  const out: string[] = []
  const at = (q: Question) => `${file}: question "${q.id}"`
  if (quiz.questions.length < 4 || quiz.questions.length > 8) out.push(`${file}: has ${quiz.questions.length} questions, a chapter's quiz has 4 to 8`)
  const seen = new Set<string>()
  for (const q of quiz.questions) {
    if (seen.has(q.id)) out.push(`${at(q)}: id used twice`)
    seen.add(q.id)
    const opts = shownOptions(q)
    const right = opts.filter((o) => o.correct).length
    if (q.kind === 'multiple' ? right < 1 : right !== 1) out.push(`${at(q)}: ${right} options marked correct (${q.kind === 'multiple' ? 'at least one' : 'exactly one'} expected)`)
    if (q.kind !== 'test' && opts.length < 2) out.push(`${at(q)}: fewer than 2 options`)
    for (const [i, o] of opts.entries()) {
      if (!o.text.trim()) out.push(`${at(q)}: option ${i + 1} has no text`)
      if (!o.why.trim()) out.push(`${at(q)}: option ${i + 1} has no explanation`)
    }
  }
  return out
}

/** The quiz id of a chapter URL: `/luajit/ffi` -> `luajit-ffi`, `/luajit/` -> `luajit-index`. */
export function quizIdFor(page: string): string {
  return page.slice(1).replace(/\/$/, '/index').replaceAll('/', '-')
}
