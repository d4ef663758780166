import DefaultTheme from 'vitepress/theme'
import type { Theme } from 'vitepress'
import { defineAsyncComponent, type Component } from 'vue'
import { loadBench } from '../data/bench/index'
import { loadTable } from '../data/tables/index'
import { keyedComponent } from './keyed'
import './styles/custom.css'

// Every component in ./components is available in Markdown under its file
// name, so adding a component never means editing this file. Each is an async
// component: its code (and what it imports) is a chunk of its own that only the
// pages using it download. Components fed by keyed data split per key too.
const components = import.meta.glob<{ default: Component }>('./components/*.vue')
const view = (name: string) => components[`./components/${name}.vue`]!

const keyed: Record<string, Component> = {
  CompareTable: keyedComponent({ name: 'CompareTable', key: 'id', dataProp: 'table', load: loadTable, view: view('CompareTable') }),
  BenchChart: keyedComponent({ name: 'BenchChart', key: 'id', dataProp: 'result', load: loadBench, view: view('BenchChart') }),
  BenchRatio: keyedComponent({ name: 'BenchRatio', key: 'id', dataProp: 'result', load: loadBench, view: view('BenchRatio') }),
}

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    // A component that throws while the site is built (an unknown table id,
    // diagram or benchmark) must fail the build, not just log.
    if (import.meta.env.SSR) app.config.throwUnhandledErrorInProduction = true
    for (const [path, load] of Object.entries(components)) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length)
      app.component(name, keyed[name] ?? defineAsyncComponent(load))
    }
  },
} satisfies Theme
