// The sample runner itself: fixtures that must pass, and deliberately broken
// samples that must fail with their Markdown file and line.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ROOT } from '../support/paths'
import { extractSamples, type Sample } from '../../scripts/examples/extract.ts'
import { findTools, isCI } from '../../scripts/examples/env.ts'
import { expectedFor, expectedOutput } from '../../scripts/examples/lex.ts'
import net from 'node:net'
import { buildConf, listensOn, makePrefix, NginxStartError, removePrefix, splitServerConfig, startNginx } from '../../scripts/examples/nginx.ts'
import { perlEval, perlRegex } from '../../scripts/examples/perl-eval.ts'
import { runSample, runSampleOnStacks } from '../../scripts/examples/run.ts'
import { describeMissing, findStacks } from '../../scripts/examples/stacks.ts'
import { buildRequest, parseTFile } from '../../scripts/examples/test-nginx.ts'

const FIX = 'test/examples/fixtures'
const load = (name: string) => extractSamples(fs.readFileSync(path.join(ROOT, FIX, name), 'utf8'), `${FIX}/${name}`)
const tools = findTools().tools
const withTools = tools ? test : test.skip

describe('extraction', () => {
  test('good.md has no marker errors and the right kinds', () => {
    const x = load('good.md')
    expect(x.errors).toEqual([])
    expect(x.samples.map((s) => s.kind)).toEqual(['lua-run', 'lua-run', 'nginx-lua', 'nginx-run', 'lua-check', 'nginx-check', 'fragment', 'test-nginx', 'test-nginx'])
    expect(x.samples[3]!.requests).toEqual([{ method: 'GET', path: '/a' }, { method: 'GET', path: '/b' }])
    expect(x.samples[6]!.reason).toBe('uses a variable defined in the text above')
  })

  test('broken.md: unmarked fence and dangling marker are reported with file:line', () => {
    const x = load('broken.md')
    const msgs = x.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)
    expect(msgs).toEqual([
      expect.stringMatching(/^test\/examples\/fixtures\/broken\.md:14: ```lua fence has no sample marker/),
      expect.stringMatching(/^test\/examples\/fixtures\/broken\.md:75: sample marker is not directly followed by a code fence/),
    ])
  })

  test('bad markers', () => {
    const md = '<!-- sample: run GET -->\n```nginx\nx;\n```\n<!-- sample: fragment -->\n```lua\nx\n```\n<!-- sample: run-nginx -->\n```nginx\nx;\n```\n<!-- sample: run -->\n\n```lua\nx\n```\n'
    const x = extractSamples(md, 'm.md')
    expect(x.errors.map((e) => e.line)).toEqual([1, 5, 9, 13, 15])
    expect(x.errors[1]!.message).toMatch(/needs a reason/)
  })
})

describe('expected output', () => {
  test('build labels: a labelled --> line holds for its build only', () => {
    const code = 'print(1) --> 1\nprint(x)\n--> [Debian] nil\n--> [OpenResty] function\nprint("[Other] x") --> [Other] x\n'
    expect(expectedOutput(code).map((e) => [e.text, e.build])).toEqual([['1', undefined], ['nil', 'Debian'], ['function', 'OpenResty'], ['[Other] x', undefined]])
    expect(expectedFor(code, 'Debian')).toEqual(['1', 'nil', '[Other] x'])
    expect(expectedFor(code, 'OpenResty')).toEqual(['1', 'function', '[Other] x'])
  })

  test('"differs" and build labels must go together', () => {
    const md = '<!-- sample: run -->\n```lua\nprint(1)\n--> [Debian] 1\n```\n<!-- sample: run differs -->\n```lua\nprint(1) --> 1\n```\n'
      + '<!-- sample: run GET /t differs -->\n```nginx\nlocation = /t { content_by_lua_block { ngx.say(1) --> [OpenResty] 1\n } }\n```\n<!-- sample: check differs -->\n```lua\nx()\n```\n'
    const x = extractSamples(md, 'm.md')
    expect(x.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      expect.stringMatching(/^1: --> lines name a build .* write <!-- sample: run differs -->/),
      expect.stringMatching(/^6: the marker says "differs" but no --> line names a build/),
      expect.stringMatching(/^15: "check differs": only run samples/),
    ])
    expect(x.samples.map((s) => [s.line, s.kind, s.differs])).toEqual([[11, 'nginx-run', true]])
  })

  test('--> comments outside strings, in order', () => {
    const code = 'print(1) --> 1\nprint("-->") --> -->\nlocal s = [[\n--> not this\n]]\n--[[ --> nor this ]]\nprint() -->\n'
    expect(expectedOutput(code).map((e) => e.text)).toEqual(['1', '-->', ''])
  })

  test('nginx fragments: http-level directives are hoisted', () => {
    const c = splitServerConfig('lua_shared_dict d 1m;\ninit_by_lua_block { local t = { "}" } }\nlocation = /t { content_by_lua_block { ngx.say("{") } }\nenv FOO;\n')
    expect(c.http).toContain('lua_shared_dict d 1m;')
    expect(c.http).toContain('init_by_lua_block { local t = { "}" } }')
    expect(c.server).toBe('location = /t { content_by_lua_block { ngx.say("{") } }')
    expect(c.main).toBe('env FOO;')
  })
})

describe('Test::Nginx subset', () => {
  test('Test::Base trim keeps one final newline; inline values have none', () => {
    const f = parseTFile('run_tests();\n__DATA__\n=== TEST 1: x\n--- request\n\nGET /t\n\n\n--- response_body\nhello\n\n--- error_code: 404\n', 'x.md:1', 1)
    expect(f.problems).toEqual([])
    const b = f.blocks[0]!
    expect(b.sections.get('request')!.value).toBe('GET /t\n')
    expect(b.sections.get('response_body')!.value).toBe('hello\n')
    expect(b.sections.get('error_code')!.value).toBe('404')
  })

  test('eval subset', () => {
    expect(perlEval('"a\\n" . "b" x 3')).toBe('a\nbbb')
    expect(perlEval(`["x", 'y\\n']`)).toEqual(['x', 'y\\n'])
    expect(perlEval('qr/a$/')).toBeInstanceOf(RegExp)
    expect(() => perlEval('"$foo"')).toThrow(/interpolation/)
    expect(() => perlEval('$::HttpConfig')).toThrow(/variables are not supported/)
    // Perl's $ also matches before a final newline
    expect(perlRegex('^ok$', '').test('ok\n')).toBe(true)
    expect(perlRegex('^ok\\z', '').test('ok\n')).toBe(false)
  })

  test('request building', () => {
    expect(buildRequest('POST /t\n  hi  \n', 'X-A: 1')).toBe('POST /t HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-A: 1\r\nContent-Length: 2\r\n\r\nhi')
  })

  test('unsupported preamble and sections are errors', () => {
    const f = parseTFile('our $HttpConfig = qq{x};\nrun_tests();\n__DATA__\n=== T\n--- request\nGET /\n--- user_files\nx\n', 'x.md:1', 1)
    expect(f.problems.join('\n')).toMatch(/preamble statement not supported.*HttpConfig/)
    expect(f.problems.join('\n')).toMatch(/user_files.*not supported/)
  })
})

describe('starting nginx', () => {
  /** A server of this test process on a free port of 127.0.0.1. */
  async function holdPort(): Promise<{ port: number; close: () => Promise<void> }> {
    const srv = net.createServer((sock) => {
      sock.on('error', () => {}) // readiness probes connect and hang up at once
      sock.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nother')
    })
    await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done))
    const port = (srv.address() as net.AddressInfo).port
    return { port, close: () => new Promise<void>((done) => srv.close(() => done())) }
  }

  test('listensOn tells whose socket listens on a port', async () => {
    const held = await holdPort()
    try {
      expect(listensOn(process.pid, held.port)).toBe(true)
      expect(listensOn(process.ppid, held.port)).toBe(false)
    } finally {
      await held.close()
    }
    expect(listensOn(process.pid, held.port)).toBe(false)
  })

  // Two samples running side by side once drew the same port: the nginx that
  // could not bind it was taken for ready, and its request was answered by
  // the other sample's server.
  withTools('an nginx whose port another server holds fails to start, naming the port in use', async () => {
    const held = await holdPort()
    const prefix = makePrefix('port-in-use')
    try {
      const conf = buildConf({ prefix, port: held.port, stack: tools!, server: 'location = /t { return 200 "mine"; }' })
      const started = startNginx(tools!.nginx, prefix, conf, held.port)
      await expect(started).rejects.toThrow(NginxStartError)
      await expect(started).rejects.toThrow(/Address already in use/)
    } finally {
      await held.close()
      removePrefix(prefix)
    }
  }, 30_000)
})

describe('running the fixtures', () => {
  const good = load('good.md').samples
  for (const s of good) {
    withTools(`passes: ${s.file}:${s.line} (${s.kind})`, async () => {
      await runSample(s, tools!)
    })
  }

  const broken = load('broken.md').samples
  const at = (line: number): Sample => {
    const s = broken.find((x) => x.line === line)
    if (!s) throw new Error(`no sample at line ${line}`)
    return s
  }
  const cases: [number, RegExp[]][] = [
    [4, [/line 2: expected "three", got "two"/]],
    [10, [/luajit exited with 1/, /broken\.md:10\(code\):1: unexpected symbol near '='/]],
    [19, [/nginx -t failed/, /unknown directive "no_such_directive"/]],
    [26, [/line 1: expected "expected", got "got"/]],
    [31, [/GET \/t: status 500, expected 200/, /oops/]],
    [40, [/block "TEST 1: wrong body"/, /response_body:\n\s+expected "expected\\n"\n\s+got\s+"actual\\n"/]],
    [57, [/--- user_files .*not supported by the harness/, /--- raw_request .*not supported by the harness/]],
    [80, [/GET \/d: status 500/, /hint: the sample uses ngx\.shared\.stats but declares no `lua_shared_dict stats 1m;`/]],
  ]
  for (const [line, patterns] of cases) {
    withTools(`fails with file and line: ${FIX}/broken.md:${line}`, async () => {
      const err = await runSample(at(line), tools!).then(() => null, (e: Error) => e)
      expect(err, 'the broken sample passed').not.toBeNull()
      expect(err!.message).toMatch(new RegExp(`^test/examples/fixtures/broken\\.md:${line} `))
      for (const p of patterns) expect(err!.message).toMatch(p)
    })
  }
})

// Both builds: declared differences pass, undeclared and stale ones fail with
// file:line and each build's output.
describe('two builds', () => {
  const { stacks, missing } = findStacks()
  const both = stacks.length === 2
  if (!both) {
    const msg = `two-build harness tests not run: ${missing.map(describeMissing).join('; ')}`
    if (isCI()) test('both builds are installed', () => { throw new Error(`FAILED (CI=true): ${msg}`) })
    else console.warn(`\n${'!'.repeat(80)}\nSKIPPED: ${msg}\n${'!'.repeat(80)}\n`)
  }
  const x = load('builds.md')
  test('builds.md has no marker errors', () => expect(x.errors).toEqual([]))
  const at = (n: number): Sample => x.samples[n]!
  const run = (n: number) => runSampleOnStacks(at(n), stacks).then(() => null, (e: Error) => e)
  const withBoth = both ? test : test.skip
  withBoth('declared differences pass (lua and nginx)', async () => {
    const outcomes = await runSampleOnStacks(at(0), stacks)
    expect(outcomes.map((o) => [o.stack.id, o.lines])).toEqual([['debian', ['2', 'nil']], ['openresty', ['2', 'function']]])
    await runSampleOnStacks(at(1), stacks)
  })
  withBoth('an undeclared difference fails with file:line and both outputs', async () => {
    const err = await run(2)
    expect(err!.message).toMatch(new RegExp(`^${FIX}/builds\\.md:${at(2).line} .*the builds differ, and the marker does not declare it`))
    expect(err!.message).toMatch(/Debian \(Debian bookworm[^\n]*\n\s+\| nil\n\s+OpenResty \(OpenResty 构建[^\n]*\n\s+\| function/)
  })
  withBoth('a stale declaration fails', async () => {
    expect((await run(3))!.message).toMatch(/the marker says "differs" but every build now prints the same/)
  })
  withBoth('a wrong line for one build fails naming that build', async () => {
    const err = (await run(4))!.message
    expect(err).toMatch(/\[OpenResty: [^\n]*\]\nline 1: expected "2", got "3"/)
    expect(err).not.toMatch(/\[Debian:/)
  })
  withBoth('code that only one build compiles is an undeclared difference', async () => {
    expect((await run(5))!.message).toMatch(/does not declare it[\s\S]*\| 1[\s\S]*! luajit exited with 1[\s\S]*'<name>' expected near 'goto'/)
  })
})

// Optional cross-check against the real Test::Nginx (Perl): set TEST_NGINX_SRC
// to a checkout of openresty/test-nginx (with lib/ and inc/). Every .t fixture
// with a preamble must pass or fail under `prove` exactly as under our harness.
describe('agrees with the real Test::Nginx', () => {
  const src = process.env.TEST_NGINX_SRC
  const enabled = !!src && !!tools && fs.existsSync(path.join(src, 'lib/Test/Nginx/Socket.pm'))
  // Samples the harness refuses (unsupported sections) are not compared.
  const files = ['good.md', 'broken.md'].flatMap((f) => load(f).samples.filter((s) =>
    s.kind === 'test-nginx' && /__DATA__/.test(s.code) && parseTFile(s.code, '', 1).problems.length === 0))
  for (const s of files) {
    ;(enabled ? test : test.skip)(`${s.file}:${s.line}`, async () => {
      const { spawnSync } = await import('node:child_process')
      const os = await import('node:os')
      const { freePort } = await import('../../scripts/examples/nginx.ts')
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-tnginx-'))
      try {
        fs.mkdirSync(path.join(dir, 't'))
        fs.writeFileSync(path.join(dir, 't/sample.t'), s.code)
        const r = spawnSync('prove', [`-I${src}/lib`, `-I${src}/inc`, 't/sample.t'], {
          cwd: dir, encoding: 'utf8', timeout: 120_000,
          env: {
            ...process.env,
            PATH: `${path.dirname(tools!.nginx)}:${process.env.PATH}`,
            TEST_NGINX_PORT: String(await freePort()),
            TEST_NGINX_LOAD_MODULES: '/usr/lib/nginx/modules/ndk_http_module.so /usr/lib/nginx/modules/ngx_http_lua_module.so',
          },
        })
        const realPass = r.status === 0
        const oursPass = await runSample(s, tools!).then(() => true, () => false)
        expect(oursPass, `prove says ${realPass ? 'pass' : 'fail'}:\n${r.stdout}${r.stderr}`).toBe(realPass)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  }
})
