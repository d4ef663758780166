// The chapter quizzes in the built site: every chapter ends with its quiz,
// every explanation links to a heading that exists, and in Chromium the quiz
// works with the keyboard, remembers answers, resets, reads with JS off, fits
// 375 px and passes axe in light and dark mode once hydrated.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { shownOptions, type Quiz } from '../../docs/.vitepress/data/quiz/types'
import { axe, seriousViolations, WCAG_TAGS } from '../support/axe'
import { browserUnavailable } from '../support/browser'
import { useBuiltSite } from '../support/built-site'
import { DOCS, ROOT, TEST_DIST } from '../support/paths'
import { chapterPages } from '../support/site-pages'
import { extraPages, sourceOf } from '../../docs/.vitepress/sidebar'

const noBrowser = browserUnavailable()
const site = useBuiltSite()
const SHOTS = path.join(ROOT, 'test/.output/screenshots')

const QUIZ_DIR = path.join(DOCS, '.vitepress/data/quiz')
const quizzes: Quiz[] = await Promise.all(
  fs
    .readdirSync(QUIZ_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'index.ts')
    .map(async (f) => ((await import(path.join(QUIZ_DIR, f))) as { default: Quiz }).default),
)

/** Built HTML of a clean URL such as `/luajit/` or `/luajit/ffi`. */
function builtHtml(url: string): string {
  const rel = url.endsWith('/') ? `${url.slice(1)}index.html` : `${url.slice(1)}.html`
  const file = path.join(TEST_DIST, rel)
  if (!fs.existsSync(file)) throw new Error(`no built page for ${url} (${path.relative(ROOT, file)})`)
  return fs.readFileSync(file, 'utf8')
}

// The chapters of the sidebar's parts; the extra pages (glossary, references) are reference material, without a quiz.
const chapters = chapterPages.filter((p) => !extraPages.some((e) => sourceOf(e.link) === p.source))

