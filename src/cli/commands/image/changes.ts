// `docker commit --change`: the Dockerfile instructions moby applies to the
// committed config (builder/dockerfile BuildFromConfig over BuildKit's
// Dockerfile parser, instructions and shell-word expansion), with their
// error texts. Berth's engine takes the resulting config; the daemon's
// errors are DaemonErrors ("Error response from daemon: ...").
import { DaemonError } from '../../../engine/errors/errors.ts';
import type { RunConfig } from '../../../engine/image/config.ts';
import { isValidSignal } from '../../../engine/runtime/process.ts';
import { processWord } from '../../../engine/build/lex.ts';
import { goQuote } from '../../../engine/goquote.ts';
import { parseDuration } from '../../../engine/build/parser/go.ts';
import { parseWords } from '../../../engine/build/parser/index.ts';

const VALID = new Set(['cmd', 'entrypoint', 'healthcheck', 'env', 'expose', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir']);

const invalid = (m: string) => new DaemonError('invalid-parameter', m);

interface Instruction {
  /** Lower-case instruction name (the parser's node value). */
  name: string;
  /** The text after the instruction name and its flags. */
  rest: string;
  flags: string[];
  /** The whole logical line. */
  original: string;
}

/** BuildKit's parser.Parse, as far as commit changes use it. */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    let line = lines[i++]!.replace(/\r$/, '');
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    // line continuations: a trailing backslash joins the next line (comments and blank lines in between are dropped)
    while (/\\\s*$/.test(line) && i < lines.length) {
      line = line.replace(/\\\s*$/, '');
      let next = lines[i++]!.replace(/\r$/, '');
      while ((/^\s*#/.test(next) || next.trim() === '') && i < lines.length) next = lines[i++]!.replace(/\r$/, '');
      if (/^\s*#/.test(next)) next = '';
      line += next;
    }
    line = line.replace(/\\\s*$/, '').trim();
    if (line === '') continue;
    const m = /^(\S+)\s*([\s\S]*)$/.exec(line)!;
    let rest = m[2]!;
    const flags: string[] = [];
    // extractBuilderFlags: leading --name[=value] words
    for (;;) {
      const f = /^(--\S*)\s*([\s\S]*)$/.exec(rest);
      if (!f || f[1] === '--') break;
      flags.push(f[1]!);
      rest = f[2]!;
    }
    out.push({ name: m[1]!.toLowerCase(), rest, flags, original: line });
  }
  if (out.length === 0) throw invalid('file with no instructions');
  return out;
}

/** parseJSON: a JSON array of strings, or undefined when the text is not one. */
function parseJsonArray(rest: string): string[] | undefined {
  const t = rest.replace(/^\s+/, '');
  if (!t.startsWith('[')) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v)) return undefined;
  if (!v.every((s) => typeof s === 'string')) {
    throw invalid('when using JSON array syntax, arrays must be comprised of strings only');
  }
  return v as string[];
}

/** The environment as the shell lexer reads it. */
function envLookup(env: string[]): (k: string) => string | undefined {
  return (k) => {
    let found: string | undefined;
    for (const e of env) {
      const i = e.indexOf('=');
      if ((i < 0 ? e : e.slice(0, i)) === k) found = i < 0 ? '' : e.slice(i + 1);
    }
    return found;
  };
}

/** parseNameVal: `KEY name=value ...`, or the legacy `KEY name value`. */
function nameValues(rest: string, key: string): Array<[string, string]> {
  const words = parseWords(rest, '\\');
  if (words.length === 0) throw invalid(`${key} requires at least one argument`);
  if (!words[0]!.includes('=')) {
    const parts = rest.split(/\s+/);
    const first = /^(\S+)\s+([\s\S]*)$/.exec(rest);
    if (!first || parts.length < 2) throw invalid(`${key} must have two arguments`);
    return [[first[1]!, first[2]!]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    if (eq < 0) throw invalid(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    return [w.slice(0, eq), w.slice(eq + 1)];
  });
}

/** nat.ParsePortSpecs for EXPOSE: "80" is 80/tcp, ranges expand. */
function exposedPorts(specs: string[]): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    const slash = spec.lastIndexOf('/');
    const port = slash < 0 ? spec : spec.slice(0, slash);
    const proto = slash < 0 ? 'tcp' : spec.slice(slash + 1).toLowerCase();
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw invalid(`invalid proto: ${proto}`);
    const m = /^(\d+)(?:-(\d+))?$/.exec(port);
    if (!m) throw invalid(`invalid containerPort: ${port}`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo > 65535 || hi > 65535) throw invalid(`invalid containerPort: ${port}`);
    if (hi < lo) throw invalid(`invalid range specified for container port: ${port}`);
    for (let p = lo; p <= hi; p++) out.push(`${p}/${proto}`);
  }
  return out;
}

