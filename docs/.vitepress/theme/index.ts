// Without the bundled Inter web font: Chinese text never used it, and on a
// phone its download, and the re-layout of a long chapter when it swaps in,
// cost more than a system font saves (Lighthouse, /luajit/: 93 -> 95).
import DefaultTheme from 'vitepress/theme-without-fonts'
import type { Theme } from 'vitepress'
import { defineAsyncComponent, defineComponent, h, hydrateOnVisible, onMounted, type Component } from 'vue'
import { provideAppearanceToggle } from './appearance'
import { hydrationDone, staticOnLoad } from './static-on-load'
import { openFoldedForPrint } from './print'
import './styles/custom.css'
import './styles/print.css'

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
const INTERACTIVE_KEYED: Record<string, () => Promise<{ default: Component }>> = {
  Quiz: () => import('./quiz'),
}

/**
 * Hydrates a component when it comes near the viewport, and only then
 * downloads its code. (Vue's lazy hydration alone still fetches an async
 * component's code at once and waits only to hydrate; here the lazily hydrated
 * part is a wrapper that is already loaded, and its child fetches the code when
 * hydration reaches it.)
 */
function hydrateWhenVisible(load: () => Promise<{ default: Component }>): Component {
  const real = defineAsyncComponent(load)
  const wrapper = defineComponent({ inheritAttrs: false, setup: (_, { attrs }) => () => h(real, attrs) })
  return defineAsyncComponent({ loader: async () => wrapper, hydrate: hydrateOnVisible({ rootMargin: '200px' }) })
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
    openFoldedForPrint()
    for (const [path, load] of Object.entries(views)) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length)
      // Interactive components (the flame graph, the quiz, the learning path)
      // load and hydrate when they come near the viewport: their server HTML is
      // already drawn, and code for what the reader has not reached would only
      // lengthen the page's start-up.
      app.component(name, STATIC.includes(name) ? staticOnLoad(name, fromRegistry(name)) : hydrateWhenVisible(INTERACTIVE_KEYED[name] ?? load))
    }
  },
} satisfies Theme