describe('quizzes in the built pages', () => {
  it.each(chapters.map((p) => [p.path, p] as const))('%s ends with its quiz, server-rendered', (_n, p) => {
    const url = `/${p.path}`
    const quiz = quizzes.find((q) => q.page === url)
    expect(quiz, `no quiz in docs/.vitepress/data/quiz/ has page "${url}"`).toBeDefined()
    const html = builtHtml(url)
    expect(html.match(/data-quiz="/g), `${url} has one quiz`).toHaveLength(1)
    expect(html).toContain(`data-quiz="${quiz!.id}"`)
    expect(html.match(/<fieldset/g)).toHaveLength(quiz!.questions.length)
    expect(html.indexOf('id="quiz"'), 'the 小测验 heading comes before the quiz').toBeLessThan(html.indexOf('data-quiz='))
  })

  it('every option links to a heading that exists in the built site', () => {
    const missing: string[] = []
    for (const quiz of quizzes) {
      for (const q of quiz.questions) {
        for (const o of shownOptions(q)) {
          const [page, anchor] = o.link.split('#') as [string, string]
          let html: string
          try {
            html = builtHtml(page)
          } catch (e) {
            missing.push(`docs/.vitepress/data/quiz/${quiz.id}.ts: question "${q.id}": ${(e as Error).message}`)
            continue
          }
          if (!html.includes(`id="${anchor}"`)) missing.push(`docs/.vitepress/data/quiz/${quiz.id}.ts: question "${q.id}": ${o.link} has no #${anchor}`)
        }
      }
    }
    expect([...new Set(missing)]).toEqual([])
  })
})

const QUIZ_PAGE = 'luajit/nil-values'

/** Opens the quiz page in a reused page (support/page-pool.ts) and runs `fn` on it. */
function onQuiz<T>(opts: { dark?: boolean; width?: number; js?: boolean }, fn: (page: Page) => Promise<T>): Promise<T> {
  return site.withPage(
    async (page) => {
      await page.goto(site.url(QUIZ_PAGE), { waitUntil: 'networkidle' })
      return fn(page)
    },
    { viewport: { width: opts.width ?? 1280, height: 900 }, colorScheme: opts.dark ? 'dark' : 'light', javaScriptEnabled: opts.js ?? true },
  )
}

/** Scrolls the quiz into view and waits until it has hydrated (its buttons exist only then). */
async function reachQuiz(page: Page): Promise<void> {
  await page.locator('.quiz').scrollIntoViewIfNeeded()
  await page.locator('.quiz .quiz-check').first().waitFor()
}

const question = (page: Page, id: string) => page.locator(`.quiz-item[data-question="${id}"]`)

describe.skipIf(noBrowser)('the quiz in Chromium', () => {
  beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }))

  it('loads no quiz code until it scrolls into view', async () => {
    // A new context, not a reused page: what a first visit fetches, with nothing cached by an earlier test.
    const ctx = await site.browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await ctx.newPage()
    await page.goto(site.url(QUIZ_PAGE), { waitUntil: 'networkidle' })
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    try {
      // Opening the page loaded nothing of the quiz (the listener was added after
      // load, so check what the page has already fetched).
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
      expect(loaded.filter((u) => /\/(Quiz|quiz|luajit-nil-values)\.[\w-]+\.js$/.test(u))).toEqual([])
      expect(await page.locator('.quiz .quiz-check').count()).toBe(0)
      await reachQuiz(page)
      expect(scripts.some((u) => /\/Quiz\.[\w-]+\.js$/.test(u)), 'the view is fetched when the quiz is reached').toBe(true)
      expect(scripts.some((u) => /\/luajit-nil-values\.[\w-]+\.js$/.test(u)), 'only this chapter\'s quiz data is fetched').toBe(true)
      expect(scripts.filter((u) => /\/(luajit-ffi|performance-caching)\.[\w-]+\.js$/.test(u))).toEqual([])
    } finally {
      await ctx.close()
    }
  })

  it('is answered with the keyboard, gives feedback, remembers answers across a reload and resets', async () => {
    await onQuiz({}, async (page) => {
      const problems: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error' || /hydration/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`)
      })
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
      await reachQuiz(page)
      // Single choice: focus option A, arrow down to B (the key), Tab to 检查答案, Enter.
      const falsy = question(page, 'falsy')
      await falsy.locator('input').first().focus()
      await page.keyboard.press('ArrowDown')
      expect(await falsy.locator('input').nth(1).isChecked()).toBe(true)
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('检查答案')
      await page.keyboard.press('Enter')
      await expect.poll(() => falsy.locator('.quiz-feedback').innerText()).toContain('回答正确')
      // A wrong answer: option A of the output question.
      const eq = question(page, 'equalities')
      await eq.locator('input').nth(1).focus()
      await page.keyboard.press('Space')
      await eq.locator('.quiz-check').focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => eq.locator('.quiz-feedback').innerText()).toContain('还不对。正确答案是 A')
      // Multiple choice: Space ticks check boxes.
      const multi = question(page, 'is-empty')
      for (const i of [0, 1, 2]) {
        await multi.locator('input').nth(i).focus()
        await page.keyboard.press('Space')
      }
      await multi.locator('.quiz-check').focus()
      await page.keyboard.press('Space')
      await expect.poll(() => multi.locator('.quiz-feedback').innerText()).toContain('回答正确')
      await expect.poll(() => page.locator('.quiz-summary').innerText()).toContain('已作答 3 / 6 题，答对 2 题')
      const stored = await page.evaluate(() => localStorage.getItem('openresty-notes:quiz:luajit-nil-values'))
      expect(JSON.parse(stored!)).toMatchObject({ total: 6, correct: 2, answers: { falsy: [1], equalities: [1], 'is-empty': [0, 1, 2] } })

      await page.reload({ waitUntil: 'networkidle' })
      await reachQuiz(page)
      await expect.poll(() => question(page, 'falsy').locator('input').nth(1).isChecked()).toBe(true)
      expect(await question(page, 'equalities').locator('.quiz-feedback').innerText()).toContain('还不对')
      expect(await page.locator('.quiz-summary').innerText()).toContain('已作答 3 / 6 题')

      await page.locator('.quiz-reset').focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('.quiz-summary').innerText()).toContain('已作答 0 / 6 题')
      expect(await question(page, 'falsy').locator('input:checked').count()).toBe(0)
      expect(await page.locator('.quiz-feedback p').count()).toBe(0)
      expect(await page.evaluate(() => localStorage.getItem('openresty-notes:quiz:luajit-nil-values'))).toBeNull()
      expect(problems, 'hydrating and using the quiz logs no error or hydration mismatch').toEqual([])
    })
  })

  it('with JavaScript off, shows every question with its answer folded in <details>', async () => {
    await onQuiz({ js: false }, async (page) => {
      const details = page.locator('.quiz details.quiz-answer')
      expect(await details.count()).toBe(6)
      expect(await details.first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
      expect(await page.locator('.quiz .quiz-check').count()).toBe(0)
      await details.first().locator('summary').click()
      expect(await details.first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
      expect(await details.first().innerText()).toContain('正确答案：B')
    })
  })

  it('fits a 375 px screen once hydrated and answered', async () => {
    await onQuiz({ width: 375 }, async (page) => {
      await reachQuiz(page)
      const eq = question(page, 'equalities')
      await eq.locator('input').first().check()
      await eq.locator('.quiz-check').click()
      await eq.locator('.quiz-feedback p').waitFor()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `quiz page scrolls sideways at 375 px by ${overflow}px`).toBeLessThanOrEqual(0)
      await page.locator('.quiz').screenshot({ path: path.join(SHOTS, 'quiz-375.png') })
    })
  })

  it.each(['light', 'dark'])('has no serious or critical axe violation when hydrated and answered (%s)', async (theme) => {
    await onQuiz({ dark: theme === 'dark' }, async (page) => {
      await reachQuiz(page)
      for (const [id, option] of [['falsy', 0], ['falsy', 1]] as const) {
        await question(page, id).locator('input').nth(option).check()
        await question(page, id).locator('.quiz-check').click()
      }
      await question(page, 'is-empty').locator('input').first().check()
      await question(page, 'is-empty').locator('.quiz-check').click()
      await question(page, 'falsy').locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true))
      expect(seriousViolations(await axe(page).include('.quiz').withTags(WCAG_TAGS).analyze())).toEqual([])
    })
  })
})

