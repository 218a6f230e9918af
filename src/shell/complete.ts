// Tab completion at the host's bash prompt: what bash (with Debian's
// bash-completion and docker's cobra completion script) offers for the word
// under the cursor. Pure: it reads the words before the cursor, the host's
// files, the docker command tree and what the engine holds, and returns the
// candidates; the line editor decides what to insert or list.
import type { Fs } from '../engine/fs/types.ts';
import type { ServerInfo } from '../cli/command.ts';
import type { CommandNode } from '../cli/help.ts';
import type { FlagSet } from '../cli/flags.ts';
import { loadedCli, type LoadedCli } from '../cli/dispatch.ts';
import { BUILTINS } from '../engine/runtime/sh/builtins.ts';
import type { SimulatedHost } from './host.ts';

export interface Candidate {
  /** The word as it goes on the line (escaped, path included). */
  value: string;
  /** What a listing shows (a file's name without its directory, `/` after directories). */
  display: string;
  /** No space after it when it is the only match (a directory, `name:` for cp). */
  noSpace?: boolean;
}

export interface CompletionResult {
  /** Where the word being completed starts in the line. */
  start: number;
  /** Sorted, without duplicates. */
  candidates: Candidate[];
}

export interface CompletionContainer {
  id: string;
  name: string;
  /** created, running, paused, restarting, removing, exited, dead */
  state: string;
}

export interface CompletionImage {
  /** sha256:... */
  id: string;
  /** Familiar references: nginx:latest, localhost:5000/app:v1 */
  repoTags: string[];
}

/** What completion may look at. */
export interface CompletionSource {
  fs: Pick<Fs, 'readdir' | 'stat'>;
  cwd: string;
  /** HOME and PATH of the shell (defaults: /root and Debian's root PATH). */
  env?: ReadonlyMap<string, string>;
  /** Shell builtins and keywords offered for the first word. */
  builtins?: Iterable<string>;
  containers(): CompletionContainer[];
  images(): CompletionImage[];
  /** What the daemon reports (hides commands and flags it cannot do, as `docker --help` does). */
  server?: ServerInfo | null;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** bash's reserved words, offered with the builtins for the first word. */
export const SHELL_KEYWORDS = ['!', '[[', ']]', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while', '{', '}'];

interface Word {
  /** The word with quotes and backslashes removed. */
  text: string;
  start: number;
}

interface Scan {
  /** Words of the current simple command before the one being completed. */
  words: Word[];
  current: Word;
  /** The current word is inside an open quote (no escaping of what is inserted). */
  quoted: boolean;
}

/** Splits the text before the cursor into the words of the command being typed. */
export function scanWords(text: string): Scan {
  let words: Word[] = [];
  let cur: Word | null = null;
  let quote: '' | "'" | '"' = '';
  const begin = (i: number) => (cur ??= { text: '', start: i });
  const end = () => {
    if (cur) words.push(cur);
    cur = null;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else cur!.text += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) cur!.text += text[++i];
      else cur!.text += c;
      continue;
    }
    if (c === '\\') {
      begin(i).text += text[i + 1] ?? '';
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      begin(i);
      quote = c;
      continue;
    }
    if (/\s/.test(c)) {
      end();
      continue;
    }
    if (';&|()'.includes(c)) {
      // a new command starts after a separator
      end();
      words = [];
      continue;
    }
    begin(i).text += c;
  }
  const current: Word = cur ?? { text: '', start: text.length };
  return { words, current, quoted: quote !== '' };
}

