// Without the bundled Inter web font: Chinese text never used it, and on a
// phone its download, and the re-layout of a long chapter when it swaps in,
// cost more than a system font saves (Lighthouse, /luajit/: 93 -> 95).
import DefaultTheme from 'vitepress/theme-without-fonts'
import type { Theme } from 'vitepress'
import { defineAsyncComponent, hydrateOnVisible, onMounted, type Component } from 'vue'
import { provideAppearanceToggle } from './appearance'
import { hydrationDone, staticOnLoad } from './static-on-load'
import './styles/custom.css'

// Every component in ./components is available in Markdown under its file
// name, so adding a component never means editing this file.
const views = import.meta.glob<{ default: Component }>('./components/*.vue')

/**
 * Components that only draw. In the browser they cost nothing on page load
 * (static-on-load.ts); the registry, with the loaders of every table and
 * benchmark, is fetched only when client-side navigation must draw one.
 */
const STATIC = ['CompareTable', 'BenchChart', 'BenchRatio', 'Diagram']

const fromRegistry = (name: string): Component => defineAsyncComponent(async () => (await import('./registry')).components[name]!)

/** Interactive components whose view needs keyed data: they load the pair (keyed.ts), not the bare view. */
const INTERACTIVE_KEYED: Record<string, () => Promise<Component>> = {
  Quiz: async () => (await import('./quiz')).default,
}

export default {
  extends: DefaultTheme,
  setup() {
    provideAppearanceToggle()
    onMounted(hydrationDone)
  },
  async enhanceApp({ app }) {
    if (import.meta.env.SSR) {
      // A component that throws while the site is built (an unknown table id,
      // diagram or benchmark) must fail the build, not just log.
      app.config.throwUnhandledErrorInProduction = true
      const { components } = await import('./registry')
      for (const [name, real] of Object.entries(components)) app.component(name, real)
      return
    }
    for (const [path, load] of Object.entries(views)) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length)
      // Interactive components (the flame graph, the quiz) hydrate when they come
      // near the viewport: their server HTML is already drawn, and hydrating what
      // the reader has not reached would only lengthen the page's start-up task.
      app.component(
        name,
        STATIC.includes(name)
          ? staticOnLoad(name, fromRegistry(name))
          : defineAsyncComponent({ loader: INTERACTIVE_KEYED[name] ?? load, hydrate: hydrateOnVisible({ rootMargin: '200px' }) }),
      )
    }
  },
} satisfies Theme
