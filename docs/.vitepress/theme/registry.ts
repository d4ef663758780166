// The real components, by the name Markdown uses (every file in ./components).
// Each is an async component: its code (and what it imports) is a chunk of
// its own that only the pages using it download. Components fed by keyed data
// split per key too (keyed.ts).
import { defineAsyncComponent, type Component } from 'vue'
import { loadBench } from '../data/bench/index'
import { loadTable } from '../data/tables/index'
import { keyedComponent } from './keyed'
import Quiz from './quiz'

const views = import.meta.glob<{ default: Component }>('./components/*.vue')
const view = (name: string) => views[`./components/${name}.vue`]!

const keyed: Record<string, Component> = {
  CompareTable: keyedComponent({ name: 'CompareTable', key: 'id', dataProp: 'table', load: loadTable, view: view('CompareTable') }),
  BenchChart: keyedComponent({ name: 'BenchChart', key: 'id', dataProp: 'result', load: loadBench, view: view('BenchChart') }),
  BenchRatio: keyedComponent({ name: 'BenchRatio', key: 'id', dataProp: 'result', load: loadBench, view: view('BenchRatio') }),
  Quiz,
}

export const components: Record<string, Component> = Object.fromEntries(
  Object.entries(views).map(([path, load]) => {
    const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length)
    return [name, keyed[name] ?? defineAsyncComponent(load)]
  }),
)
