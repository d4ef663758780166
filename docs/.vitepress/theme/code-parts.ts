// Data text (table cells, quiz questions) marks inline code with `backticks`.

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
