// node (Node.js 22): a small, honest subset.
//   node -v / --version         the version the image's headers declare
//   node -e / -p '<code>'       console.log of simple expressions: string,
//                               number and template literals, + - * / % ||,
//                               const/let, process.version/platform/arch/env
//   node app.js                 a script of such statements, or the Express
//                               hello-world: app.get(path, (req, res) =>
//                               res.send(...)) routes and app.listen(port,
//                               callback), served with Express 5's headers
//   require('x')                resolved through node_modules up from the
//                               script; a missing one fails with node's
//                               MODULE_NOT_FOUND error (internal frames as of
//                               22.x, their line numbers approximate)
//   npm-cli.js / npx-cli.js     npm itself (packages/npm.ts), as the image's
//                               npm and npx links lead node to them
// Anything else says it is beyond the simulator.
import type { ProcessContext, Program } from '../../process.ts';
import { npmProgram, npxProgram } from '../packages/npm.ts';
import { realPath } from '../../resolve.ts';
import { readAll } from '../../sh/io.ts';
import { byteLength, httpDate, httpResponse, parseRequest, readText } from './common.ts';

const FALLBACK = '22.18.0';

function nodeVersion(ctx: ProcessContext): string {
  const h = readText(ctx.fs, '/usr/local/include/node/node_version.h');
  const part = (k: string) => h && new RegExp(`#define NODE_${k}_VERSION (\\d+)`).exec(h)?.[1];
  if (part('MAJOR') && part('MINOR') && part('PATCH')) return `${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
  const env = ctx.env.get('NODE_VERSION');
  return env && /^\d+\.\d+\.\d+$/.test(env) ? env : FALLBACK;
}

const BUILTINS = new Set(['assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'querystring', 'readline', 'stream', 'string_decoder', 'timers', 'tls', 'url', 'util', 'zlib']);

class Unsupported extends Error {}

// ---------------------------------------------------------------- expressions

type JsValue = string | number | boolean | undefined | null;

/** A tiny expression evaluator: literals, names, process.*, + - * / %, ||, parentheses. */
class Expr {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly vars: Map<string, JsValue>,
    private readonly ctx: ProcessContext,
    private readonly version: string,
  ) {}

  static evaluate(src: string, vars: Map<string, JsValue>, ctx: ProcessContext, version: string): JsValue {
    const e = new Expr(src.trim(), vars, ctx, version);
    const v = e.or();
    e.ws();
    if (e.i < e.src.length) throw new Unsupported(src);
    return v;
  }

  private ws(): void {
    while (/\s/.test(this.src[this.i] ?? '')) this.i++;
  }

  private or(): JsValue {
    let v = this.sum();
    for (this.ws(); this.src.startsWith('||', this.i); this.ws()) {
      this.i += 2;
      const r = this.sum();
      v = v || r;
    }
    return v;
  }

  private sum(): JsValue {
    let v = this.product();
    for (this.ws(); /[+-]/.test(this.src[this.i] ?? ''); this.ws()) {
      const op = this.src[this.i++];
      const r = this.product();
      if (op === '+') v = typeof v === 'string' || typeof r === 'string' ? show(v) + show(r) : Number(v) + Number(r);
      else v = Number(v) - Number(r);
    }
    return v;
  }

  private product(): JsValue {
    let v = this.atom();
    for (this.ws(); /[*/%]/.test(this.src[this.i] ?? ''); this.ws()) {
      const op = this.src[this.i++];
      const r = Number(this.atom());
      v = op === '*' ? Number(v) * r : op === '/' ? Number(v) / r : Number(v) % r;
    }
    return v;
  }

  private atom(): JsValue {
    this.ws();
    const rest = this.src.slice(this.i);
    const c = rest[0];
    if (c === '(') {
      this.i++;
      const v = this.or();
      this.ws();
      if (this.src[this.i++] !== ')') throw new Unsupported(this.src);
      return v;
    }
    if (c === '-') {
      this.i++;
      return -Number(this.atom());
    }
    if (c === '"' || c === "'") {
      const m = new RegExp(`^${c}((?:[^${c}\\\\]|\\\\.)*)${c}`).exec(rest);
      if (!m) throw new Unsupported(rest);
      this.i += m[0].length;
      return m[1]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1');
    }
    if (c === '`') {
      const m = /^`([^`]*)`/.exec(rest);
      if (!m) throw new Unsupported(rest);
      this.i += m[0].length;
      return m[1]!.replace(/\$\{([^}]*)\}/g, (_, e: string) => show(Expr.evaluate(e, this.vars, this.ctx, this.version)));
    }
    const num = /^\d+(\.\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const name = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*/.exec(rest);
    if (name) {
      this.i += name[0].length;
      return this.lookup(name[0]);
    }
    throw new Unsupported(rest);
  }

  private lookup(name: string): JsValue {
    const env = /^process\.env\.(\w+)$/.exec(name);
    if (env) return this.ctx.env.get(env[1]!);
    switch (name) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      case 'undefined':
        return undefined;
      case 'process.version':
        return `v${this.version}`;
      case 'process.versions.node':
        return this.version;
      case 'process.platform':
        return 'linux';
      case 'process.arch':
        return 'x64';
      case 'process.pid':
        return this.ctx.pid;
    }
    if (this.vars.has(name)) return this.vars.get(name);
    throw new Unsupported(name);
  }
}

function show(v: JsValue): string {
  return v === undefined ? 'undefined' : v === null ? 'null' : String(v);
}

/** console.log's rendering of its arguments: strings bare, numbers in yellow on a terminal. */
function logLine(values: JsValue[]): string {
  return values.map(show).join(' ') + '\n';
}

/**
 * Splits at the separator characters that stand outside strings and
 * brackets; `// comments` are dropped when asked. Pieces come untrimmed,
 * empty ones included.
 */
