// Rewrites a few spots of the default theme's .vue sources: English strings it
// hard-codes (see locale.ts) and accessibility faults axe-core reports. Runs as
// a Vite transform, so the server render and the client agree (no hydration
// mismatch). Each patch must match, or the build fails: a VitePress upgrade
// that moves the code is noticed instead of silently undoing the fix.
import type { Plugin } from 'vite'
import { hardCodedLabels } from '../locale'
import { SITE_SEARCH_MODULE } from './site-search'

export interface ThemePatch {
  /** File name under vitepress/dist/client/ (a theme file's name alone is enough). */
  file: string
  from: string
  to: string
}

/**
 * A collapsible sidebar group without a link is itself a role="button"; its
 * caret is a second, nested button (axe: nested-interactive). Keep the caret
 * interactive only when the group heading is a link, and tell assistive
 * technology whether the group is open.
 */
export const accessibilityPatches: ThemePatch[] = [
  {
    file: 'VPSidebarItem.vue',
    from: ':role="itemRole"',
    to: ':role="itemRole" :aria-expanded="item.items && collapsible ? !collapsed : undefined"',
  },
  {
    file: 'VPSidebarItem.vue',
    from: 'role="button"\n        aria-label="展开或收起本节"',
    to: ':role="item.link ? \'button\' : undefined"\n        :aria-label="item.link ? \'展开或收起本节\' : undefined"\n        :aria-hidden="item.link ? undefined : \'true\'"',
  },
  {
    file: 'VPSidebarItem.vue',
    from: '@keydown.enter="onCaretClick"\n        tabindex="0"',
    to: '@keydown.enter="onCaretClick"\n        :tabindex="item.link ? 0 : undefined"',
  },
  // WCAG 2.5.3 (axe-core 4.14: label-content-name-mismatch): the search
  // button's visible text was 搜索 plus the letter of its shortcut key, which
  // its name 搜索文档 does not contain. The key is a hint, not the label: draw
  // the K from CSS as the theme already draws Ctrl/⌘ (custom.css), and name
  // the shortcut for assistive technology instead.
  {
    file: 'VPNavBarSearchButton.vue',
    from: '<kbd class="DocSearch-Button-Key">K</kbd>',
    to: '<kbd class="DocSearch-Button-Key" data-key="K"></kbd>',
  },
  {
    file: 'VPNavBarSearchButton.vue',
    from: 'class="DocSearch DocSearch-Button" :aria-label',
    to: 'class="DocSearch DocSearch-Button" aria-keyshortcuts="Control+K Meta+K" :aria-label',
  },
]

/**
 * On mount VitePress writes `lang` and `dir` on <html> even when the server
 * already wrote the same values. Chromium treats each write as a change and
 * recomputes the style of every element that a `:lang()`/`:dir()` rule could
 * match, which on a long chapter is most of the page, during hydration.
 */
export const performancePatches: ThemePatch[] = [
  {
    file: 'app/index.js',
    from: 'document.documentElement.lang = lang.value;\n                document.documentElement.dir = dir.value;',
    to:
      'if (document.documentElement.lang !== lang.value) document.documentElement.lang = lang.value;\n' +
      '                if (document.documentElement.dir !== dir.value) document.documentElement.dir = dir.value;',
  },
]

/**
 * The local search box asks the index with the reader's text as it is and
 * highlights every matched index term, which for Chinese is a bigram. Instead
 * it uses the site's search (plugins/site-search.ts): glossary synonyms,
 * question words dropped, ranked partial matches when nothing has every word,
 * and whole words to highlight.
 */
export const searchPatches: ThemePatch[] = [
  {
    file: 'VPLocalSearchBox.vue',
    from: "import MiniSearch, { type SearchResult } from 'minisearch'",
    to: `import MiniSearch, { type SearchResult } from 'minisearch'\nimport { search as siteSearch, highlight as siteHighlight, stubComponents as siteStubComponents } from '${SITE_SEARCH_MODULE}'`,
  },
  {
    // The excerpts' own app: stand-ins for the theme's components (see plugins/site-search.ts).
    file: 'VPLocalSearchBox.vue',
    from: 'const app = createApp(comp)\n',
    to: 'const app = createApp(comp)\n        siteStubComponents(app)\n',
  },
  {
    file: 'VPLocalSearchBox.vue',
    from: 'results.value = index\n      .search(filterTextValue)\n',
    to: 'results.value = siteSearch(index, filterTextValue)\n',
  },
  {
    file: 'VPLocalSearchBox.vue',
    from: 'for (const term in r.match) {\n        terms.add(term)\n      }',
    to: 'for (const term of siteHighlight(filterTextValue, r)) {\n        terms.add(term)\n      }',
  },
]

/** Applies the patches in order; labels first, since the a11y patches see the translated text. */
export const themePatches: ThemePatch[] = [...hardCodedLabels, ...accessibilityPatches, ...performancePatches, ...searchPatches]

export function patchTheme(patches: ThemePatch[] = themePatches): Plugin {
  return {
    name: 'openresty-notes:patch-theme',
    enforce: 'pre',
    transform(code, id) {
      // Only the whole .vue file; its ?vue&type=… parts are derived from it.
      if (id.includes('?') || !id.includes('/vitepress/dist/client/')) return
      let out = code
      for (const patch of patches) {
        if (!id.endsWith(`/${patch.file}`)) continue
        if (!out.includes(patch.from)) {
          this.error(`patch-theme: ${JSON.stringify(patch.from)} is no longer in ${patch.file}; update docs/.vitepress/plugins/patch-theme.ts or locale.ts`)
        }
        out = out.split(patch.from).join(patch.to)
      }
      return out === code ? undefined : { code: out, map: null }
    },
  }
}
