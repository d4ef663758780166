// <Quiz>: server-rendered so that it reads without JavaScript, with native
// form controls, and quiz data checked for shape.
import { describe, expect, it } from 'vitest'
import { createSSRApp, h, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { defineQuiz, quizProblems, shownOptions, type Quiz } from '../../docs/.vitepress/data/quiz/types'
import { loadSfc } from '../support/sfc'

const render = (c: Component, props: Record<string, unknown>) => renderToString(createSSRApp({ render: () => h(c, props) }))

describe('<Quiz> on the server', async () => {
  const Quiz = await loadSfc('docs/.vitepress/theme/components/Quiz.vue', 'quiz-test')
  const quiz = (await import('../../docs/.vitepress/data/quiz/luajit-nil-values')).default
  const html = await render(Quiz, { id: quiz.id, quiz })
  const kinds = new Set(quiz.questions.map((q) => q.kind))

  it('covers every kind in the sample quiz', () => {
    expect([...kinds].sort()).toEqual(['multiple', 'output', 'single', 'test'])
  })

  it('is one fieldset with a legend per question', () => {
    expect(html.match(/<fieldset/g)).toHaveLength(quiz.questions.length)
    expect(html.match(/<legend/g)).toHaveLength(quiz.questions.length)
  })

  it('uses radio buttons for single answers and check boxes for multiple ones, each with a label', () => {
    const inputs = [...html.matchAll(/<input id="([^"]+)" type="(radio|checkbox)"/g)]
    const expected = quiz.questions.flatMap((q) => shownOptions(q).map(() => (q.kind === 'multiple' ? 'checkbox' : 'radio')))
    expect(inputs.map((m) => m[2])).toEqual(expected)
    for (const [, id] of inputs) expect(html).toContain(`<label for="${id}"`)
  })

  it('folds the key and every explanation into a <details> per question, with links to the teaching section', () => {
    expect(html.match(/<details class="quiz-answer"/g)).toHaveLength(quiz.questions.length)
    const first = quiz.questions[0]!
    const key = shownOptions(first).flatMap((o, i) => (o.correct ? ['ABCDEFGH'[i]] : [])).join('、')
    expect(html).toContain(`正确答案：${key}`)
    expect(html).toContain(`href="${first.link}"`)
    const links = html.match(/<a href="\/[^"#]*#[^"]+">复习这一节<\/a>/g) ?? []
    expect(links).toHaveLength(quiz.questions.reduce((n, q) => n + shownOptions(q).length, 0))
  })

  it('shows code of runnable questions, and no buttons or feedback before it runs in a browser', () => {
    expect(html).toContain('class="quiz-code"')
    expect(html).not.toContain('<button')
    expect(html).toContain('共 6 题')
  })
})

describe('quiz data checks', () => {
  const ok = defineQuiz({
    id: 'x',
    page: '/x',
    questions: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      kind: 'single' as const,
      prompt: 'p',
      link: '/x#y' as const,
      options: [
        { text: 'A', correct: true, why: 'w' },
        { text: 'B', why: 'w' },
      ],
    })),
  })

  it('accepts a well-formed quiz', () => {
    expect(quizProblems(ok, 'x.ts')).toEqual([])
  })

  it('names the file and question of each problem', () => {
    const bad: Quiz = {
      ...ok,
      questions: [
        ...ok.questions.slice(0, 3),
        { id: 'a', kind: 'single', prompt: 'p', link: '/x#y', options: [{ text: 'A', correct: true, why: '' }, { text: 'B', correct: true, why: 'w' }] },
      ],
    }
    expect(quizProblems(bad, 'x.ts')).toEqual([
      'x.ts: question "a": id used twice',
      'x.ts: question "a": 2 options marked correct (exactly one expected)',
      'x.ts: question "a": option 1 has no explanation',
    ])
    expect(quizProblems({ ...ok, questions: ok.questions.slice(0, 2) }, 'x.ts')).toEqual(['x.ts: has 2 questions, a chapter\'s quiz has 4 to 8'])
  })

  it('turns a test question into the two answers 会通过 / 不会通过', () => {
    const opts = shownOptions({ id: 't', kind: 'test', prompt: '', link: '/x#y', block: '', passes: false, whyPass: 'p', whyFail: 'f' })
    expect(opts.map((o) => [o.text, o.correct, o.why])).toEqual([
      ['会通过', false, 'p'],
      ['不会通过', true, 'f'],
    ])
  })
})
