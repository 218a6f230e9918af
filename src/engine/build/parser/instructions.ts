// Stage two of `docker build`: AST nodes to typed instructions grouped in
// stages, with flags and argument counts checked and buildkit's messages
// (frontend/dockerfile/instructions/parse.go and bflag.go, v0.23 as vendored
// by Docker 28: COPY --exclude/--parents and RUN --security are Dockerfile
// "labs" features there, so they are unknown flags here too).
//
// Values stay as written (quotes, `$VAR`): the builder substitutes them with
// each instruction's environment (see ../lex.ts), as buildkit's dispatcher.

import type { Heredoc, Node } from './ast.ts';
import { chompHeredocContent, parseHeredoc, trimSpace } from './ast.ts';
import { goQuote } from '../../goquote.ts';
import { parseDuration, parseInt10, withSuggestion } from './go.ts';
import { parseDevice, parseMount } from './mount.ts';
import type { Device } from './mount.ts';

interface Base {
  /** The instruction as written (`run`, `RUN`). */
  command: string;
  /** The whole instruction line, continuations joined. */
  original: string;
  startLine: number;
  endLine: number;
}

export interface KeyValue {
  key: string;
  value: string;
  /** Old form `ENV key value` (no `=`). */
  noDelim: boolean;
}

export interface SourceContent {
  path: string;
  data: string;
  expand: boolean;
}

export interface InlineFile {
  name: string;
  data: string;
  chomp: boolean;
}

/** RUN, CMD, ENTRYPOINT: the shell form is one string run by the SHELL. */
export interface CommandLine {
  cmdLine: string[] | null;
  prependShell: boolean;
  files: InlineFile[];
}

export interface Healthcheck {
  test: string[];
  /** Nanoseconds, 0 when not given. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

export type Instruction =
  | (Base & { kind: 'ENV'; env: KeyValue[] })
  | (Base & { kind: 'LABEL'; labels: KeyValue[] })
  | (Base & { kind: 'MAINTAINER'; maintainer: string })
  | (Base & { kind: 'ADD'; sources: string[]; contents: SourceContent[]; dest: string; chown: string; chmod: string; link: boolean; keepGitDir?: boolean; checksum: string; unpack?: boolean })
  | (Base & { kind: 'COPY'; sources: string[]; contents: SourceContent[]; dest: string; from: string; chown: string; chmod: string; link: boolean })
  | (Base & { kind: 'ONBUILD'; expression: string })
  | (Base & { kind: 'WORKDIR'; path: string })
  | (Base & CommandLine & { kind: 'RUN'; mounts: string[]; network: string; devices: Device[]; flagsUsed: string[] })
  | (Base & CommandLine & { kind: 'CMD' })
  | (Base & CommandLine & { kind: 'ENTRYPOINT' })
  | (Base & { kind: 'HEALTHCHECK'; health: Healthcheck })
  | (Base & { kind: 'EXPOSE'; ports: string[] })
  | (Base & { kind: 'USER'; user: string })
  | (Base & { kind: 'VOLUME'; volumes: string[] })
  | (Base & { kind: 'STOPSIGNAL'; signal: string })
  | (Base & { kind: 'ARG'; args: { key: string; value?: string; docComment: string }[] })
  | (Base & { kind: 'SHELL'; shell: string[] });

export type ArgInstruction = Extract<Instruction, { kind: 'ARG' }>;

export interface Stage {
  /** `FROM image AS name`: the name lower-cased, '' without AS. */
  name: string;
  baseName: string;
  platform: string;
  command: string;
  sourceCode: string;
  startLine: number;
  endLine: number;
  comments: string[];
  commands: Instruction[];
}

class InstructionError {
  constructor(readonly message: string) {}
}

const fail = (message: string): never => {
  throw new InstructionError(message);
};

/** buildkit's BFlags: `--name=value` words checked against a set of flags. */
class Flags {
  private readonly defs = new Map<string, 'bool' | 'string' | 'strings'>();
  readonly values = new Map<string, string>();
  readonly lists = new Map<string, string[]>();
  readonly used = new Set<string>();
  constructor(private readonly args: string[]) {}

  bool(name: string): this {
    this.defs.set(name, 'bool');
    this.values.set(name, 'false');
    return this;
  }
  string(name: string, def = ''): this {
    this.defs.set(name, 'string');
    this.values.set(name, def);
    return this;
  }
  strings(name: string): this {
    this.defs.set(name, 'strings');
    this.lists.set(name, []);
    return this;
  }
  get(name: string): string {
    return this.values.get(name) ?? '';
  }

