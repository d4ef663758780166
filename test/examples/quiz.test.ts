// The answer keys of the chapter quizzes are proven, not asserted: every
// "what does this print" snippet and every "does this .t test pass" block runs
// (scripts/examples/quiz.ts), and a wrong key fails with the quiz file and the
// question id. Structure (4-8 questions, one key per single choice, an
// explanation for every option) is checked for every question.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { DOCS } from '../support/paths'
import { quizIdFor, quizProblems, type Quiz } from '../../docs/.vitepress/data/quiz/types'
import { isCI } from '../../scripts/examples/env.ts'
import { describeMissing, findStacks } from '../../scripts/examples/stacks.ts'
import { isRunnable, proveQuestion } from '../../scripts/examples/quiz.ts'

const QUIZ_DIR = path.join(DOCS, '.vitepress/data/quiz')
const files = fs.readdirSync(QUIZ_DIR).filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'index.ts').sort()
const quizzes: { file: string; quiz: Quiz }[] = await Promise.all(
  files.map(async (f) => ({ file: `docs/.vitepress/data/quiz/${f}`, quiz: ((await import(path.join(QUIZ_DIR, f))) as { default: Quiz }).default })),
)

// The proofs run once on each verification stack (scripts/examples/stacks.ts).
const found = findStacks()
const stacks = found.stacks.map((tools) => ({ name: tools.id, tools }))

for (const m of found.missing) {
  const msg = `SKIPPED: quiz answer keys not proven on the ${describeMissing(m)}`
  if (isCI()) {
    test(`quiz proof prerequisites: ${m.id} stack`, () => {
      throw new Error(msg.replace(/^SKIPPED/, 'FAILED (CI=true)'))
    })
  } else {
    console.warn(`\n${'!'.repeat(80)}\n${msg}\n${'!'.repeat(80)}\n`)
  }
}

describe('quiz files are well formed', () => {
  test.each(quizzes.map((q) => [q.file, q] as const))('%s', (file, { quiz }) => {
    expect(quiz.id, `${file}: id must equal the file name`).toBe(path.basename(file, '.ts'))
    expect(quiz.id, `${file}: id must be named after its page ${quiz.page}`).toBe(quizIdFor(quiz.page))
    expect(quizProblems(quiz, file)).toEqual([])
  })
})

for (const { name, tools } of stacks) {
  describe(`answer keys on the ${name} stack`, () => {
    for (const { file, quiz } of quizzes) {
      for (const q of quiz.questions.filter(isRunnable)) {
        const where = `${file}: question "${q.id}"`
        test.concurrent(where, async () => {
          const problems = await proveQuestion(q, tools, where)
          if (problems.length) throw new Error(`${where} (${name} stack): ${problems.join('\n')}`)
        })
      }
    }
  })

  // The proof itself: a question whose key is flipped must be caught.
  describe(`a wrong key fails on the ${name} stack`, () => {
    test('output question with the key on a wrong option', async () => {
      const problems = await proveQuestion(
        {
          id: 'flipped',
          kind: 'output',
          prompt: '',
          link: '/luajit/#top',
          runIn: 'luajit',
          code: 'print(1 + 1)',
          options: [
            { output: '2', why: 'x' },
            { output: '11', correct: true, why: 'x' },
          ],
        },
        tools,
        'flipped',
      )
      expect(problems.join('\n')).toMatch(/the key says B, but the code printed "2", which is option A/)
    })
    test('nginx output question whose snippet errors', async () => {
      const problems = await proveQuestion(
        { id: 'error', kind: 'output', prompt: '', link: '/luajit/#top', runIn: 'nginx', code: 'ngx.say(("a") .. nil)', options: [{ output: 'a', correct: true, why: 'x' }, { error: 'attempt to concatenate', why: 'x' }] },
        tools,
        'error',
      )
      expect(problems.join('\n')).toMatch(/the key says A, but the code failed with:[\s\S]*attempt to concatenate[\s\S]*which is option B/)
    })
    test('test question keyed "passes" that fails', async () => {
      const block = '=== TEST 1: x\n--- config\nlocation = /t { return 200 "a\\n"; }\n--- request\nGET /t\n--- response_body\nb\n'
      const problems = await proveQuestion({ id: 'flipped', kind: 'test', prompt: '', link: '/luajit/#top', block, passes: true, whyPass: 'x', whyFail: 'x' }, tools, 'flipped')
      expect(problems.join('\n')).toMatch(/the key says it passes, but it fails:[\s\S]*response_body/)
    })
    test('test question keyed "fails" whose nginx cannot start is reported as broken, not as a failing test', async () => {
      const block = '=== TEST 1: x\n--- config\nlocation = /t { no_such_directive; }\n--- request\nGET /t\n'
      const problems = await proveQuestion({ id: 'broken', kind: 'test', prompt: '', link: '/luajit/#top', block, passes: false, whyPass: 'x', whyFail: 'x' }, tools, 'broken')
      expect(problems.join('\n')).toMatch(/does not run as a test/)
    })
  })
}
