// Components whose data is keyed by a prop (<CompareTable id>, <BenchChart id>,
// <BenchRatio id>): one async component per key loads that key's data file
// together with the view, so a page downloads only the data it shows
// (measured by test/site/budget.test.ts). Server rendering awaits the loader,
// so the content is in the static HTML all the same.
import { defineAsyncComponent, defineComponent, h, type Component } from 'vue'

export interface KeyedOptions<T> {
  name: string
  /** The prop that names the data, e.g. `id`. */
  key: string
  /** The prop the view receives the data in, e.g. `table`. */
  dataProp: string
  load: (key: string) => Promise<T>
  view: () => Promise<{ default: Component }>
}

export function keyedComponent<T>({ name, key, dataProp, load, view }: KeyedOptions<T>): Component {
  const byKey = new Map<string, Component>()
  const forKey = (k: string): Component => {
    let component = byKey.get(k)
    if (!component) {
      component = defineAsyncComponent(async () => {
        const [data, mod] = await Promise.all([load(k), view()])
        return defineComponent({
          name: `${name}Loaded`,
          inheritAttrs: false,
          setup: (_, { attrs }) => () => h(mod.default, { ...attrs, [key]: k, [dataProp]: data }),
        })
      })
      byKey.set(k, component)
    }
    return component
  }
  return defineComponent({
    name,
    inheritAttrs: false,
    props: { [key]: { type: String, required: true } },
    setup(props, { attrs }) {
      return () => h(forKey(props[key] as string), attrs)
    },
  })
}