  parse(): void {
    for (const a of this.args) {
      if (a === '--') return;
      if (!a.startsWith('--')) fail(`arg should start with -- : ${a}`);
      const eq = a.indexOf('=');
      const flagName = eq < 0 ? a : a.slice(0, eq);
      const value = eq < 0 ? '' : a.slice(eq + 1);
      const hasValue = eq >= 0;
      const arg = flagName.slice(2);
      const type = this.defs.get(arg);
      if (!type) fail(withSuggestion(`unknown flag: ${flagName}`, arg, [...this.defs.keys()], true));
      if (this.used.has(arg) && type !== 'strings') fail(`duplicate flag specified: ${flagName}`);
      this.used.add(arg);
      if (type === 'bool') {
        if (hasValue && value === '') fail(`missing a value on flag: ${flagName}`);
        const v = value.toLowerCase();
        if (v === 'true' || v === '') this.values.set(arg, 'true');
        else if (v === 'false') this.values.set(arg, 'false');
        else fail(`expecting boolean value for flag ${flagName}, not: ${value}`);
      } else if (type === 'string') {
        if (!hasValue) fail(`missing a value on flag: ${flagName}`);
        this.values.set(arg, value);
      } else {
        if (!hasValue) fail(`missing a value on flag: ${flagName}`);
        this.lists.get(arg)!.push(value);
      }
    }
  }
}

interface Request {
  command: string;
  args: string[];
  heredocs: Heredoc[];
  json: boolean;
  flags: Flags;
  original: string;
  startLine: number;
  endLine: number;
  comments: string[];
}

function nodeArgs(node: Node): string[] {
  const out: string[] = [];
  for (let n = node.next; n; n = n.next) {
    if (n.children.length === 0) out.push(n.value);
    else if (n.children.length === 1) out.push(n.children[0].value, ...nodeArgs(n.children[0]));
  }
  return out;
}

function request(node: Node): Request {
  return {
    command: node.value,
    args: nodeArgs(node),
    heredocs: node.heredocs,
    json: node.json,
    flags: new Flags(node.flags),
    original: node.original,
    startLine: node.startLine,
    endLine: node.endLine,
    comments: node.prevComment,
  };
}

const INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

const atLeastOne = (c: string) => `${c} requires at least one argument`;
const exactlyOne = (c: string) => `${c} requires exactly one argument`;
const noDestination = (c: string) => `${c} requires at least two arguments, but only one was provided. Destination could not be determined`;

