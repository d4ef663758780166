// Rewrites the few English strings the default theme hard-codes in its
// templates. Runs as a Vite transform on the theme's .vue files, so the
// server render and the client agree (no hydration mismatch).
import type { Plugin } from 'vite'
import { hardCodedLabels } from '../locale'

export function localizeTheme(): Plugin {
  return {
    name: 'openresty-notes:localize-theme',
    enforce: 'pre',
    transform(code, id) {
      // Only the whole .vue file; its ?vue&type=… parts are derived from it.
      if (id.includes('?') || !id.includes('/vitepress/dist/client/theme-default/')) return
      const path = id
      let out = code
      for (const label of hardCodedLabels) {
        if (!path.endsWith(`/${label.file}`)) continue
        if (!out.includes(label.from)) {
          this.error(`localize-theme: "${label.from}" is no longer in ${label.file}; update docs/.vitepress/locale.ts`)
        }
        out = out.split(label.from).join(label.to)
      }
      return out === code ? undefined : { code: out, map: null }
    },
  }
}