/** filepath.Clean for absolute Linux paths. */
function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** buildkit's parseOptInterval: time.ParseDuration, then at least 1ms unless zero. */
function interval(name: string, v: string): number {
  if (v === '') return 0;
  const d = parseDuration(v);
  if (!d.ok) throw invalid(d.error);
  if (d.value !== 0 && d.value < 1e6) throw invalid(`Interval ${goQuote(name)} cannot be less than 1ms`);
  return d.value;
}

interface Healthcheck {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

function healthcheck(ins: Instruction): Healthcheck {
  const words = ins.rest.trim() === '' ? [] : ins.rest.trim().split(/\s+/);
  const typ = (words[0] ?? '').toUpperCase();
  if (typ === 'NONE') {
    if (words.length > 1 || ins.flags.length > 0) throw invalid('HEALTHCHECK NONE takes no arguments');
    return { Test: ['NONE'] };
  }
  if (typ !== 'CMD') throw invalid(`Unknown type ${JSON.stringify(typ)} in HEALTHCHECK (try CMD)`);
  const after = ins.rest.trim().replace(/^\S+\s*/, '');
  const json = parseJsonArray(after);
  const hc: Healthcheck = { Test: json ? ['CMD', ...json] : ['CMD-SHELL', after] };
  for (const f of ins.flags) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(f)!;
    const value = m[2] ?? '';
    switch (m[1]) {
      case 'interval':
        hc.Interval = interval('interval', value);
        break;
      case 'timeout':
        hc.Timeout = interval('timeout', value);
        break;
      case 'start-period':
        hc.StartPeriod = interval('start-period', value);
        break;
      case 'start-interval':
        hc.StartInterval = interval('start-interval', value);
        break;
      case 'retries': {
        if (!/^-?\d+$/.test(value)) throw invalid(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
        const n = Number(value);
        if (n < 0) throw invalid('--retries cannot be negative (' + n + ')');
        hc.Retries = n;
        break;
      }
      default:
        throw invalid(`Unknown flag: ${m[1]}`);
    }
  }
  for (const k of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const) if (hc[k] === 0) delete hc[k];
  return hc;
}

/** The config fields a commit change can set. */
export type ChangedConfig = Partial<RunConfig> & { Healthcheck?: Healthcheck };

/**
 * Applies `docker commit -c` instructions to a container's config; returns
 * only the fields they set (the rest stays the container's).
 */
export function applyChanges(base: RunConfig, changes: string[]): ChangedConfig {
  if (changes.length === 0) return {};
  const instructions = parseDockerfile(changes.join('\n'));
  for (const ins of instructions) if (!VALID.has(ins.name)) throw invalid(`${ins.name} is not a valid change command`);
  const out: ChangedConfig = {};
  let env = [...(base.Env ?? [])];
  let cmdSet = false;
  const shell = base.Shell && base.Shell.length > 0 ? base.Shell : ['/bin/sh', '-c'];
  const expand = (w: string) => {
    const r = processWord(w, envLookup(env));
    if (!r.ok) throw invalid(r.error);
    return r.value;
  };
  const one = (ins: Instruction): string => {
    if (ins.rest.trim() === '') throw invalid(`${ins.name.toUpperCase()} requires exactly one argument`);
    return expand(ins.rest.trim());
  };
  const cmdLine = (ins: Instruction): string[] => {
    const json = parseJsonArray(ins.rest);
    if (json) return json;
    const text = ins.rest.trim();
    return text === '' ? [] : [...shell, text];
  };
  for (const ins of instructions) {
    switch (ins.name) {
      case 'cmd':
        out.Cmd = cmdLine(ins);
        if (ins.rest.trim() !== '') cmdSet = true;
        break;
      case 'entrypoint':
        out.Entrypoint = cmdLine(ins);
        if (!cmdSet) out.Cmd = null;
        break;
      case 'env': {
        const pairs = nameValues(ins.rest, 'ENV').map(([k, v]) => [expand(k), expand(v)] as const);
        for (const [k] of pairs) if (k === '') throw invalid('ENV names can not be blank');
        for (const [k, v] of pairs) {
          const entry = `${k}=${v}`;
          const i = env.findIndex((e) => (e.includes('=') ? e.slice(0, e.indexOf('=')) : e) === k);
          if (i >= 0) env[i] = entry;
          else env = [...env, entry];
        }
        out.Env = [...env];
        break;
      }
      case 'label': {
        const pairs = nameValues(ins.rest, 'LABEL').map(([k, v]) => [expand(k), expand(v)] as const);
        for (const [k] of pairs) if (k === '') throw invalid('LABEL names can not be blank');
        const labels = { ...(out.Labels ?? base.Labels ?? {}) };
        for (const [k, v] of pairs) labels[k] = v;
        out.Labels = labels;
        break;
      }
      case 'expose': {
        const words = ins.rest.trim() === '' ? [] : ins.rest.trim().split(/\s+/);
        if (words.length === 0) throw invalid('EXPOSE requires at least one argument');
        const ports = words.flatMap((w) => expand(w).split(/\s+/).filter((p) => p !== ''));
        const set = { ...(out.ExposedPorts ?? base.ExposedPorts ?? {}) };
        for (const p of exposedPorts(ports)) set[p] = {};
        out.ExposedPorts = set;
        break;
      }
      case 'user':
        out.User = one(ins);
        break;
      case 'workdir': {
        const dir = one(ins);
        const current = out.WorkingDir ?? base.WorkingDir ?? '';
        out.WorkingDir = dir.startsWith('/') ? cleanPath(dir) : cleanPath(`/${current}/${dir}`);
        break;
      }
      case 'volume': {
        const list = parseJsonArray(ins.rest) ?? (ins.rest.trim() === '' ? [] : ins.rest.trim().split(/\s+/));
        if (list.length === 0) throw invalid('VOLUME requires at least one argument');
        const vols = { ...(out.Volumes ?? base.Volumes ?? {}) };
        for (const v of list) {
          const path = expand(v.trim());
          if (path === '') throw invalid('VOLUME specified can not be an empty string');
          vols[path] = {};
        }
        out.Volumes = vols;
        break;
      }
      case 'stopsignal': {
        const sig = one(ins);
        if (!isValidSignal(sig)) throw invalid(`Invalid signal: ${sig}`);
        out.StopSignal = sig;
        break;
      }
      case 'onbuild': {
        const trigger = (ins.rest.trim().split(/\s+/)[0] ?? '').toUpperCase();
        if (trigger === '') throw invalid('ONBUILD requires at least one argument');
        if (trigger === 'ONBUILD') throw invalid('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
        if (trigger === 'MAINTAINER' || trigger === 'FROM') throw invalid(`${trigger} isn't allowed as an ONBUILD trigger`);
        out.OnBuild = [...(out.OnBuild ?? base.OnBuild ?? []), ins.original.replace(/^\s*ONBUILD\s*/i, '')];
        break;
      }
      case 'healthcheck':
        out.Healthcheck = healthcheck(ins);
        break;
    }
  }
  // moby's merge(): without an entrypoint, an empty Cmd takes the container's back
  const entrypoint = out.Entrypoint !== undefined ? out.Entrypoint : base.Entrypoint;
  const cmd = out.Cmd !== undefined ? out.Cmd : base.Cmd;
  if ((entrypoint ?? []).length === 0 && (cmd ?? []).length === 0 && (out.Cmd !== undefined || out.Entrypoint !== undefined)) {
    out.Cmd = base.Cmd ?? null;
  }
  return out;
}