/** The common prefix of the candidates' values. */
export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0]!;
  for (const v of values) {
    let i = 0;
    while (i < prefix.length && i < v.length && prefix[i] === v[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** The candidates for the word before `cursor` in `line`. */
export function complete(line: string, cursor: number, src: CompletionSource): CompletionResult {
  const scan = scanWords(line.slice(0, cursor));
  const { words, current } = scan;
  let candidates: Candidate[];
  // leading assignments (A=b cmd) do not count as the command
  const firstCommand = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text));
  const args = firstCommand < 0 ? [] : words.slice(firstCommand);
  if (args.length === 0) {
    candidates = current.text.includes('/') ? paths(src, current.text, scan.quoted, 'exec') : commands(src, current.text);
  } else {
    const cmd = args[0]!.text;
    const rest = args.slice(1).map((w) => w.text);
    if (cmd === 'docker') candidates = docker(src, rest, current.text, scan.quoted);
    else if (cmd === 'cd' || cmd === 'pushd' || cmd === 'rmdir') candidates = paths(src, current.text, scan.quoted, 'dirs');
    else candidates = paths(src, current.text, scan.quoted, 'all');
  }
  // inside an open quote the candidates replace what follows the quote
  const start = scan.quoted && /['"]/.test(line[current.start] ?? '') ? current.start + 1 : current.start;
  return { start, candidates: sortUnique(candidates) };
}

function sortUnique(list: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of list) if (!seen.has(c.value)) seen.set(c.value, c);
  return [...seen.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function envOf(src: CompletionSource, name: string, fallback: string): string {
  return src.env?.get(name) ?? fallback;
}

/** Commands on PATH, builtins and keywords starting with `prefix`. */
function commands(src: CompletionSource, prefix: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (name: string) => {
    if (name.startsWith(prefix)) out.push({ value: escapeWord(name), display: name });
  };
  for (const b of src.builtins ?? []) add(b);
  for (const k of SHELL_KEYWORDS) add(k);
  for (const dir of envOf(src, 'PATH', DEFAULT_PATH).split(':')) {
    if (!dir.startsWith('/')) continue;
    let names: string[];
    try {
      names = src.fs.readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      try {
        const st = src.fs.stat(`${dir}/${name}`);
        if (st.type !== 'dir' && (st.mode & 0o111) !== 0) add(name);
      } catch {
        // a dangling link
      }
    }
  }
  return out;
}

/** Backslashes before the characters bash would read specially. */
function escapeWord(word: string): string {
  return word.replace(/[\s\\'"`$&|;()<>!*?[\]{}#~=,^]/g, (c, offset: number) => (c === '~' && offset > 0) || c === '=' || c === ',' ? c : `\\${c}`);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/**
 * Files for the word `word`: `all` files and directories, `dirs` only
 * directories, `exec` executables and directories. Directories end with `/`.
 */
export function paths(src: CompletionSource, word: string, quoted: boolean, kind: 'all' | 'dirs' | 'exec'): Candidate[] {
  const home = envOf(src, 'HOME', '/root');
  let typed = word;
  if (typed === '~') typed = '~/';
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const base = slash >= 0 ? typed.slice(slash + 1) : typed;
  let lookIn = dirPart === '' ? src.cwd : dirPart;
  if (lookIn === '~/' || lookIn.startsWith('~/')) lookIn = home + lookIn.slice(1);
  if (!lookIn.startsWith('/')) lookIn = joinPath(src.cwd, lookIn);
  let names: string[];
  try {
    names = src.fs.readdir(lookIn);
  } catch {
    return [];
  }
  const out: Candidate[] = [];
  for (const name of names) {
    if (!name.startsWith(base)) continue;
    if (name.startsWith('.') && !base.startsWith('.')) continue;
    let isDir = false;
    let executable = false;
    try {
      const st = src.fs.stat(joinPath(lookIn, name));
      isDir = st.type === 'dir';
      executable = (st.mode & 0o111) !== 0;
    } catch {
      // a dangling link is a file
    }
    if (kind === 'dirs' && !isDir) continue;
    if (kind === 'exec' && !isDir && !executable) continue;
    const shown = quoted ? name : escapeWord(name);
    out.push({
      value: (quoted ? dirPart : escapePath(dirPart)) + shown + (isDir ? '/' : ''),
      display: name + (isDir ? '/' : ''),
      noSpace: isDir,
    });
  }
  return out;
}

/** A directory part typed by the user keeps its leading ~; the rest is escaped. */
function escapePath(dirPart: string): string {
  if (dirPart.startsWith('~')) return '~' + escapeWord(dirPart.slice(1));
  return escapeWord(dirPart);
}

// --- docker ---------------------------------------------------------------

const SERVER: ServerInfo = { apiVersion: '1.50', osType: 'linux', experimental: false };

type ArgKind =
  | { kind: 'images'; limit: number }
  | { kind: 'containers'; limit: number; filter: (c: CompletionContainer) => boolean }
  | { kind: 'files'; limit: number; dirs?: boolean }
  | { kind: 'cp' }
  | { kind: 'commands' }
  | { kind: 'inspect' }
  | { kind: 'none' };

const ANY = (): boolean => true;
const RUNNING = (c: CompletionContainer): boolean => c.state === 'running';
const STOPPED = (c: CompletionContainer): boolean => c.state === 'exited' || c.state === 'created';
const PAUSED = (c: CompletionContainer): boolean => c.state === 'paused';
const UNLIMITED = -1;

/** What a command's positional arguments are, as docker/cli's ValidArgsFunction declares them. */
function argumentsOf(path: string): ArgKind {
  const verb = path.replace(/^docker (container |image |system )?/, '');
  const image = path.startsWith('docker image ');
  switch (verb) {
    case 'run':
    case 'create':
    case 'push':
    case 'history':
      return { kind: 'images', limit: 1 };
    case 'rmi':
      return { kind: 'images', limit: UNLIMITED };
    case 'rm':
      if (image) return { kind: 'images', limit: UNLIMITED };
      return { kind: 'containers', limit: UNLIMITED, filter: ANY };
    case 'save':
      return { kind: 'images', limit: UNLIMITED };
    case 'tag':
      return { kind: 'images', limit: 2 };
    case 'inspect':
      if (image) return { kind: 'images', limit: UNLIMITED };
      if (path === 'docker inspect') return { kind: 'inspect' };
      return { kind: 'containers', limit: UNLIMITED, filter: ANY };
    case 'stop':
    case 'kill':
    case 'pause':
    case 'stats':
      return { kind: 'containers', limit: UNLIMITED, filter: RUNNING };
    case 'exec':
    case 'attach':
    case 'top':
      return { kind: 'containers', limit: 1, filter: RUNNING };
    case 'unpause':
      return { kind: 'containers', limit: UNLIMITED, filter: PAUSED };
    case 'start':
      return { kind: 'containers', limit: UNLIMITED, filter: STOPPED };
    case 'restart':
    case 'wait':
    case 'update':
      return { kind: 'containers', limit: UNLIMITED, filter: ANY };
    case 'logs':
    case 'commit':
    case 'diff':
    case 'port':
    case 'rename':
    case 'export':
      return { kind: 'containers', limit: 1, filter: ANY };
    case 'cp':
      return { kind: 'cp' };
    case 'build':
      return { kind: 'files', limit: 1, dirs: true };
    case 'import':
      return { kind: 'files', limit: 1 };
    case 'help':
      return { kind: 'commands' };
    default:
      return { kind: 'none' };
  }
}

/** Flags whose value is a file (or a directory) on the client. */
const FILE_FLAGS = new Set(['env-file', 'label-file', 'cidfile', 'iidfile', 'file', 'output', 'input', 'config', 'tlscacert', 'tlscert', 'tlskey']);

/** Fixed value lists docker/cli's flag completions offer. */
const FLAG_VALUES: Record<string, string[]> = {
  restart: ['always', 'no', 'on-failure', 'unless-stopped'],
  network: ['bridge', 'host', 'none'],
  'log-level': ['debug', 'info', 'warn', 'error', 'fatal'],
  pull: ['always', 'missing', 'never'],
};

function takesValue(flags: FlagSet, word: string): { name: string } | null {
  if (word.includes('=')) return null;
  let flag;
  if (word.startsWith('--')) flag = flags.lookup(word.slice(2));
  else if (word.length === 2 && word[0] === '-') flag = flags.shorthandLookup(word[1]!);
  else if (word.startsWith('-') && word.length > 2) {
    // -it, -dp: the last letter takes the value if it needs one
    const letters = word.slice(1);
    for (let i = 0; i < letters.length; i++) {
      const f = flags.shorthandLookup(letters[i]!);
      if (!f) return null;
      if (f.spec.type !== 'bool' && f.spec.noOptDefVal === undefined) return i === letters.length - 1 ? { name: f.spec.name } : null;
    }
    return null;
  }
  if (!flag || flag.spec.type === 'bool' || flag.spec.noOptDefVal !== undefined) return null;
  return { name: flag.spec.name };
}

function docker(src: CompletionSource, words: string[], current: string, quoted: boolean): Candidate[] {
  const server = src.server === undefined ? SERVER : src.server;
  const env = new Map(src.env ?? []);
  // the CLI loads after the prompt is up (cli/dispatch.ts): until then docker's words offer nothing
  const cli = loadedCli();
  if (!cli) return [];
  const { unsupported } = cli;
  let node = new cli.CommandNode(cli.newRootCommand(env), undefined, cli.newHelpFlag());
  const positional: string[] = [];
  let afterDashes = false;
  let pendingFlag: string | null = null;
  for (const w of words) {
    if (pendingFlag !== null) {
      pendingFlag = null;
      continue;
    }
    if (!afterDashes && w === '--') {
      afterDashes = true;
      continue;
    }
    if (!afterDashes && w.startsWith('-') && w !== '-' && (positional.length === 0 || (node.spec.interspersed ?? true))) {
      const needs = takesValue(node.flags, w);
      if (needs) pendingFlag = needs.name;
      continue;
    }
    if (positional.length === 0 && node.hasSubCommands) {
      const next = node.findNext(w);
      if (next) {
        node = next;
        continue;
      }
    }
    positional.push(w);
  }
  if (pendingFlag !== null) return flagValue(src, pendingFlag, current, quoted);
  const interspersed = node.spec.interspersed ?? true;
  if (!afterDashes && current.startsWith('-') && (positional.length === 0 || interspersed)) {
    if (current.startsWith('--') && current.includes('=')) {
      const eq = current.indexOf('=');
      const name = current.slice(2, eq);
      return flagValue(src, name, current.slice(eq + 1), quoted).map((c) => ({ ...c, value: current.slice(0, eq + 1) + c.value }));
    }
    return flagNames(cli, node, words, current, server);
  }
  if (node.hasSubCommands && positional.length === 0) {
    return node.children
      .filter((c) => !c.spec.hidden && !unsupported(c.spec.annotations, server) && c.name.startsWith(current))
      .map((c) => ({ value: c.name, display: c.name }));
  }
  const path = pathOf(node);
  const spec = argumentsOf(path);
  switch (spec.kind) {
    case 'images':
      if (spec.limit !== UNLIMITED && positional.length >= spec.limit) return [];
      return images(src, current);
    case 'containers':
      if (spec.limit !== UNLIMITED && positional.length >= spec.limit) return [];
      return containers(src, current, spec.filter, env);
    case 'inspect':
      return [...containers(src, current, ANY, env), ...images(src, current)];
    case 'files':
      if (positional.length >= spec.limit) return [];
      return paths(src, current, quoted, spec.dirs ? 'dirs' : 'all');
    case 'cp':
      if (positional.length >= 2) return [];
      if (current.includes(':')) return [];
      return [
        ...containers(src, current, ANY, env).map((c) => ({ value: `${c.value}:`, display: `${c.display}:`, noSpace: true })),
        ...paths(src, current, quoted, 'all'),
      ];
    case 'commands': {
      let target: CommandNode = root(node);
      for (const w of positional) {
        const next = target.findNext(w);
        if (!next) return [];
        target = next;
      }
      return target.children
        .filter((c) => !c.spec.hidden && !unsupported(c.spec.annotations, server) && c.name.startsWith(current))
        .map((c) => ({ value: c.name, display: c.name }));
    }
    case 'none':
      return [];
  }
}

function root(node: CommandNode): CommandNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

function pathOf(node: CommandNode): string {
  const names: string[] = [];
  for (let n: CommandNode | undefined = node; n; n = n.parent) names.unshift(n.parent ? n.name : 'docker');
  return names.join(' ');
}

/** The flags of a command, long names (and shorthands after a lone `-`), without those given already. */
function flagNames({ unsupported }: LoadedCli, node: CommandNode, words: string[], current: string, server: ServerInfo | null): Candidate[] {
  const given = new Set<string>();
  for (const w of words) {
    if (w.startsWith('--')) given.add(w.slice(2).split('=')[0]!);
    else if (w.startsWith('-') && w.length >= 2) for (const ch of w.slice(1)) {
      const f = node.flags.shorthandLookup(ch);
      if (f) given.add(f.spec.name);
    }
  }
  const repeatable = new Set(['stringArray', 'stringSlice', 'list', 'map', 'filter', 'ulimit', 'mount', 'network', 'gpu-request']);
  const out: Candidate[] = [];
  for (const f of node.flags.sorted()) {
    const s = f.spec;
    if (s.hidden || s.deprecated || unsupported(s.annotations, server)) continue;
    if (given.has(s.name) && !repeatable.has(s.type)) continue;
    const long = `--${s.name}`;
    if (long.startsWith(current)) out.push({ value: long, display: long });
    if (current === '-' && s.shorthand && !s.shorthandDeprecated) out.push({ value: `-${s.shorthand}`, display: `-${s.shorthand}` });
  }
  return out;
}

function flagValue(src: CompletionSource, name: string, current: string, quoted: boolean): Candidate[] {
  if (FILE_FLAGS.has(name)) return paths(src, current, quoted, 'all');
  if (name === 'volumes-from') return containers(src, current, ANY, new Map(src.env ?? []));
  const values = FLAG_VALUES[name];
  if (values) return values.filter((v) => v.startsWith(current)).map((v) => ({ value: v, display: v }));
  return [];
}

/** Image references (repo:tag); IDs when what is typed matches no reference but an ID. */
function images(src: CompletionSource, current: string): Candidate[] {
  const list = src.images();
  const out: Candidate[] = [];
  for (const img of list) for (const tag of img.repoTags) if (tag.startsWith(current)) out.push({ value: tag, display: tag });
  if (out.length === 0 && current !== '' && /^(sha256:)?[0-9a-f]+$/.test(current)) {
    for (const img of list) {
      const hex = img.id.replace(/^sha256:/, '');
      const short = hex.slice(0, 12);
      if (current.startsWith('sha256:') ? img.id.startsWith(current) : short.startsWith(current)) {
        const value = current.startsWith('sha256:') ? img.id : short;
        out.push({ value, display: value });
      }
    }
  }
  return out;
}

/**
 * Container names (docker's default); IDs as well with
 * DOCKER_COMPLETION_SHOW_CONTAINER_IDS=yes, or when what is typed matches no
 * name but an ID.
 */
function containers(src: CompletionSource, current: string, filter: (c: CompletionContainer) => boolean, env: ReadonlyMap<string, string>): Candidate[] {
  const list = src.containers().filter(filter);
  const out: Candidate[] = [];
  for (const c of list) if (c.name.startsWith(current)) out.push({ value: c.name, display: c.name });
  const showIds = env.get('DOCKER_COMPLETION_SHOW_CONTAINER_IDS') === 'yes';
  if (showIds || (out.length === 0 && current !== '' && /^[0-9a-f]+$/.test(current))) {
    for (const c of list) {
      const short = c.id.slice(0, 12);
      if (short.startsWith(current)) out.push({ value: short, display: short });
    }
  }
  return out;
}

/** What completion sees of a simulated host, for one terminal (its working directory). */
export function hostSource(host: Pick<SimulatedHost, 'daemon' | 'fs'>, cwd: () => string): CompletionSource {
  return {
    fs: host.fs,
    get cwd() {
      return cwd();
    },
    builtins: [...BUILTINS.keys()],
    containers: () =>
      host.daemon.containersByCreation().map((c) => ({
        id: c.id,
        name: c.name,
        state: c.state.Status,
      })),
    images: () => host.daemon.listImages().map((i) => ({ id: i.id, repoTags: i.repoTags })),
    server: SERVER,
  };
}
