// Flask applications: the routes and app.run() of a script (or `flask
// run`), served with the banner and request log of the Flask/Werkzeug
// version pip put in site-packages (Flask 1.1 + Werkzeug 1.0 under Python 2,
// Flask 3 + Werkzeug 3 under Python 3). Views run through the expression
// evaluator; Docker's get-started "friendlyhello" app, which counts visits
// in redis at host `redis`, is recognised.
import type { ProcessContext, Program } from '../../process.ts';
import { Signals } from '../../process.ts';
import { basename, findCommand } from '../../resolve.ts';
import { byteLength, containerAddress, httpDate, httpResponse, parseRequest, readText, werkzeugTime } from './common.ts';
import { Evaluator, type PyValue } from './pyexpr.ts';
import { distVersion, importError, imports, installed, pyHost, pythonVersion, traceback, type PythonVersion } from './pyenv.ts';
import { connectRedis } from './redis-cli.ts';


interface Route {
  path: string;
  /** The rule as a regular expression with one group per <variable>. */
  pattern: RegExp;
  /** The variables' names and whether they are <int:...>. */
  variables: { name: string; int: boolean }[];
  methods: string[];
  handler: (params: Map<string, PyValue>) => Promise<string | null>;
}

/** Werkzeug's rule syntax: /hello/<name>, /item/<int:id>, <path:rest>. */
function compileRule(rule: string): Pick<Route, 'pattern' | 'variables'> {
  const variables: Route['variables'] = [];
  let re = '';
  for (const part of rule.split(/(<[^>]+>)/)) {
    const m = /^<(?:(\w+):)?(\w+)>$/.exec(part);
    if (!m) {
      re += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const conv = m[1] ?? 'string';
    variables.push({ name: m[2]!, int: conv === 'int' });
    re += conv === 'int' ? '(\\d+)' : conv === 'path' ? '(.+)' : '([^/]+)';
  }
  return { pattern: new RegExp(`^${re}$`), variables };
}

interface FlaskApp {
  routes: Route[];
  host: string;
  port: number;
  debug: boolean;
}

/** Python string literals in a piece of source, concatenated (implicit concatenation, backslash continuations). */
function literals(src: string): string | null {
  const parts = [...src.matchAll(/[rRuU]?("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g)].map((m) => m[1]!.slice(1, -1).replace(/\\(["'\\])/g, '$1'));
  return parts.length ? parts.join('') : null;
}

/** The value of a format() argument the simulator knows how to compute. */
function formatArgument(expr: string, ctx: ProcessContext, counters: Map<string, () => Promise<string>>): (() => Promise<string>) | null {
  const env = /^os\.(?:getenv|environ\.get)\(\s*(['"])(\w+)\1\s*(?:,\s*(['"])(.*?)\3)?\s*\)$/.exec(expr);
  if (env) return async () => ctx.env.get(env[2]!) ?? env[4] ?? 'None';
  if (/^socket\.gethostname\(\)$/.test(expr)) return async () => ctx.hostname;
  if (counters.has(expr)) return counters.get(expr)!;
  const lit = literals(expr);
  if (lit !== null && /^[rRuU]?(['"]).*\1$/.test(expr)) return async () => lit;
  return null;
}

/** Reads a Flask app out of a script: the routes whose bodies it understands and app.run's arguments. */
export function parseFlask(ctx: ProcessContext, v: PythonVersion, source: string): FlaskApp | null {
  const appVar = /^(\w+)\s*=\s*Flask\(/m.exec(source)?.[1];
  if (!appVar) return null;
  const lines = source.split('\n');
  const imported = new Set(lines.flatMap((l) => (/^\s*import\s/.test(l) ? (imports(l) ?? []) : [])));
  const routes: Route[] = [];
  const redisVar = /^(\w+)\s*=\s*(?:redis\.)?(?:Strict)?Redis\((.*)\)/m.exec(source);
  for (let i = 0; i < lines.length; i++) {
    const m = new RegExp(`^@${appVar}\\.route\\(\\s*(['"])(.*?)\\1(?:\\s*,\\s*methods\\s*=\\s*\\[(.*?)\\])?`).exec(lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < lines.length && /^@/.test(lines[j]!)) j++;
    const body: string[] = [];
    for (let k = j + 1; k < lines.length && (/^\s/.test(lines[k]!) || lines[k]!.trim() === ''); k++) body.push(lines[k]!);
    const text = body.join('\n');
    const methods = m[3] ? [...m[3].matchAll(/['"](\w+)['"]/g)].map((x) => x[1]!.toUpperCase()) : ['GET'];
    routes.push({ path: m[2]!, ...compileRule(m[2]!), methods, handler: routeHandler(ctx, v, text, redisVar, imported) });
  }
  const run = new RegExp(`^\\s*${appVar}\\.run\\((.*)\\)`, 'm').exec(source);
  if (!run) return { routes, host: '', port: 0, debug: false };
  const arg = (name: string) => new RegExp(`${name}\\s*=\\s*([^,)]+)`).exec(run[1]!)?.[1]?.trim();
  const host = arg('host')?.replace(/^['"]|['"]$/g, '') ?? '127.0.0.1';
  const port = Number(arg('port') ?? 5000) || 5000;
  return { routes, host, port, debug: arg('debug') === 'True' };
}

/** A route body's response: a returned literal, or a template .format()ted with values the simulator computes. */
function routeHandler(ctx: ProcessContext, v: PythonVersion, body: string, redisVar: RegExpExecArray | null, imported: Set<string>): Route['handler'] {
  const formatted = formatHandler(ctx, body, redisVar);
  const hasCounter = !!redisVar && new RegExp(`${redisVar[1]}\\.incr\\(`).test(body);
  return async (params) => {
    if (!hasCounter) {
      const direct = evalBody(v, body, params, pyHost(ctx, imported));
      if (direct !== null) return direct;
    }
    return formatted();
  };
}

/**
 * Runs a view's body of assignments and a return with the expression
 * evaluator; null when the body holds anything else or returns no string.
 */
function evalBody(v: PythonVersion, body: string, params: Map<string, PyValue>, host: (name: string, args: PyValue[]) => PyValue | undefined): string | null {
  const ev = new Evaluator(v.py3, new Map(params), host);
  try {
    for (const raw of body.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const ret = /^return\s+(.+)$/.exec(line);
      if (ret) {
        const [value] = ev.evalAll(ret[1]!);
        return typeof value === 'string' ? value : null;
      }
      const assign = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$/.exec(line);
      if (!assign) return null;
      const [value] = ev.evalAll(assign[2]!);
      ev.vars.set(assign[1]!, value as PyValue);
    }
  } catch {
    return null;
  }
  return null;
}

/** The older way: a template .format()ted with values the simulator computes (friendlyhello's redis counter among them). */
function formatHandler(ctx: ProcessContext, body: string, redisVar: RegExpExecArray | null): () => Promise<string | null> {
  const counters = new Map<string, () => Promise<string>>();
  // visits = redis.incr("counter") inside try/except RedisError: the friendlyhello counter
  const incr = redisVar ? new RegExp(`(\\w+)\\s*=\\s*${redisVar[1]}\\.incr\\(\\s*(['"])(.*?)\\2`).exec(body) : null;
  if (incr && redisVar) {
    const fallback = literals(new RegExp(`except[^\\n]*:\\s*\\n\\s*${incr[1]}\\s*=\\s*(.*)`).exec(body)?.[1] ?? '') ?? '';
    const host = /host\s*=\s*['"]([^'"]+)['"]/.exec(redisVar[2]!)?.[1] ?? 'localhost';
    const port = Number(/port\s*=\s*(\d+)/.exec(redisVar[2]!)?.[1] ?? 6379);
    const timeout = Number(/socket_connect_timeout\s*=\s*([\d.]+)/.exec(redisVar[2]!)?.[1] ?? 2);
    counters.set(incr[1]!, async () => {
      const conn = connectRedis(ctx, host, port);
      if (typeof conn === 'string') {
        await ctx.sleep(timeout * 1000);
        return fallback;
      }
      const r = conn(['INCR', incr[3]!]);
      return r.t === 'int' ? String(r.v) : fallback;
    });
  }
  const ret = /^\s*return\s+(.+)$/m.exec(body)?.[1]?.trim();
  if (!ret) return async () => null;
  const direct = /^[rRuU]?(['"])/.test(ret) && !/\.format\(/.test(ret) ? literals(ret) : null;
  if (direct !== null) return async () => direct;
  const fmt = /^(\w+|[rRuU]?(['"]).*\2)\.format\((.*)\)$/.exec(ret);
  if (!fmt) return async () => null;
  const template = /^\w+$/.test(fmt[1]!) ? literals(new RegExp(`${fmt[1]}\\s*=\\s*([\\s\\S]*?)\\n\\s*(?:return|\\w+\\s*=)`).exec(body)?.[1] ?? '') : literals(fmt[1]!);
  if (template === null) return async () => null;
  const args = new Map<string, () => Promise<string>>();
  for (const a of fmt[3]!.split(/,(?![^(]*\))/)) {
    const kv = /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(a);
    if (!kv) return async () => null;
    const value = formatArgument(kv[2]!, ctx, counters);
    if (!value) return async () => null;
    args.set(kv[1]!, value);
  }
  return async () => {
    const values = new Map<string, string>();
    for (const [k, f] of args) values.set(k, await f());
    return template.replace(/\{(\w+)\}/g, (all, k: string) => values.get(k) ?? all);
  };
}

/** ANSI styles as click.style (Werkzeug 1.0 request log) and werkzeug._ansi_style (3.x) write them. */
const ESC = '\x1b[';

/**
 * Serves a Flask app as app.run() (name: the script's module name) or
 * `flask run` (name: FLASK_APP as given, or null when the app was found
 * as app.py/wsgi.py) do.
 */
export async function runFlask(ctx: ProcessContext, v: PythonVersion, script: string, name: string | null, app: FlaskApp): Promise<number> {
  const flask = distVersion(ctx, v, 'flask') ?? (v.py3 ? '3.1.2' : '1.1.4');
  const werkzeug = distVersion(ctx, v, 'werkzeug') ?? (v.py3 ? '3.1.3' : '1.0.1');
  const modern = Number(werkzeug.split('.')[0]) >= 2;
  const err = (s: string) => ctx.stderr.write(s + '\n');
  if (Number(flask.split('.')[0]) >= 2) {
    ctx.stdout.write(`${name !== null ? ` * Serving Flask app '${name}'\n` : ''} * Debug mode: ${app.debug ? 'on' : 'off'}\n`);
  } else {
    ctx.stdout.write(`${name !== null ? ` * Serving Flask app "${name}" (lazy loading)\n` : ''} * Environment: production\n`);
    const warn = '   WARNING: This is a development server. Do not use it in a production deployment.';
    const use = '   Use a production WSGI server instead.';
    // click.secho strips styles when stdout is not a terminal
    ctx.stdout.write(ctx.tty ? `${ESC}31m${warn}${ESC}0m\n${ESC}2m${use}${ESC}0m\n` : `${warn}\n${use}\n`);
    ctx.stdout.write(` * Debug mode: ${app.debug ? 'on' : 'off'}\n`);
  }
  const close = ctx.listen(app.port, 'tcp', (text) => serveFlask(ctx, v, werkzeug, app, text));
  if (!close) {
    if (modern) err(`Address already in use\nPort ${app.port} is in use by another program. Either identify and stop that program, or start the server with a different port.`);
    else {
      ctx.stderr.write(`Traceback (most recent call last):\n  File "${script}", line 1, in <module>\nsocket.error: [Errno 98] Address already in use\n`);
    }
    return 1;
  }
  if (modern) {
    const lines = [`${ESC}31m${ESC}1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.${ESC}0m`];
    if (app.host === '0.0.0.0') {
      lines.push(' * Running on all addresses (0.0.0.0)', ` * Running on http://127.0.0.1:${app.port}`, ` * Running on http://${containerAddress(ctx)}:${app.port}`);
    } else lines.push(` * Running on http://${app.host}:${app.port}`);
    err(lines.join('\n'));
    err(`${ESC}33mPress CTRL+C to quit${ESC}0m`);
  } else {
    err(` * Running on http://${app.host || 'localhost'}:${app.port}/ (Press CTRL+C to quit)`);
  }
  if (app.debug) {
    err(' * Restarting with stat');
    err(' * Debugger is active!');
    err(' * Debugger PIN: 123-456-789');
  }
  // KeyboardInterrupt ends serve_forever quietly; SIGTERM has Python's default action (PID 1: ignored)
  await new Promise<void>((resolve) => ctx.onSignal(Signals.SIGINT, () => resolve()));
  close();
  return 0;
}

async function serveFlask(ctx: ProcessContext, v: PythonVersion, werkzeug: string, app: FlaskApp, text: string): Promise<string> {
  const modern = Number(werkzeug.split('.')[0]) >= 2;
  const req = parseRequest(text);
  const proto = modern ? 'HTTP/1.1' : 'HTTP/1.0';
  const server = `Werkzeug/${werkzeug} Python/${v.full}`;
  let status = 200;
  let body: string;
  let type = 'text/html; charset=utf-8';
  let params = new Map<string, PyValue>();
  const route = req
    ? app.routes.find((r) => {
        const m = r.pattern.exec(req.path);
        if (!m) return false;
        params = new Map(r.variables.map((x, i) => [x.name, x.int ? Number(m[i + 1]) : m[i + 1]!]));
        return true;
      })
    : undefined;
  const page = (code: number, title: string, description: string) =>
    modern
      ? `<!doctype html>\n<html lang=en>\n<title>${code} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`
      : `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>${code} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`;
  if (!req) {
    status = 400;
    body = page(400, 'Bad Request', 'The browser (or proxy) sent a request that this server could not understand.');
  } else if (!route) {
    status = 404;
    body = page(404, 'Not Found', 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.');
  } else if (!route.methods.includes(req.method) && !(req.method === 'HEAD' && route.methods.includes('GET')) && req.method !== 'OPTIONS') {
    status = 405;
    body = page(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.');
  } else {
    const out = await route.handler(params);
    if (out === null) {
      status = 500;
      body = page(500, 'Internal Server Error', 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.');
      ctx.stderr.write(`Berth: this route of ${basename(ctx.argv[1] ?? 'app.py')} is beyond what the simulator can run (it returns literals and .format() of env vars, hostname and a redis counter)\n`);
    } else body = out;
  }
  if (status !== 200 && req) type = 'text/html; charset=utf-8';
  const length = String(byteLength(body));
  const date = httpDate(ctx.now());
  const headers: [string, string][] = modern
    ? [['Server', server], ['Date', date], ['Content-Type', type], ['Content-Length', length], ['Connection', 'close']]
    : [['Content-Type', type], ['Content-Length', length], ['Server', server], ['Date', date]];
  // the request log line, styled by status as Werkzeug does
  const line = req ? `${req.method} ${req.target} ${req.version}` : (text.split(/\r?\n/)[0] ?? '');
  const code = String(status);
  let styled: string;
  if (modern) {
    styled = code === '200' ? line : code === '404' ? `${ESC}33m${line}${ESC}0m` : code[0] === '4' ? `${ESC}31m${ESC}1m${line}${ESC}0m` : code[0] === '5' ? `${ESC}35m${ESC}1m${line}${ESC}0m` : line;
  } else {
    styled = code[0] === '2' ? `${ESC}37m${line}${ESC}0m` : code === '404' ? `${ESC}33m${line}${ESC}0m` : code[0] === '4' ? `${ESC}31m${ESC}1m${line}${ESC}0m` : `${ESC}35m${ESC}1m${line}${ESC}0m`;
  }
  ctx.stderr.write(`172.17.0.1 - - [${werkzeugTime(ctx.now())}] "${styled}" ${code} -\n`);
  // Werkzeug's Response upper-cases the reason phrase ("404 NOT FOUND"); its 1.0 server speaks HTTP/1.0
  const responseText = httpResponse(status, headers, body, req?.method === 'HEAD').replace(/^HTTP\/1\.1 (\d+) ([^\r]*)/, (_, code: string, why: string) => `${proto} ${code} ${why.toUpperCase()}`);
  return responseText;
}

/** `flask run` (the flask script pip installs, or python -m flask): the app of FLASK_APP, wsgi.py or app.py. */
export async function flaskCli(ctx: ProcessContext, v: PythonVersion, prog: string, args: string[]): Promise<number> {
  const usage = (sub: string, msg: string) => {
    ctx.stderr.write(`Usage: ${prog}${sub} [OPTIONS]${sub ? '' : ' COMMAND [ARGS]...'}\nTry '${prog}${sub} --help' for help.\n\nError: ${msg}\n`);
    return 2;
  };
  let appName = ctx.env.get('FLASK_APP') ?? null;
  while (args[0] === '--app' || args[0]?.startsWith('--app=')) {
    appName = args[0].includes('=') ? args[0].slice(6) : (args[1] ?? '');
    args = args.slice(args[0].includes('=') ? 1 : 2);
  }
  if (args[0] !== 'run') return usage('', args[0] === undefined ? 'Missing command.' : `No such command '${args[0]}'.`);
  let host = ctx.env.get('FLASK_RUN_HOST') ?? '127.0.0.1';
  let port = Number(ctx.env.get('FLASK_RUN_PORT') ?? 5000);
  let debug = /^(1|true|yes)$/i.test(ctx.env.get('FLASK_DEBUG') ?? '');
  for (let i = 1; i < args.length; i++) {
    const [k, inline] = args[i]!.split(/=(.*)/s) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (k === '--host' || k === '-h') host = value();
    else if (k === '--port' || k === '-p') {
      const raw = value();
      port = Number(raw);
      if (!/^\d+$/.test(raw)) return usage(' run', `Invalid value for '--port' / '-p': '${raw}' is not a valid integer.`);
    } else if (k === '--debug') debug = true;
    else if (k === '--no-debug') debug = false;
    else if (k === '--reload' || k === '--no-reload' || k === '--with-threads' || k === '--without-threads') continue;
    else return usage(' run', `No such option: ${k}`);
  }
  const candidates = appName !== null ? [`${appName.replace(/:.*$/, '').replace(/\.py$/, '').replace(/\./g, '/')}.py`] : ['wsgi.py', 'app.py'];
  for (const c of candidates) {
    const path = `${ctx.cwd.replace(/\/$/, '')}/${c}`;
    const source = readText(ctx.fs, path);
    if (source === null) continue;
    const lines = source.split('\n');
    for (let n = 0; n < lines.length; n++) {
      for (const m of imports(lines[n]!) ?? []) {
        if (!installed(ctx, v, m)) {
          ctx.stderr.write(traceback(v, v.py3 ? path : c, n + 1, lines[n]!, importError(v, m)));
          return 1;
        }
      }
    }
    const app = parseFlask(ctx, v, source);
    if (!app) break;
    return runFlask(ctx, v, c, appName, { ...app, host, port, debug });
  }
  if (appName !== null) return usage(' run', `Could not import '${appName.replace(/\.py$/, '')}'.`);
  return usage(' run', "Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.");
}

/** The flask script pip installs into bin/: `flask run`, with the Python the image has. */
export const flaskScript: Program = async (ctx) => {
  const which = ['python3', 'python', 'python2'].find((n) => findCommand(ctx.fs, n, ctx.env));
  const v = pythonVersion({ ...ctx, argv: [which ?? 'python3'] });
  if (!installed(ctx, v, 'flask')) {
    const bin = findCommand(ctx.fs, ctx.argv[0] ?? 'flask', ctx.env) ?? 'flask';
    ctx.stderr.write(traceback(v, bin, 5, 'from flask.cli import main', importError(v, 'flask')));
    return 1;
  }
  return flaskCli(ctx, v, 'flask', ctx.argv.slice(1));
};
