// The entries of the troubleshooting page (docs/ngx-lua/troubleshooting.md).
// Each one's reproduction and fix are docs/ngx-lua/errors/<id>.repro.conf and
// <id>.fix.conf (server-level nginx configuration, shown on the page with
// `<<<`); test/examples/troubleshooting.test.ts runs both and checks that the
// error string appears after the reproduction and not after the fix.

export interface TroubleRequest {
  method: 'GET' | 'POST'
  path: string
  body?: string
  /** How long to wait after the response before reading error.log (default 100 ms). */
  settleMs?: number
}

export interface TroubleEntry {
  /** The heading's anchor on the page, and the file names. */
  id: string
  /** The exact text nginx or LuaJIT prints, as a reader would paste it into a search box. */
  error: string
  request: TroubleRequest
  /** The status the fix answers with (default 200). */
  fixStatus?: number
  /**
   * Stacks (scripts/matrix/stack.ts ids) on which the fix as written does not
   * help, with the reason; the test asserts that it still prints the error
   * there, so the difference stays declared and checked.
   */
  fixFailsOn?: Readonly<Record<string, string>>
}

const GET_T: TroubleRequest = { method: 'GET', path: '/t' }
const POST_FORM: TroubleRequest = { method: 'POST', path: '/t', body: 'name=ann' }
/** 20 KB: more than the 8 KB of client_body_buffer_size in the reproduction. */
const POST_BIG: TroubleRequest = { method: 'POST', path: '/t', body: 'x'.repeat(20 * 1024) }

export const ENTRIES: readonly TroubleEntry[] = [
  { id: 'yield-across-c-call', error: 'attempt to yield across C-call boundary', request: GET_T },
  { id: 'api-disabled', error: 'API disabled in the context of log_by_lua*', request: GET_T },
  { id: 'no-resolver', error: 'no resolver defined to resolve "localhost"', request: GET_T },
  {
    id: 'resty-core', error: "failed to load the 'resty.core' module", request: GET_T,
    fixFailsOn: { 'built-nginx-1.26.3-lua-0.10.28': 'the default path (;;) of this build does not contain the directory of resty/core.lua' },
  },
  { id: 'entry-thread-aborted', error: 'lua entry thread aborted: runtime error', request: GET_T },
  { id: 'index-nil-field', error: "attempt to index field 'arg_name' (a nil value)", request: GET_T },
  { id: 'shdict-no-memory', error: 'no memory', request: GET_T },
  { id: 'too-many-pending-timers', error: 'too many pending timers', request: GET_T },
  { id: 'running-timers', error: 'lua_max_running_timers are not enough', request: GET_T },
  { id: 'unread-data', error: 'unread data in buffer', request: GET_T },
  { id: 'dubious-state', error: 'connection in dubious state', request: GET_T },
  { id: 'read-timed-out', error: 'lua tcp socket read timed out', request: GET_T },
  { id: 'body-not-read', error: 'no request body found; maybe you should turn on lua_need_request_body?', request: POST_FORM },
  { id: 'body-in-file', error: 'a client request body is buffered to a temporary file', request: POST_BIG },
  { id: 'cjson-cannot-serialise', error: 'Cannot serialise function: type not supported', request: GET_T },
  { id: 'bad-argument-say', error: "bad argument #1 to 'say' (non-array table found)", request: GET_T },
  { id: 'code-cache-off', error: 'lua_code_cache is off; this will hurt performance', request: GET_T },
  { id: 'init-worker-error', error: 'init_worker_by_lua error', request: GET_T },
  { id: 'header-after-sent', error: 'attempt to set ngx.header.HEADER after sending out response headers', request: GET_T },
  { id: 'exit-after-sent', error: 'attempt to set status 500 via ngx.exit after sending out the response status 200', request: GET_T, fixStatus: 500 },
  { id: 'connection-refused', error: 'connect() failed (111: Connection refused)', request: GET_T },
]
