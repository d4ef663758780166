// The home page's learning path names every chapter once, and each step has
// a quiz whose progress it can show.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { STAGES } from '../../docs/.vitepress/data/learning-path'
import { quizIdFor } from '../../docs/.vitepress/data/quiz/types'
import { parts } from '../../docs/.vitepress/sidebar'
import { DOCS } from '../support/paths'
import { loadSfc } from '../support/sfc'

const steps = STAGES.flatMap((s) => s.steps.map((step) => step.link))
const chapters = parts.flatMap((p) => p.chapters.map((c) => c.link))

describe('learning path', () => {
  it('lists every chapter of the sidebar exactly once', () => {
    expect([...steps].sort()).toEqual([...chapters].sort())
  })

  it('has a quiz for every step', () => {
    for (const link of steps) expect(fs.existsSync(path.join(DOCS, '.vitepress/data/quiz', `${quizIdFor(link)}.ts`)), link).toBe(true)
  })

  it('renders every step with a progress placeholder of its quiz on the server', async () => {
    const LearningPath = await loadSfc('docs/.vitepress/theme/components/LearningPath.vue', 'learning-path-test')
    const html = await renderToString(createSSRApp({ render: () => h(LearningPath) }))
    expect(html.match(/data-quiz-progress="/g)).toHaveLength(chapters.length)
    expect(html).toContain('data-quiz-progress="luajit-index">测验：未作答</span>')
    expect(html).toContain('href="/luajit/non-blocking"')
  })
})
