// Settings of the diagram renderer. Everything here feeds the hash stored in
// docs/image/diagrams.json, so changing a colour or a font marks every diagram
// stale until `npm run diagrams` renders it again.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const IMAGE_DIR = path.join(ROOT, 'docs/image')
export const MANIFEST_NAME = 'diagrams.json'
export const MERMAID_JS = path.join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js')

/** Bump when the post-processing in render.ts changes the SVG it writes. */
export const RENDERER_VERSION = 4

export const MERMAID_VERSION: string = (
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules/mermaid/package.json'), 'utf8')) as { version: string }
).version

/**
 * The font the SVG asks for. The renderer measures with the first family
 * (installed here from fonts-noto-cjk); a reader's browser may pick a later one.
 */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'

/**
 * Stacks used only to check the padding: each diagram is laid out with
 * FONT_STACK, then its text is switched to these and every label must still fit
 * inside its box. DejaVu Sans has much wider Latin glyphs than Noto Sans CJK.
 */
export const FALLBACK_FONT_STACKS = ['"DejaVu Sans", "Noto Sans CJK SC", sans-serif', '"Noto Serif CJK SC", serif']

export type ThemeName = 'light' | 'dark'

/**
 * Colours for Mermaid's `base` theme, close to VitePress' own palette so the
 * diagram sits on the page background of each mode (the SVG has no background).
 */
export const THEMES: Record<ThemeName, Record<string, string>> = {
  light: {
    background: '#ffffff',
    primaryColor: '#e6f4ec',
    primaryBorderColor: '#2f8f5b',
    primaryTextColor: '#213547',
    secondaryColor: '#f1f1f4',
    secondaryBorderColor: '#8e8e96',
    secondaryTextColor: '#213547',
    tertiaryColor: '#fafafc',
    tertiaryBorderColor: '#c2c2c4',
    tertiaryTextColor: '#213547',
    lineColor: '#4b5563',
    textColor: '#213547',
    mainBkg: '#e6f4ec',
    nodeBorder: '#2f8f5b',
    clusterBkg: '#f6f6f7',
    clusterBorder: '#a8a8b3',
    titleColor: '#213547',
    edgeLabelBackground: '#ffffff',
    actorBkg: '#e6f4ec',
    actorBorder: '#2f8f5b',
    actorTextColor: '#213547',
    actorLineColor: '#8e8e96',
    signalColor: '#374151',
    signalTextColor: '#213547',
    labelBoxBkgColor: '#f1f1f4',
    labelBoxBorderColor: '#8e8e96',
    labelTextColor: '#213547',
    loopTextColor: '#213547',
    noteBkgColor: '#fff7e0',
    noteBorderColor: '#c49a2c',
    noteTextColor: '#3c2f00',
    activationBkgColor: '#d7eee1',
    activationBorderColor: '#2f8f5b',
    sequenceNumberColor: '#ffffff',
  },
  dark: {
    background: '#1b1b1f',
    primaryColor: '#1d3a2a',
    primaryBorderColor: '#5fbf8a',
    primaryTextColor: '#dfdfd6',
    secondaryColor: '#2b2b31',
    secondaryBorderColor: '#8e8e96',
    secondaryTextColor: '#dfdfd6',
    tertiaryColor: '#232328',
    tertiaryBorderColor: '#5c5c66',
    tertiaryTextColor: '#dfdfd6',
    lineColor: '#b4b4bc',
    textColor: '#dfdfd6',
    mainBkg: '#1d3a2a',
    nodeBorder: '#5fbf8a',
    clusterBkg: '#202127',
    clusterBorder: '#5c5c66',
    titleColor: '#dfdfd6',
    edgeLabelBackground: '#1b1b1f',
    actorBkg: '#1d3a2a',
    actorBorder: '#5fbf8a',
    actorTextColor: '#dfdfd6',
    actorLineColor: '#8e8e96',
    signalColor: '#c8c8d0',
    signalTextColor: '#dfdfd6',
    labelBoxBkgColor: '#2b2b31',
    labelBoxBorderColor: '#8e8e96',
    labelTextColor: '#dfdfd6',
    loopTextColor: '#dfdfd6',
    noteBkgColor: '#3a3220',
    noteBorderColor: '#c49a2c',
    noteTextColor: '#f0e6c8',
    activationBkgColor: '#2a4a38',
    activationBorderColor: '#5fbf8a',
    sequenceNumberColor: '#1b1b1f',
  },
}

/** The Mermaid configuration for one theme; plain JSON so it can go to the page. */
export function mermaidConfig(theme: ThemeName): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    darkMode: theme === 'dark',
    themeVariables: { ...THEMES[theme], fontFamily: FONT_STACK, fontSize: '15px' },
    fontFamily: FONT_STACK,
    // SVG <text> labels instead of HTML inside <foreignObject>.
    htmlLabels: false,
    // Edge labels get an opaque plate in the page colour so lines do not cross the text.
    themeCSS: '.edgeLabel rect { opacity: 1 !important; }',
    markdownAutoWrap: false,
    // Lines break only where the source has <br/>.
    flowchart: { htmlLabels: false, wrappingWidth: 600, padding: 18, nodeSpacing: 40, rankSpacing: 46, diagramPadding: 12, useMaxWidth: false },
    sequence: {
      useMaxWidth: false,
      boxMargin: 10,
      actorMargin: 30,
      width: 130,
      noteMargin: 12,
      messageMargin: 40,
      actorFontFamily: FONT_STACK,
      noteFontFamily: FONT_STACK,
      messageFontFamily: FONT_STACK,
      wrap: false,
    },
  }
}

/** What the hash covers besides the source text. */
export function rendererSettings(): Record<string, unknown> {
  return {
    renderer: RENDERER_VERSION,
    mermaid: MERMAID_VERSION,
    font: FONT_STACK,
    fallbacks: FALLBACK_FONT_STACKS,
    light: mermaidConfig('light'),
    dark: mermaidConfig('dark'),
  }
}
