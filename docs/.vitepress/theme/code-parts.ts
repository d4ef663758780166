// Data text (table cells, quiz questions) marks inline code with `backticks`.
import { h, type FunctionalComponent } from 'vue'

export interface TextPart {
  code: boolean
  text: string
}

/** Splits `a `b` c` into text and code parts. */
export function codeParts(text: string): TextPart[] {
  return text
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((t) => (t.startsWith('`') && t.endsWith('`') ? { code: true, text: t.slice(1, -1) } : { code: false, text: t }))
}

/** `<CodeText :text>`: the text with its `backticks` as <code> (unscoped: style the code from outside). */
export const CodeText: FunctionalComponent<{ text: string }> = (props) => codeParts(props.text).map((p) => (p.code ? h('code', p.text) : p.text))
CodeText.props = ['text']
