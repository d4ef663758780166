// The dark-mode switch, without colour transitions. VitePress's theme
// animates colours (`transition: background-color 0.5s` and the like), and
// VueUse only suppresses that by default at a cost paid on every page load
// (see `appearance` in config.mts). Here it is paid only on a click.
import { useData } from 'vitepress'
import { nextTick, provide } from 'vue'

const NO_TRANSITION = '*,*::before,*::after{transition:none!important}'

export function provideAppearanceToggle(): void {
  const { isDark } = useData()
  // VPSwitchAppearance injects this key and calls it on click.
  provide('toggle-appearance', async () => {
    const style = document.createElement('style')
    style.textContent = NO_TRANSITION
    document.head.appendChild(style)
    isDark.value = !isDark.value
    // useDark writes the `dark` class in a post-flush watcher: after this
    // tick the new colours apply; computing a style commits them before the
    // transitions come back.
    await nextTick()
    void window.getComputedStyle(document.body).opacity
    style.remove()
  })
}