function splitTopLevel(src: string, separators: string, dropComments: boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let q: string | null = null;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (q) {
      if (c === '\\') cur += c + (src[++i] ?? '');
      else {
        if (c === q) q = null;
        cur += c;
      }
      continue;
    }
    if (dropComments && c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      i--;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') q = c;
    if (c === '(' || c === '{' || c === '[') depth++;
    if (c === ')' || c === '}' || c === ']') depth--;
    if (depth === 0 && separators.includes(c)) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Splits at top-level commas (arguments of a call); a trailing empty argument is none. */
function splitArgs(src: string): string[] {
  const out = splitTopLevel(src, ',', false);
  if (!out.at(-1)!.trim()) out.pop();
  return out;
}

/** Statements split at semicolons and newlines outside strings and brackets; // comments dropped. */
function statements(src: string): string[] {
  return splitTopLevel(src, ';\n', true)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Runs console.log calls and const/let/var bindings of simple expressions. */
function runSimple(ctx: ProcessContext, version: string, src: string, vars = new Map<string, JsValue>()): void {
  for (const s of statements(src)) {
    if (/^['"]use strict['"]$/.test(s)) continue;
    const log = /^console\.(log|error|info|warn)\(([\s\S]*)\)$/.exec(s);
    if (log) {
      const line = logLine(splitArgs(log[2]!).map((a) => Expr.evaluate(a, vars, ctx, version)));
      (log[1] === 'error' || log[1] === 'warn' ? ctx.stderr : ctx.stdout).write(line);
      continue;
    }
    const bind = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([\s\S]+)$/.exec(s);
    if (bind) {
      vars.set(bind[1]!, Expr.evaluate(bind[2]!, vars, ctx, version));
      continue;
    }
    throw new Unsupported(s);
  }
}

// ---------------------------------------------------------------- modules

/** Where require(name) finds a package: node_modules/<name> in the script's directory and each parent. */
function findModule(ctx: ProcessContext, fromDir: string, name: string): boolean {
  const parts = fromDir.split('/').filter(Boolean);
  for (let n = parts.length; n >= 0; n--) {
    const base = '/' + parts.slice(0, n).join('/');
    if (parts[n - 1] === 'node_modules') continue;
    if (readText(ctx.fs, `${base === '/' ? '' : base}/node_modules/${name}/package.json`) !== null) return true;
  }
  return false;
}

function moduleNotFound(version: string, name: string, script: string, line: number, column: number): string {
  return [
    'node:internal/modules/cjs/loader:1368',
    '  throw err;',
    '  ^',
    '',
    `Error: Cannot find module '${name}'`,
    'Require stack:',
    `- ${script}`,
    '    at Function._resolveFilename (node:internal/modules/cjs/loader:1365:15)',
    '    at defaultResolveImpl (node:internal/modules/cjs/loader:1021:19)',
    '    at resolveForCJSWithHooks (node:internal/modules/cjs/loader:1026:22)',
    '    at Function._load (node:internal/modules/cjs/loader:1175:37)',
    '    at TracingChannel.traceSync (node:diagnostics_channel:322:14)',
    '    at wrapModuleLoad (node:internal/modules/cjs/loader:235:24)',
    '    at Module.require (node:internal/modules/cjs/loader:1445:12)',
    '    at require (node:internal/modules/helpers:135:16)',
    `    at Object.<anonymous> (${script}:${line}:${column})`,
    '    at Module._compile (node:internal/modules/cjs/loader:1688:14) {',
    "  code: 'MODULE_NOT_FOUND',",
    `  requireStack: [ '${script}' ]`,
    '}',
    '',
    `Node.js v${version}`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- express

interface Route {
  method: string;
  path: string;
  status: number;
  type: 'html' | 'json';
  body: string;
}

interface ExpressApp {
  routes: Route[];
  port: number;
  onListen: string;
}

/** The Express hello-world shape; null when the script is not an Express app. */
function parseExpress(ctx: ProcessContext, version: string, src: string, vars: Map<string, JsValue>): ExpressApp | null {
  const appVar = /(?:const|let|var)\s+(\w+)\s*=\s*express\(\)/.exec(src)?.[1];
  if (!appVar) return null;
  const routes: Route[] = [];
  const routeRe = new RegExp(`${appVar}\\.(get|post|put|delete)\\(\\s*(['"\`][^'"\`]*['"\`])\\s*,\\s*(?:async\\s*)?(?:function\\s*)?\\(?\\s*(\\w+)\\s*,\\s*(\\w+)\\s*\\)?\\s*(?:=>)?\\s*\\{?\\s*\\4(?:\\.status\\((\\d+)\\))?\\.(send|json)\\(([\\s\\S]*?)\\)\\s*;?\\s*\\}?\\s*\\)`, 'g');
  for (const m of src.matchAll(routeRe)) {
    const path = String(Expr.evaluate(m[2]!, vars, ctx, version));
    const arg = m[7]!.trim();
    if (m[6] === 'json') {
      let body: unknown;
      try {
        body = JSON.parse(arg.replace(/([{,]\s*)([A-Za-z_]\w*)\s*:/g, '$1"$2":').replace(/'/g, '"'));
      } catch {
        throw new Unsupported(arg);
      }
      routes.push({ method: m[1]!.toUpperCase(), path, status: Number(m[5] ?? 200), type: 'json', body: JSON.stringify(body) });
    } else routes.push({ method: m[1]!.toUpperCase(), path, status: Number(m[5] ?? 200), type: 'html', body: show(Expr.evaluate(arg, vars, ctx, version)) });
  }
  const listen = new RegExp(`${appVar}\\.listen\\(\\s*([^,)]+?)\\s*(?:,\\s*(?:\\(\\s*\\)\\s*=>|function\\s*\\(\\s*\\))\\s*\\{?([\\s\\S]*?)\\}?\\s*)?\\)\\s*;?\\s*$`).exec(src.trim());
  if (!listen) return { routes, port: 0, onListen: '' };
  const port = Number(Expr.evaluate(listen[1]!, vars, ctx, version));
  return { routes, port, onListen: listen[2] ?? '' };
}

/** The statements before the app's routes: requires dropped, const bindings kept (const port = 3000). */
function preamble(src: string, appVar: string): string {
  return statements(src)
    .filter((s) => !/require\(/.test(s) && !s.startsWith(`${appVar}.`) && !/=\s*express\(\)/.test(s))
    .join('\n');
}

async function serveExpress(app: ExpressApp, now: number, text: string): Promise<string> {
  const req = parseRequest(text);
  const date = httpDate(now);
  const tail: [string, string][] = [['Date', date], ['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5']];
  const method = req?.method === 'HEAD' ? 'GET' : req?.method;
  const route = req && app.routes.find((r) => r.method === method && r.path === req.path);
  if (!req || !route) {
    const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${req?.method ?? 'GET'} ${req?.path ?? '/'}</pre>\n</body>\n</html>\n`;
    return httpResponse(404, [['X-Powered-By', 'Express'], ['Content-Security-Policy', "default-src 'none'"], ['X-Content-Type-Options', 'nosniff'], ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(byteLength(body))], ...tail], body, req?.method === 'HEAD');
  }
  const type = route.type === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  const len = byteLength(route.body);
  return httpResponse(route.status, [['X-Powered-By', 'Express'], ['Content-Type', type], ['Content-Length', String(len)], ['ETag', `W/"${len.toString(16)}-${sha1Base64(route.body).slice(0, 27)}"`], ...tail], route.body, req.method === 'HEAD');
}

/** SHA-1 of a text's UTF-8 bytes in base64 (Express's weak ETag: etag's entity tag). */
export function sha1Base64(text: string): string {
  const msg = new TextEncoder().encode(text);
  const len = msg.length;
  const padded = new Uint8Array(((len + 9 + 63) >> 6) << 6);
  padded.set(msg);
  padded[len] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, len * 8);
  view.setUint32(padded.length - 8, Math.floor(len / 0x20000000));
  let [a, b, c, d, e] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(off + t * 4);
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
    let [A, B, C, D, E] = [a, b, c, d, e];
    for (let t = 0; t < 80; t++) {
      const [f, k] = t < 20 ? [(B & C) | (~B & D), 0x5a827999] : t < 40 ? [B ^ C ^ D, 0x6ed9eba1] : t < 60 ? [(B & C) | (B & D) | (C & D), 0x8f1bbcdc] : [B ^ C ^ D, 0xca62c1d6];
      const tmp = (rotl(A, 5) + f + E + k + w[t]!) | 0;
      [E, D, C, B, A] = [D, C, rotl(B, 30), A, tmp];
    }
    [a, b, c, d, e] = [(a + A) | 0, (b + B) | 0, (c + C) | 0, (d + D) | 0, (e + E) | 0];
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  [a, b, c, d, e].forEach((x, i) => ov.setUint32(i * 4, x >>> 0));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let s = '';
  for (let i = 0; i < out.length; i += 3) {
    const n = (out[i]! << 16) | ((out[i + 1] ?? 0) << 8) | (out[i + 2] ?? 0);
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < out.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < out.length ? B64[n & 63]! : '=');
  }
  return s;
}

// ---------------------------------------------------------------- the program

function beyond(ctx: ProcessContext, what: string): number {
  ctx.stderr.write(`Berth: this JavaScript is beyond the simulator (it runs console.log of simple expressions and the Express hello-world): ${what.split('\n')[0]}\n`);
  return 1;
}

async function runScriptFile(ctx: ProcessContext, version: string, file: string): Promise<number> {
  const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`.replace(/\/\.\//g, '/');
  const src = readText(ctx.fs, path) ?? readText(ctx.fs, `${path}.js`);
  if (src === null) {
    ctx.stderr.write(moduleNotFound(version, path, path, 0, 0).replace(/Require stack:\n- .*\n/, '').replace(/ {4}at Object\.<anonymous>.*\n/, '').replace(`  requireStack: [ '${path}' ]\n`, '  requireStack: []\n'));
    return 1;
  }
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  const lines = src.split('\n');
  for (let n = 0; n < lines.length; n++) {
    for (const m of lines[n]!.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const name = m[1]!;
      if (name.startsWith('node:') || BUILTINS.has(name) || name.startsWith('.') || name.startsWith('/')) continue;
      if (!findModule(ctx, dir, name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!)) {
        ctx.stderr.write(moduleNotFound(version, name, path, n + 1, m.index! + 1));
        return 1;
      }
    }
  }
  try {
    const appVar = /(?:const|let|var)\s+(\w+)\s*=\s*express\(\)/.exec(src)?.[1];
    if (appVar) {
      const vars = new Map<string, JsValue>();
      runSimple(ctx, version, preamble(src, appVar), vars);
      const app = parseExpress(ctx, version, src, vars)!;
      if (!app.port) return 0;
      const close = ctx.listen(app.port, 'tcp', (text) => serveExpress(app, ctx.now(), text));
      if (!close) {
        ctx.stderr.write(`node:events:502\n      throw er; // Unhandled 'error' event\n      ^\n\nError: listen EADDRINUSE: address already in use :::${app.port}\n\nNode.js v${version}\n`);
        return 1;
      }
      runSimple(ctx, version, app.onListen, vars);
      // node installs no signal handlers: as PID 1 it ignores SIGTERM and SIGINT (docker stop waits, then kills)
      await new Promise<never>(() => {});
    }
    runSimple(ctx, version, src);
    return 0;
  } catch (e) {
    if (e instanceof Unsupported) return beyond(ctx, e.message);
    throw e;
  }
}

export const node: Program = async (ctx) => {
  const version = nodeVersion(ctx);
  const args = ctx.argv.slice(1);
  const a = args[0];
  if (a === '-v' || a === '--version') {
    ctx.stdout.write(`v${version}\n`);
    return 0;
  }
  if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
    const code = args[1];
    if (code === undefined) {
      ctx.stderr.write(`${ctx.argv[0] ?? 'node'}: ${a} requires an argument\n`);
      return 9;
    }
    try {
      if (a === '-p' || a === '--print') ctx.stdout.write(logLine([Expr.evaluate(code, new Map(), ctx, version)]));
      else runSimple(ctx, version, code);
      return 0;
    } catch (e) {
      if (e instanceof Unsupported) return beyond(ctx, e.message);
      throw e;
    }
  }
  if (a === undefined || a === '-') {
    if (ctx.tty && a === undefined) {
      ctx.stderr.write('Berth: the interactive Node.js prompt is not simulated; use node -e or a script\n');
      return 1;
    }
    try {
      runSimple(ctx, version, await readAll(ctx.stdin));
      return 0;
    } catch (e) {
      if (e instanceof Unsupported) return beyond(ctx, e.message);
      throw e;
    }
  }
  if (a.startsWith('-')) {
    ctx.stderr.write(`${ctx.argv[0] ?? 'node'}: bad option: ${a}\n`);
    return 9;
  }
  // npm and npx are scripts node runs (bin/npm-cli.js through its #! line): the npm program
  const real = realPath(ctx.fs, a.startsWith('/') ? a : `${ctx.cwd}/${a}`) ?? a;
  const script = real.slice(real.lastIndexOf('/') + 1);
  if (script === 'npm-cli.js' || script === 'npx-cli.js') return (script === 'npm-cli.js' ? npmProgram : npxProgram)({ ...ctx, argv: [script.replace('-cli.js', ''), ...args.slice(1)] });
  return runScriptFile(ctx, version, a);
};
