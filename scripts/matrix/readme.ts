// Reads the "**context:**" line of each API section of lua-nginx-module's
// README.markdown (a `name` + `-----` heading, then the syntax/context lines).
// scripts/matrix/readme-cli.ts writes what it finds for the probed APIs.

/** API heading → its context list as written, e.g. `['rewrite_by_lua*', 'ngx.timer.*']`. */
export function readmeContexts(markdown: string): Map<string, string[]> {
  const lines = markdown.split('\n')
  const out = new Map<string, string[]>()
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^-{3,}\s*$/.test(lines[i + 1]!) || !/^[\w.:]+$/.test(lines[i]!.trim())) continue
    const name = lines[i]!.trim()
    for (let j = i + 2; j < Math.min(lines.length, i + 40); j++) {
      if (/^-{3,}\s*$/.test(lines[j + 1] ?? '')) break
      const m = /^\*\*context:\*\*\s*\*(.*)\*\s*$/.exec(lines[j]!)
      if (m) {
        out.set(name, m[1]!.replaceAll('&#42;', '*').split(',').map((s) => s.trim()).filter(Boolean))
        break
      }
    }
  }
  return out
}
