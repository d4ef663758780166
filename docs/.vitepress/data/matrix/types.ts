// The API × context matrix as scripts/matrix/generate.ts records it on one
// stack (`npm run matrix`); one JSON file per stack in this folder.

export interface MatrixCell {
  /**
   * works: the call returned; ended: the call ended the handler (ngx.exit,
   * ngx.exec, ngx.redirect do that on success); returned: it returned
   * `nil, err`; error: it threw; crash: nginx died (a signal).
   */
  result: 'works' | 'ended' | 'returned' | 'error' | 'crash'
  /** The error as thrown or returned, without the `chunk:line:` prefix. */
  message?: string
}

export interface MatrixData {
  stack: {
    id: string
    label: string
    /** nginx -v */
    nginx: string
    /** ngx.config.ngx_lua_version, e.g. 0.10.23 */
    ngxLua: string
    /** resty.core.base.version */
    restyCore: string
  }
  contexts: { key: string; label: string }[]
  /** Row order; names as the README's section headings. */
  apis: string[]
  /** cells[api][context] */
  cells: Record<string, Record<string, MatrixCell>>
}

/** The README's "context:" lines of the probed APIs at one tag (scripts/matrix/readme.ts). */
export interface ReadmeContexts {
  /** e.g. v0.10.28 */
  tag: string
  /** The README at that tag. */
  source: string
  /** api → contexts as written, e.g. `['rewrite_by_lua*', 'ngx.timer.*']` */
  contexts: Record<string, string[]>
}
