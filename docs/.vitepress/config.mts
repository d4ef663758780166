import { fileURLToPath } from 'node:url'
import { defineConfig, type HeadConfig, type MarkdownRenderer } from 'vitepress'
import cjkFriendly from 'markdown-it-cjk-friendly'
import { nav, sidebar } from './sidebar'
import { zhSearchTranslations, zhThemeLabels } from './locale'
import { readSiteEnv } from './site'
import { localSearchMiniSearch, renderForSearch } from './search'
import { fenceLanguagesPlugin } from './plugins/fence-languages'
import { inlineCodeVPrePlugin } from './plugins/inline-code'
import { codeBlockSizePlugin } from './plugins/code-block-size'
import { headingPermalink } from './plugins/heading-permalink'
import { patchTheme } from './plugins/patch-theme'
import { packedFlame } from './plugins/packed-flame'
import { nginxWithLua } from './plugins/nginx-lua-grammar'
import { glossaryPlugin } from './plugins/glossary'
import { siteSearchModule } from './plugins/site-search'
import { bookPlugin } from './plugins/book'
import { bareUrlPlugin } from './plugins/bare-url'

const site = readSiteEnv()
const SITE_TITLE = 'OpenResty/LuaJIT 学习笔记'

export default defineConfig({
  lang: 'zh-CN',
  title: SITE_TITLE,
  description: '用中文系统讲解 LuaJIT、lua-resty-core、FFI、test::nginx、性能分析与缓存的学习笔记，每个结论都对照一手资料核实。',
  base: site.base,
  cleanUrls: true,
  lastUpdated: true,
  // Dead page links fail the build; anchors are checked by test/site/links.test.ts.
  ignoreDeadLinks: false,
  srcExclude: ['README.md'],
  // VueUse's useDark, by default, injects a `*{transition:none}` style every
  // time it applies the colour mode, including twice while the page starts;
  // each forces a style recalculation of the whole page (600 ms on a long
  // chapter at 4× CPU slowdown). The theme disables transitions itself, only
  // when the reader toggles the switch (theme/appearance.ts).
  appearance: { disableTransition: false },
  sitemap: { hostname: `${site.origin}${site.base}` },

  head: [
    ['link', { rel: 'icon', type: 'image/svg+xml', href: `${site.base}favicon.svg` }],
    ['meta', { name: 'theme-color', content: '#1b6b3f' }],
    ['meta', { property: 'og:site_name', content: SITE_TITLE }],
    ['meta', { property: 'og:locale', content: 'zh_CN' }],
  ],

  // Open Graph tags per page, from the page's own title and description.
  transformHead({ pageData, siteData }) {
    const title = pageData.frontmatter.title ?? pageData.title ?? siteData.title
    const description = pageData.frontmatter.description ?? pageData.description ?? siteData.description
    const path = pageData.relativePath.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')
    const head: HeadConfig[] = [
      ['meta', { property: 'og:type', content: 'article' }],
      ['meta', { property: 'og:title', content: title }],
      ['meta', { property: 'og:description', content: description }],
      ['meta', { property: 'og:url', content: `${site.origin}${site.base}${path}` }],
    ]
    return head
  },

  // VitePress leaves #app empty in 404.html and draws the page with JavaScript;
  // readers without JavaScript get the same message from this <noscript>.
  transformHtml(html, _id, { pageData }) {
    if (pageData.relativePath !== '404.md') return
    const nf = zhThemeLabels.notFound!
    const fallback = `<noscript><main class="noscript-404"><p>${nf.code}</p><h1>${nf.title}</h1><p>${nf.quote}</p><p><a href="${site.base}">${nf.linkText}</a></p></main></noscript>`
    return html.replace('<div id="app"></div>', `<div id="app"></div>${fallback}`)
  },

  markdown: {
    languages: nginxWithLua(),
    // The default github-light/-dark comment colours fall below WCAG AA (4.5:1) on VitePress's code background.
    theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    codeCopyButtonTitle: '复制代码',
    anchor: { permalink: headingPermalink },
    container: {
      tipLabel: '提示',
      warningLabel: '注意',
      dangerLabel: '警告',
      infoLabel: '说明',
      detailsLabel: '详细信息',
    },
    config(md) {
      // The plugin's .d.ts names markdown-it's ESM class type, VitePress the
      // @types one; at run time both are the same markdown-it 14 instance.
      md.use(cjkFriendly as unknown as (md: MarkdownRenderer) => void)
      md.use(fenceLanguagesPlugin)
      md.use(inlineCodeVPrePlugin)
      md.use(codeBlockSizePlugin)
      // docs/glossary.md: the entries of data/glossary.ts as Markdown headings.
      md.use(glossaryPlugin)
      // The one-page book (docs/print.md) and the home page's download line.
      md.use(bookPlugin)
      md.use(bareUrlPlugin)
    },
  },

  vite: {
    // siteSearchModule: the search box's query expansion and synonym table (its own lazy chunk).
    plugins: [patchTheme(), packedFlame(), siteSearchModule()],
    // Theme components we replace, the way VitePress documents it: by file name.
    resolve: {
      alias: [
        {
          find: /^.*\/VPDocFooterLastUpdated\.vue$/,
          replacement: fileURLToPath(new URL('./theme/overrides/VPDocFooterLastUpdated.vue', import.meta.url)),
        },
      ],
    },
    // DOCS_HYDRATION_DETAILS=1 makes Vue name the node of a hydration mismatch in production builds.
    define: { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: process.env.DOCS_HYDRATION_DETAILS === '1' },
  },

  themeConfig: {
    ...zhThemeLabels,
    logo: { src: '/logo.svg', alt: '' },
    siteTitle: SITE_TITLE,
    nav,
    sidebar,
    editLink: {
      pattern: `https://github.com/${site.repo}/edit/main/docs/:path`,
      text: '在 GitHub 上编辑此页',
    },
    footer: {
      message: '正文以 CC BY-SA 4.0 发布，示例代码以 MIT 许可发布。',
      copyright: '内容对照 LuaJIT、OpenResty 各仓库的一手资料写成',
    },
    search: {
      provider: 'local',
      options: {
        translations: zhSearchTranslations,
        // CJK-aware tokenizer and ranking; tables indexed. See docs/.vitepress/search/.
        miniSearch: localSearchMiniSearch,
        _render: renderForSearch,
      },
    },
  },
})