/** One AST node as a typed instruction or the start of a stage; throws InstructionError. */
function parseInstruction(node: Node): Instruction | Stage {
  const req = request(node);
  switch (node.value.toLowerCase()) {
    case 'env':
      req.flags.parse();
      return { kind: 'ENV', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, env: keyValues(req.args, 'ENV') };
    case 'maintainer':
      if (req.args.length !== 1) fail(exactlyOne('MAINTAINER'));
      req.flags.parse();
      return { kind: 'MAINTAINER', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, maintainer: req.args[0] };
    case 'label':
      req.flags.parse();
      return { kind: 'LABEL', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, labels: keyValues(req.args, 'LABEL') };
    case 'add': {
      if (req.args.length < 2) fail(noDestination('ADD'));
      const f = req.flags.string('chown').string('chmod').bool('link').bool('keep-git-dir').string('checksum').bool('unpack');
      f.parse();
      const sd = sourcesAndDest(req, 'ADD');
      return {
        command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine,
        kind: 'ADD',
        sources: sd.sources,
        contents: sd.contents,
        dest: sd.dest,
        chown: f.get('chown'),
        chmod: f.get('chmod'),
        link: f.get('link') === 'true',
        keepGitDir: f.used.has('keep-git-dir') ? f.get('keep-git-dir') === 'true' : undefined,
        checksum: f.get('checksum'),
        unpack: f.used.has('unpack') ? f.get('unpack') === 'true' : undefined,
      };
    }
    case 'copy': {
      if (req.args.length < 2) fail(noDestination('COPY'));
      const f = req.flags.string('chown').string('from').string('chmod').bool('link');
      f.parse();
      const sd = sourcesAndDest(req, 'COPY');
      return { kind: 'COPY', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, sources: sd.sources, contents: sd.contents, dest: sd.dest, from: f.get('from'), chown: f.get('chown'), chmod: f.get('chmod'), link: f.get('link') === 'true' };
    }
    case 'from':
      return parseFrom(req);
    case 'onbuild': {
      if (req.args.length === 0) fail(atLeastOne('ONBUILD'));
      req.flags.parse();
      const trigger = trimSpace(req.args[0]).toUpperCase();
      if (trigger === 'ONBUILD') fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = req.original.replace(/^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i, '');
      for (const h of req.heredocs) expression += '\n' + h.content + h.name;
      return { kind: 'ONBUILD', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, expression };
    }
    case 'workdir':
      if (req.args.length !== 1) fail(exactlyOne('WORKDIR'));
      req.flags.parse();
      return { kind: 'WORKDIR', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, path: req.args[0] };
    case 'run': {
      const f = req.flags.strings('device').strings('mount').string('network', 'default');
      f.parse();
      const flagsUsed = [...f.used];
      const cmd = commandLine(req, false);
      const devices = f.lists.get('device')!.map((v) => {
        const d = parseDevice(v);
        return d.ok ? d.value : fail(d.error);
      });
      const mounts = f.lists.get('mount')!;
      for (const m of mounts) {
        const r = parseMount(m);
        if (!r.ok) fail(r.error);
      }
      const network = f.get('network');
      if (!['default', 'none', 'host'].includes(network)) fail(`invalid network mode ${goQuote(network)}`);
      return { kind: 'RUN', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, cmdLine: cmd.cmdLine, prependShell: cmd.prependShell, files: cmd.files, mounts, network, devices, flagsUsed };
    }
    case 'cmd': {
      req.flags.parse();
      const cmd = commandLine(req, false);
      return { kind: 'CMD', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, cmdLine: cmd.cmdLine, prependShell: cmd.prependShell, files: cmd.files };
    }
    case 'healthcheck':
      return { kind: 'HEALTHCHECK', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, health: parseHealthcheck(req) };
    case 'entrypoint': {
      req.flags.parse();
      const cmd = commandLine(req, true);
      return { kind: 'ENTRYPOINT', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, cmdLine: cmd.cmdLine, prependShell: cmd.prependShell, files: cmd.files };
    }
    case 'expose':
      if (req.args.length === 0) fail(atLeastOne('EXPOSE'));
      req.flags.parse();
      return { kind: 'EXPOSE', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, ports: [...req.args].sort(byBytes) };
    case 'user':
      if (req.args.length !== 1) fail(exactlyOne('USER'));
      req.flags.parse();
      return { kind: 'USER', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, user: req.args[0] };
    case 'volume': {
      if (req.args.length === 0) fail(atLeastOne('VOLUME'));
      req.flags.parse();
      const volumes = req.args.map((v) => {
        const t = trimSpace(v);
        return t === '' ? fail('VOLUME specified can not be an empty string') : t;
      });
      return { kind: 'VOLUME', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, volumes };
    }
    case 'stopsignal':
      // buildkit never reads STOPSIGNAL's flags.
      if (req.args.length !== 1) fail(exactlyOne('STOPSIGNAL'));
      return { kind: 'STOPSIGNAL', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, signal: req.args[0] };
    case 'arg': {
      // Nor ARG's.
      if (req.args.length < 1) fail(atLeastOne('ARG'));
      const args = req.args.map((a) => {
        const eq = a.indexOf('=');
        if (eq < 0) return { key: a, docComment: docComment(req.comments, a) };
        if (eq === 0) fail('ARG names can not be blank');
        const key = a.slice(0, eq);
        return { key, value: a.slice(eq + 1), docComment: docComment(req.comments, key) };
      });
      return { kind: 'ARG', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, args };
    }
    case 'shell': {
      req.flags.parse();
      const shell = jsonArgs(req.args, req.json);
      if (shell.length === 0) fail(atLeastOne('SHELL'));
      if (!req.json) fail('SHELL requires the arguments to be in JSON form');
      return { kind: 'SHELL', command: req.command, original: req.original, startLine: req.startLine, endLine: req.endLine, shell };
    }
  }
  return fail(withSuggestion(`unknown instruction: ${node.value}`, node.value, INSTRUCTIONS, false));
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function keyValues(args: string[], cmd: string): KeyValue[] {
  if (args.length === 0) fail(atLeastOne(cmd));
  if (args.length % 3 !== 0) fail(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValue[] = [];
  for (let i = 0; i < args.length; i += 3) {
    if (args[i].length === 0) fail(`${cmd} names can not be blank`);
    out.push({ key: args[i], value: args[i + 1], noDelim: args[i + 2] === '' });
  }
  return out;
}

function sourcesAndDest(req: Request, cmd: string): { sources: string[]; contents: SourceContent[]; dest: string } {
  const srcs = req.args.slice(0, -1);
  const dest = req.args[req.args.length - 1];
  if (parseHeredocQuiet(dest)) fail(`${cmd} cannot accept a heredoc as a destination`);
  const byName = new Map(req.heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const contents: SourceContent[] = [];
  for (const src of srcs) {
    const h = parseHeredocQuiet(src);
    if (h) {
      let data = byName.get(h.name)?.content ?? '';
      if (h.chomp) data = chompHeredocContent(data);
      contents.push({ path: h.name, data, expand: h.expand });
    } else {
      sources.push(src);
    }
  }
  return { sources, contents, dest };
}

// MustParseHeredoc: a marker that fails to lex is not a heredoc.
function parseHeredocQuiet(src: string): Heredoc | undefined {
  try {
    return parseHeredoc(src);
  } catch {
    return undefined;
  }
}

function jsonArgs(args: string[], json: boolean): string[] {
  if (args.length === 0) return [];
  return json ? args : [args.join(' ')];
}

function commandLine(req: Request, emptyAsNull: boolean): CommandLine {
  const files = req.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp }));
  const args = jsonArgs(req.args, req.json);
  return { cmdLine: emptyAsNull && args.length === 0 ? null : args, prependShell: !req.json, files };
}