describe.skipIf(noBrowser)('the learning path on the home page', () => {
  it.each([1280, 375])('shows stored quiz progress without moving the layout (%i px)', async (width) => {
    await site.withPage(async (page) => {
      await page.goto(site.url(''), { waitUntil: 'networkidle' })
      await page.evaluate(() =>
        localStorage.setItem('openresty-notes:quiz:luajit-nil-values', JSON.stringify({ answers: { falsy: [1], equalities: [0] }, total: 6, correct: 2 })),
      )
      await page.reload({ waitUntil: 'networkidle' })
      const slot = page.locator('[data-quiz-progress="luajit-nil-values"]')
      const list = page.locator('.learning-path')
      expect(await slot.innerText(), 'the server renders the placeholder').toBe('测验：未作答')
      const before = await list.evaluate((el) => el.getBoundingClientRect().height)
      await slot.scrollIntoViewIfNeeded()
      await expect.poll(() => slot.innerText()).toBe('测验：答对 2 / 6')
      expect(await page.locator('[data-quiz-progress="luajit-ffi"]').innerText()).toBe('测验：未作答')
      expect(await list.evaluate((el) => el.getBoundingClientRect().height), 'filling in the progress moved the layout').toBe(before)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
    }, { viewport: { width, height: 900 } })
  })
})
