// What the API × context matrix probes: the contexts (where Lua code runs) and
// one small Lua statement per API. A probe that throws records the error; a
// probe whose API reports failure by returning `nil, err` passes it to
// `returned(...)` so the cell records that instead. Everything else "works".
//
// The probe bodies run inside `function(P)`, where P holds the server port
// (P.port), a no-op function (P.noop) and `P.returned(ok, err)`.

export const CONTEXTS = [
  { key: 'init', label: 'init_by_lua*' },
  { key: 'init_worker', label: 'init_worker_by_lua*' },
  { key: 'ssl_certificate', label: 'ssl_certificate_by_lua*' },
  { key: 'set', label: 'set_by_lua*' },
  { key: 'rewrite', label: 'rewrite_by_lua*' },
  { key: 'access', label: 'access_by_lua*' },
  { key: 'content', label: 'content_by_lua*' },
  { key: 'balancer', label: 'balancer_by_lua*' },
  { key: 'header_filter', label: 'header_filter_by_lua*' },
  { key: 'body_filter', label: 'body_filter_by_lua*' },
  { key: 'log', label: 'log_by_lua*' },
  { key: 'timer', label: 'ngx.timer.*' },
] as const

export type ContextKey = (typeof CONTEXTS)[number]['key']

export interface Probe {
  /** The API as lua-nginx-module's README names it (its section heading). */
  api: string
  lua: string
}

export const PROBES: readonly Probe[] = [
  { api: 'ngx.log', lua: 'ngx.log(ngx.INFO, "matrix probe")' },
  { api: 'ngx.get_phase', lua: 'local _ = ngx.get_phase()' },
  { api: 'ngx.var.VARIABLE', lua: 'local _ = ngx.var.uri' },
  { api: 'ngx.ctx', lua: 'ngx.ctx.probe = 1' },
  { api: 'ngx.status', lua: 'local _ = ngx.status' },
  { api: 'ngx.header.HEADER', lua: 'ngx.header["X-Probe"] = "1"' },
  { api: 'ngx.req.get_method', lua: 'local _ = ngx.req.get_method()' },
  { api: 'ngx.req.get_uri_args', lua: 'local _ = ngx.req.get_uri_args()' },
  { api: 'ngx.req.get_headers', lua: 'local _ = ngx.req.get_headers()' },
  { api: 'ngx.req.set_header', lua: 'ngx.req.set_header("X-Probe", "1")' },
  { api: 'ngx.req.start_time', lua: 'local _ = ngx.req.start_time()' },
  { api: 'ngx.req.read_body', lua: 'ngx.req.read_body()' },
  { api: 'ngx.req.get_body_data', lua: 'local _ = ngx.req.get_body_data()' },
  { api: 'ngx.req.socket', lua: 'return P.returned(ngx.req.socket())' },
  { api: 'ngx.resp.get_headers', lua: 'local _ = ngx.resp.get_headers()' },
  { api: 'ngx.is_subrequest', lua: 'local _ = ngx.is_subrequest' },
  { api: 'ngx.headers_sent', lua: 'local _ = ngx.headers_sent' },
  { api: 'ngx.send_headers', lua: 'return P.returned(ngx.send_headers())' },
  { api: 'ngx.say', lua: 'return P.returned(ngx.say("probe"))' },
  { api: 'ngx.flush', lua: 'return P.returned(ngx.flush())' },
  { api: 'ngx.eof', lua: 'return P.returned(ngx.eof())' },
  { api: 'ngx.exit', lua: 'ngx.exit(ngx.OK)' },
  { api: 'ngx.exec', lua: 'ngx.exec("/matrix-sub")' },
  { api: 'ngx.redirect', lua: 'ngx.redirect("/matrix-sub")' },
  { api: 'ngx.location.capture', lua: 'local _ = ngx.location.capture("/matrix-sub")' },
  { api: 'ngx.sleep', lua: 'ngx.sleep(0.001)' },
  { api: 'ngx.socket.tcp', lua: 'local _ = ngx.socket.tcp()' },
  {
    api: 'tcpsock:connect',
    lua: 'local s = ngx.socket.tcp(); s:settimeout(1000); local ok, err = s:connect("127.0.0.1", P.port); s:close(); return P.returned(ok, err)',
  },
  { api: 'ngx.socket.udp', lua: 'local _ = ngx.socket.udp()' },
  { api: 'ngx.shared.DICT.set', lua: 'return P.returned(ngx.shared.probe:set("k", 1))' },
  { api: 'ngx.shared.DICT.get', lua: 'local _ = ngx.shared.probe:get("k")' },
  { api: 'ngx.shared.DICT.incr', lua: 'return P.returned(ngx.shared.probe:incr("n", 1, 0))' },
  { api: 'ngx.timer.at', lua: 'return P.returned(ngx.timer.at(0, P.noop))' },
  { api: 'ngx.thread.spawn', lua: 'local _ = ngx.thread.spawn(P.noop)' },
  { api: 'ngx.on_abort', lua: 'return P.returned(ngx.on_abort(P.noop))' },
  { api: 'coroutine.wrap', lua: 'coroutine.wrap(P.noop)()' },
  { api: 'ngx.re.match', lua: 'local _ = ngx.re.match("abc", "b", "jo")' },
  { api: 'ngx.md5', lua: 'local _ = ngx.md5("abc")' },
  { api: 'ngx.encode_base64', lua: 'local _ = ngx.encode_base64("abc")' },
  { api: 'ngx.escape_uri', lua: 'local _ = ngx.escape_uri("a b")' },
  { api: 'ngx.now', lua: 'local _ = ngx.now()' },
  { api: 'ngx.update_time', lua: 'ngx.update_time()' },
  { api: 'ngx.worker.pid', lua: 'local _ = ngx.worker.pid()' },
  { api: 'ngx.worker.id', lua: 'local _ = ngx.worker.id()' },
  { api: 'ngx.arg', lua: 'local _ = ngx.arg[1]' },
]