function interval(flags: Flags, name: string): number {
  const s = flags.get(name);
  if (s === '') return 0;
  const d = parseDuration(s);
  if (!d.ok) fail(d.error);
  const v = (d as { value: number }).value;
  if (v === 0) return 0;
  if (v < 1e6) fail(`Interval ${goQuote(name)} cannot be less than 1ms`);
  return v;
}

function parseHealthcheck(req: Request): Healthcheck {
  if (req.args.length === 0) fail(atLeastOne('HEALTHCHECK'));
  let typ = req.args[0].toUpperCase();
  const args = req.args.slice(1);
  const none: Healthcheck = { test: [typ], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (typ === 'NONE') {
    if (args.length !== 0) fail('HEALTHCHECK NONE takes no arguments');
    return none;
  }
  const f = req.flags.string('interval').string('timeout').string('start-period').string('start-interval').string('retries');
  f.parse();
  if (typ !== 'CMD') fail(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  const cmd = jsonArgs(args, req.json);
  if (cmd.length === 0) fail('Missing command after HEALTHCHECK CMD');
  if (!req.json) typ = 'CMD-SHELL';
  const health: Healthcheck = {
    test: [typ, ...cmd],
    interval: interval(f, 'interval'),
    timeout: interval(f, 'timeout'),
    startPeriod: interval(f, 'start-period'),
    startInterval: interval(f, 'start-interval'),
    retries: 0,
  };
  const retries = f.get('retries');
  if (retries !== '') {
    const r = parseInt10(retries, 32);
    if (!r.ok) fail(r.error);
    const n = (r as { value: number }).value;
    if (n < 0) fail(`--retries cannot be negative (${n})`);
    health.retries = n;
  }
  return health;
}

const validStageName = /^[a-z][a-z0-9-_.]*$/;

function parseFrom(req: Request): Stage {
  let name = '';
  if (req.args.length === 3 && req.args[1].toLowerCase() === 'as') {
    name = req.args[2].toLowerCase();
    if (!validStageName.test(name)) fail(`invalid name for build stage: ${goQuote(req.args[2])}, name can't start with a number or contain symbols`);
  } else if (req.args.length !== 1) {
    fail('FROM requires either one or three arguments');
  }
  const f = req.flags.string('platform');
  f.parse();
  return {
    name,
    baseName: req.args[0],
    platform: f.get('platform'),
    command: req.command,
    sourceCode: trimSpace(req.original),
    startLine: req.startLine,
    endLine: req.endLine,
    comments: req.comments,
    commands: [],
  };
}

function docComment(comments: string[], name: string): string {
  if (name === '') return '';
  for (const line of comments) if (line.startsWith(name + ' ')) return line.slice(name.length + 1);
  return '';
}

export interface InstructionsResult {
  stages: Stage[];
  metaArgs: ArgInstruction[];
}

/** buildkit's instructions.Parse: the AST's children as stages, ARGs before the first FROM apart. */
export function parseInstructions(children: Node[]): { ok: true; value: InstructionsResult } | { ok: false; error: { message: string; startLine: number; endLine: number } } {
  const stages: Stage[] = [];
  const metaArgs: ArgInstruction[] = [];
  for (const n of children) {
    let cmd: Instruction | Stage;
    try {
      cmd = parseInstruction(n);
    } catch (e) {
      if (!(e instanceof InstructionError)) throw e;
      return { ok: false, error: { message: `dockerfile parse error on line ${n.startLine}: ${e.message}`, startLine: n.startLine, endLine: n.endLine } };
    }
    if (!('kind' in cmd)) {
      stages.push(cmd);
      continue;
    }
    if (stages.length === 0) {
      if (cmd.kind === 'ARG') {
        metaArgs.push(cmd);
        continue;
      }
      return { ok: false, error: { message: 'no build stage in current context', startLine: n.startLine, endLine: n.endLine } };
    }
    stages[stages.length - 1].commands.push(cmd);
  }
  return { ok: true, value: { stages, metaArgs } };
}
