// Every label of the default theme in Chinese. The content tests fail when an
// English default string reaches the built HTML, so keep this list complete.
import type { DefaultTheme } from 'vitepress'

export const zhThemeLabels: DefaultTheme.Config = {
  outline: { level: [2, 3], label: '本页目录' },
  docFooter: { prev: '上一页', next: '下一页' },
  lastUpdated: {
    // Formatted by theme/overrides/VPDocFooterLastUpdated.vue (UTC+8), not Intl.
    text: '最后更新于',
  },
  darkModeSwitchLabel: '外观',
  lightModeSwitchTitle: '切换到浅色模式',
  darkModeSwitchTitle: '切换到深色模式',
  sidebarMenuLabel: '菜单',
  returnToTopLabel: '回到顶部',
  langMenuLabel: '切换语言',
  skipToContentLabel: '跳到正文',
  externalLinkIcon: true,
  notFound: {
    code: '404',
    title: '页面不存在',
    quote: '这个地址没有对应的页面。它可能已经改名或移动，可以从首页或左侧目录重新找起。',
    linkLabel: '返回首页',
    linkText: '返回首页',
  },
}

export const zhSearchTranslations = {
  button: { buttonText: '搜索', buttonAriaLabel: '搜索文档' },
  modal: {
    displayDetails: '显示详细列表',
    resetButtonTitle: '清除查询',
    backButtonTitle: '关闭搜索',
    noResultsText: '没有找到相关结果',
    footer: {
      selectText: '选择',
      selectKeyAriaLabel: '回车键',
      navigateText: '切换',
      navigateUpKeyAriaLabel: '上方向键',
      navigateDownKeyAriaLabel: '下方向键',
      closeText: '关闭',
      closeKeyAriaLabel: 'Esc 键',
    },
  },
}

/**
 * Strings the default theme hard-codes in its templates (no config option).
 * `patchTheme()` (plugins/patch-theme.ts) rewrites them in the theme's source; each must match once
 * or the build fails, so a VitePress upgrade that moves them is noticed.
 */
export const hardCodedLabels: { file: string; from: string; to: string }[] = [
  { file: 'VPNavBarHamburger.vue', from: 'aria-label="mobile navigation"', to: 'aria-label="移动端导航"' },
  { file: 'VPSidebarItem.vue', from: 'aria-label="toggle section"', to: 'aria-label="展开或收起本节"' },
  { file: 'VPNavBarExtra.vue', from: 'label="extra navigation"', to: 'label="更多导航"' },
  { file: 'VPNavBarMenu.vue', from: 'Main Navigation', to: '主导航' },
  { file: 'VPSidebar.vue', from: 'Sidebar Navigation', to: '侧边栏导航' },
  { file: 'VPDocFooter.vue', from: '>Pager<', to: '>上一页与下一页<' },
]
