// Components that only draw (comparison tables, benchmark charts and numbers,
// diagrams) need no code in the reader's browser when a page is opened: the
// server rendered them into the HTML. While the page hydrates, a stand-in
// takes their place and keeps the server's DOM as it is (a Vue static node
// adopts whatever nodes it finds), so neither the component nor its data is
// downloaded. Only when a page is drawn in the browser, after client-side
// navigation, is there no HTML to keep: then the real component loads.
import { createStaticVNode, defineAsyncComponent, defineComponent, h, type Component } from 'vue'

/**
 * True while the first page hydrates. A production build hydrates server HTML;
 * the dev server, and the 404 page (its #app is empty), render from scratch
 * and have nothing to adopt.
 */
let hydrating = import.meta.env.PROD && !import.meta.env.SSR && !!document.getElementById('app')?.hasChildNodes()

/** Called once the app has mounted (theme setup's onMounted). */
export function hydrationDone(): void {
  hydrating = false
}

export function staticOnLoad(name: string, real: Component): Component {
  // Each of these components renders exactly one root element on the server
  // (test/site/browser.test.ts checks for hydration mismatches on every page).
  const keep = defineComponent({ name: `${name}FromServer`, render: () => createStaticVNode('', 1) })
  // The real components are async on the server, which opens an async boundary
  // for useId(); an async stand-in keeps the ids of later components equal.
  const kept = defineAsyncComponent(async () => keep)
  return defineComponent({
    name,
    inheritAttrs: false,
    setup(_, { attrs }) {
      const adopt = hydrating
      return () => (adopt ? h(kept) : h(real, attrs))
    },
  })
}
