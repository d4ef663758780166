import DefaultTheme from 'vitepress/theme'
import type { Theme } from 'vitepress'
import type { Component } from 'vue'
import './styles/custom.css'

// Every component in ./components is available in Markdown under its file name,
// so adding a component never means editing this file.
const components = import.meta.glob<{ default: Component }>('./components/*.vue', { eager: true })

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    for (const [path, mod] of Object.entries(components)) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length)
      app.component(name, mod.default)
    }
  },
} satisfies Theme
