// axe-core for the site tests. The audits run the axe-core this package pins
// (package.json), not the 4.10 that @axe-core/playwright bundles: 4.14 runs
// the same WCAG rules in half the time on a long chapter, and promotes
// `label-content-name-mismatch` (WCAG 2.5.3) out of the experimental rules.
import AxeBuilder from '@axe-core/playwright'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)

/** The pinned axe-core: its version, and the script injected into each page. */
export const AXE_VERSION = (require('axe-core/package.json') as { version: string }).version
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** WCAG 2.1 level A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

/**
 * An axe run on the page as it is now. Only violations get node details (axe
 * skips building a selector for every node that passes), and the run finishes
 * in the page itself instead of a new blank page (the site has no iframes).
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page, axeSource: AXE_SOURCE }).options({ resultTypes: ['violations'] }).setLegacyMode(true)
}

/** Serious and critical violations, one readable line (and up to three nodes) each; throws if another axe ran. */
export function seriousViolations(result: AxeResults): string[] {
  if (result.testEngine.version !== AXE_VERSION) throw new Error(`axe-core ${result.testEngine.version} ran, not the pinned ${AXE_VERSION}`)
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`)
}
