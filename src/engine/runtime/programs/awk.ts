// awk: busybox's applet and Debian's mawk (bookworm's /usr/bin/awk, through
// /etc/alternatives). A compact POSIX awk written here: npm has no
// maintained awk interpreter that runs in a browser (the `awk` package is a
// 1.0.0 wrapper of an abandoned webAwk), and ours must speak each tool's
// own messages and exit codes and run on the virtual file system, streams
// and scheduler. Three stages as elsewhere: lex, parse to a tree, evaluate.
import { FsError } from '../../fs/types.ts';
import { SIGNAL_NUMBERS, type OutputStream, type Program, type ProcessContext } from '../process.ts';
import { Killed } from '../scheduler.ts';
import { BrokenPipe, lineReader, stringInput, type LineReader } from '../sh/io.ts';
import { basename, resolvePath } from '../sh/path.ts';
import type { Flavour } from './common.ts';
import { translateRegex } from './regex.ts';

/** awk by command name (awk, and mawk for GNU userlands). */
export function awkPrograms(f: Flavour): Map<string, Program> {
  const m = new Map<string, Program>([['awk', awkProgram(f)]]);
  if (f === 'gnu') m.set('mawk', awkProgram(f));
  return m;
}

// ---- bytes -------------------------------------------------------------------
// Both awks work on bytes (C locale): length("é") is 2. Inside, a string holds
// one byte per character; text turns into bytes where it comes in and back
// where it goes out.

const ASCII = /^[\x00-\x7f]*$/;

function toBytes(text: string): string {
  if (ASCII.test(text)) return text;
  return bytesOf(new TextEncoder().encode(text));
}

function bytesOf(data: Uint8Array): string {
  let out = '';
  for (let i = 0; i < data.length; i += 8192) out += String.fromCharCode(...data.subarray(i, i + 8192));
  return out;
}

function fromBytes(bytes: string): string {
  if (ASCII.test(bytes)) return bytes;
  return new TextDecoder().decode(u8(bytes));
}

function u8(bytes: string): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return out;
}

/** A text stream fed bytes: a character split across two writes still arrives whole. */
class ByteOutput implements OutputStream {
  private pending = '';
  constructor(private readonly text: OutputStream) {}
  write(bytes: string): void {
    let b = this.pending + bytes;
    this.pending = '';
    // hold back a sequence the next write completes
    for (let k = 1; k <= 3 && k <= b.length; k++) {
      const c = b.charCodeAt(b.length - k);
      if (c < 0x80) break;
      if (c >= 0xc0) {
        const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (need > k) {
          this.pending = b.slice(b.length - k);
          b = b.slice(0, b.length - k);
        }
        break;
      }
    }
    if (b) this.text.write(fromBytes(b));
  }
}

// ---- values ----------------------------------------------------------------

/** A string from input (a field, getline, -v, split): numeric when it looks like a number. */
class StrNum {
  readonly num: number | null;
  constructor(
    readonly s: string,
    num?: number,
  ) {
    this.num = num ?? (NUMERIC.test(s) ? Number(s.trim()) : null);
  }
}
type Val = number | string | StrNum;
/** An associative array: values by key; under mawk also its hash table's shape, which orders `for (k in a)`. */
class AwkArray extends Map<string, Val> {
  order: MawkOrder | null = null;
}

/** A subscript: its string, and the integer mawk files it under when it was a number. */
interface Key {
  s: string;
  ival: number | null;
}

interface ANode {
  sval: string | null;
  ival: number | null;
  hval: number;
  ilink: ANode | null;
  slink: ANode | null;
}

const SPLIT = 4;
const INT = 1;
const STR = 2;
const NOT_INT = null;

/**
 * The shape of a mawk array, kept to walk keys in mawk's order. mawk (array.w)
 * keeps each element on an integer list and/or a string list of a table of
 * 64 lists that doubles past 12 elements a list on average; a lookup moves
 * the element it finds to the front of its list, and `for (k in a)` walks
 * the string lists, giving integer-only elements their strings first. split()
 * fills a plain vector that becomes a table on the first other access.
 */
class MawkOrder {
  private type = 0;
  private hmask = 63;
  private limit = 768;
  private size = 0;
  private ilists: (ANode | null)[] = [];
  private slists: (ANode | null)[] = [];

  /** Finds (and with `create`, adds) an element, as array_find does. */
  find(k: Key, create: boolean): void {
    if (this.size === 0 && !create) return;
    if (k.ival !== null) {
      if (this.type === SPLIT) {
        if (k.ival >= 1 && k.ival <= this.size) return;
        if (!create) return;
        this.splitToTable();
      } else if (this.type === 0) this.emptyTable(INT);
      this.findI(k.ival, create);
    } else this.findS(k.s, create);
  }

  delete(k: Key): void {
    if (this.size === 0) return;
    let node: ANode | null;
    if (k.ival !== null) {
      if (this.type === SPLIT) {
        if (k.ival < 1 || k.ival > this.size) return;
        this.splitToTable();
      }
      node = this.findI(k.ival, false);
      if (!node) return;
      this.ilists[k.ival & this.hmask] = node.ilink;
      if (node.sval !== null) this.unlink(this.slists, node.hval & this.hmask, node, 'slink');
    } else {
      node = this.findS(k.s, false);
      if (!node) return;
      this.slists[node.hval & this.hmask] = node.slink;
      if (node.ival !== NOT_INT) this.unlink(this.ilists, node.ival & this.hmask, node, 'ilink');
    }
    if (--this.size === 0) this.clear();
  }

  clear(): void {
    this.type = 0;
    this.size = 0;
    this.ilists = [];
    this.slists = [];
  }

  /** split() leaves a vector of `n` elements. */
  load(n: number): void {
    this.clear();
    this.type = SPLIT;
    this.size = n;
  }

  /** The keys in the order `for (k in a)` visits them. */
  walk(): string[] {
    if (this.size === 0) return [];
    if (!(this.type & STR)) this.addStrings();
    const out: string[] = [];
    for (let i = 0; i <= this.hmask; i++) for (let p = this.slists[i] ?? null; p; p = p.slink) out.push(p.sval!);
    return out;
  }

  private unlink(lists: (ANode | null)[], i: number, node: ANode, link: 'ilink' | 'slink'): void {
    let q: ANode | null = null;
    let p = lists[i] ?? null;
    while (p && p !== node) {
      q = p;
      p = p[link];
    }
    if (q) q[link] = node[link];
    else lists[i] = node[link];
  }

  private emptyTable(type: number): void {
    this.type = type;
    this.hmask = 63;
    this.limit = 768;
    this.ilists = new Array<ANode | null>(64).fill(null);
    this.slists = new Array<ANode | null>(64).fill(null);
  }

  private findI(ival: number, create: boolean): ANode | null {
    let i = ival & this.hmask;
    let q: ANode | null = null;
    let p = this.ilists[i] ?? null;
    for (;;) {
      if (!p) {
        if (this.type & STR) {
          p = this.findS(String(ival), create);
          if (!p) return null;
          i = ival & this.hmask;
        } else if (create) {
          p = { sval: null, ival: NOT_INT, hval: 0, ilink: null, slink: null };
          if (++this.size > this.limit) {
            this.double();
            i = ival & this.hmask;
          }
        } else return null;
        p.ival = ival;
        this.type |= INT;
        break;
      }
      if (p.ival === ival) {
        if (!q) return p;
        q.ilink = p.ilink;
        break;
      }
      q = p;
      p = p.ilink;
    }
    p.ilink = this.ilists[i] ?? null;
    this.ilists[i] = p;
    return p;
  }

  private findS(sval: string, create: boolean): ANode | null {
    const hval = fnv1(sval);
    if (!(this.type & STR)) this.addStrings();
    let i = hval & this.hmask;
    let q: ANode | null = null;
    let p = this.slists[i] ?? null;
    for (;;) {
      if (!p) {
        if (!create) return null;
        p = { sval, ival: NOT_INT, hval, ilink: null, slink: null };
        if (++this.size > this.limit) {
          this.double();
          i = hval & this.hmask;
        }
        break;
      }
      if (p.hval === hval && p.sval === sval) {
        if (!q) return p;
        q.slink = p.slink;
        break;
      }
      q = p;
      p = p.slink;
    }
    p.slink = this.slists[i] ?? null;
    this.slists[i] = p;
    return p;
  }

  private addStrings(): void {
    if (this.type === 0) return this.emptyTable(STR);
    if (this.type === SPLIT) this.splitToTable();
    for (let i = 0; i <= this.hmask; i++) {
      for (let p = this.ilists[i] ?? null; p; p = p.ilink) {
        p.sval = String(p.ival);
        p.hval = fnv1(p.sval);
        const j = p.hval & this.hmask;
        p.slink = this.slists[j] ?? null;
        this.slists[j] = p;
      }
    }
    this.type |= STR;
  }

  private splitToTable(): void {
    const n = this.size;
    this.emptyTable(INT);
    while (n > this.limit) {
      this.hmask = this.hmask * 2 + 1;
      this.limit = (this.hmask + 1) * 12;
    }
    this.ilists = new Array<ANode | null>(this.hmask + 1).fill(null);
    this.slists = new Array<ANode | null>(this.hmask + 1).fill(null);
    for (let k = 1; k <= n; k++) {
      const j = k & this.hmask;
      this.ilists[j] = { sval: null, ival: k, hval: 0, ilink: this.ilists[j] ?? null, slink: null };
    }
  }

  /** Doubles the table: each list keeps the elements that stay, in order; the movers go, in order, to its twin. */
  private double(): void {
    const old = this.hmask;
    const mask = old * 2 + 1;
    const split = (lists: (ANode | null)[], link: 'ilink' | 'slink', slot: (p: ANode) => number) => {
      for (let i = 0; i <= old; i++) {
        const stay: ANode[] = [];
        const move: ANode[] = [];
        for (let p = lists[i] ?? null; p; p = p[link]) (slot(p) !== i ? move : stay).push(p);
        const chain = (nodes: ANode[]) => {
          nodes.forEach((p, k) => (p[link] = nodes[k + 1] ?? null));
          return nodes[0] ?? null;
        };
        lists[i] = chain(stay);
        lists[i + old + 1] = chain(move);
      }
    };
    if (this.type & STR) split(this.slists, 'slink', (p) => p.hval & mask);
    if (this.type & INT) split(this.ilists, 'ilink', (p) => p.ival! & mask);
    this.hmask = mask;
    this.limit = (mask + 1) * 12;
  }
}

/**
 * glibc's random(): the additive feedback generator r[i] = r[i-3] + r[i-31]
 * over a state seeded by the Park-Miller generator, its first 310 outputs
 * dropped; both awks' rand() is built on it.
 */
class GlibcRandom {
  private readonly r: number[] = [];
  constructor(seed: number) {
    const r = this.r;
    r[0] = seed === 0 ? 1 : seed | 0;
    for (let i = 1; i < 31; i++) {
      const hi = Math.trunc(r[i - 1]! / 127773);
      const lo = r[i - 1]! % 127773;
      let word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      r[i] = word;
    }
    for (let i = 31; i < 34; i++) r[i] = r[i - 31]!;
    for (let i = 34; i < 344; i++) r[i] = (r[i - 31]! + r[i - 3]!) | 0;
    this.r.splice(0, 344 - 34);
  }

  /** The next value, 0 to 2^31-1. */
  next(): number {
    const r = this.r;
    const v = (r[r.length - 31]! + r[r.length - 3]!) | 0;
    r.push(v);
    if (r.length > 64) r.splice(0, r.length - 34);
    return v >>> 1;
  }
}

/** mawk's string hash (hash2: FNV over the bytes). */
function fnv1(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const NUMERIC = /^[ \t\n\r\f\v]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)[ \t\n\r\f\v]*$/;
const NUM_PREFIX = /^[ \t\n\r\f\v]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/;
/** An unset variable: both "" and 0. */
const UNINIT = new StrNum('', 0);
/** A field past NF: an empty string, which compares as a string. */
const NO_FIELD = new StrNum('');

/** The number a string starts with, as C's strtod reads it (hexadecimal too). */
function strToNum(s: string): number {
  const hex = /^[ \t\n\r\f\v]*([-+]?)0[xX]([0-9a-fA-F]+)/.exec(s);
  if (hex) return (hex[1] === '-' ? -1 : 1) * parseInt(hex[2]!, 16);
  const m = NUM_PREFIX.exec(s);
  return m ? Number(m[0].trim()) : 0;
}

// ---- errors and control flow -------------------------------------------------

/** A compile error: the message after `awk: cmd. line:N: ` (busybox) or `awk: line N: ` (mawk). */
class SyntaxErr {
  constructor(
    readonly msg: string,
    readonly line: number,
    /** mawk prints some errors without `line N: ` (unexpected character: `awk: 1: ...`). */
    readonly bare = false,
  ) {}
}
/** A run-time error: busybox `awk: cmd. line:N: msg`, mawk `awk: run time error: msg` + where. */
/** How deep user functions may call before the simulated C stack overflows. */
const MAX_CALL_DEPTH = 10_000;

class RuntimeErr {
  constructor(readonly msg: string) {}
}
/** An error that ends awk with a message of its own (file errors). */
class Fatal {
  constructor(readonly msg: string) {}
}
class NextRecord {}
class ExitProgram {}
class BreakLoop {}
class ContinueLoop {}
class ReturnValue {
  constructor(readonly value: Val) {}
}

// ---- lexer ---------------------------------------------------------------------

type TokType = 'num' | 'str' | 'ere' | 'name' | 'func' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';
interface Token {
  t: TokType;
  v: string;
  line: number;
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
/** Builtins and [min, max] arguments. */
const BUILTINS: Record<string, [number, number]> = {
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 3], sub: [2, 3], gsub: [2, 3], match: [2, 2],
  sprintf: [1, 255], tolower: [1, 1], toupper: [1, 1], int: [1, 1], sqrt: [1, 1], exp: [1, 1], log: [1, 1],
  sin: [1, 1], cos: [1, 1], atan2: [2, 2], rand: [0, 0], srand: [0, 1], system: [1, 1], close: [1, 1], fflush: [0, 1],
};
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

class Lexer {
  /** The program's name in mawk's messages (set by the parser's caller). */
  name = 'awk';
  private i = 0;
  line = 1;
  private prev: Token | null = null;
  constructor(
    private readonly src: string,
    private readonly mawk: boolean,
  ) {}

  next(): Token {
    const tok = this.scan();
    this.prev = tok;
    return tok;
  }

  private regexAllowed(): boolean {
    const p = this.prev;
    if (!p) return true;
    if (p.t === 'num' || p.t === 'str' || p.t === 'ere' || p.t === 'name' || p.t === 'builtin') return false;
    if (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--')) return false;
    return true;
  }

  private scan(): Token {
    const s = this.src;
    for (;;) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
        this.line++;
      } else if (c === '#') while (this.i < s.length && s[this.i] !== '\n') this.i++;
      else break;
    }
    const line = this.line;
    const tok = (t: TokType, v: string): Token => ({ t, v, line });
    if (this.i >= s.length) return tok('eof', '');
    const c = s[this.i]!;
    if (c === '\n') {
      this.i++;
      this.line++;
      return tok('nl', '\n');
    }
    if (!this.mawk) {
      // busybox reads program constants like C: 0x1A is hex, 010 octal
      const m = /^0[xX][0-9a-fA-F]+|^0[0-7]+(?![0-9.eE])/.exec(s.slice(this.i));
      if (m) {
        this.i += m[0].length;
        return tok('num', String(/^0[xX]/.test(m[0]) ? parseInt(m[0], 16) : parseInt(m[0], 8)));
      }
    }
    if (/[0-9.]/.test(c) && /^\.?[0-9]/.test(s.slice(this.i, this.i + 2))) {
      const m = /^(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(s.slice(this.i))!;
      this.i += m[0].length;
      return tok('num', m[0]);
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.i))!;
      this.i += m[0].length;
      const w = m[0];
      if (KEYWORDS.has(w)) return tok('kw', w === 'func' ? 'function' : w);
      if (w in BUILTINS) return tok('builtin', w);
      return tok(s[this.i] === '(' ? 'func' : 'name', w);
    }
    if (c === '"') return tok('str', this.string());
    if (c === '/' && this.regexAllowed()) return tok('ere', this.regex());
    for (const op of OPS) {
      if (s.startsWith(op, this.i)) {
        this.i += op.length;
        return tok('op', op);
      }
    }
    this.i++;
    if (this.mawk) {
      const shown = c > ' ' && c < '\x7f' ? `'${c}'` : `0x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
      throw new SyntaxErr(`${line}: unexpected character ${shown}`, line, true);
    }
    throw new SyntaxErr('Unexpected token', line);
  }

  private string(): string {
    const s = this.src;
    let out = '';
    this.i++;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '\n') {
        throw new SyntaxErr(this.mawk ? `runaway string constant "${out.slice(0, 10)} ...` : 'Unexpected end of string', this.line);
      }
      this.i++;
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = unescapeAt(s, this.i);
      if (e.text === '\n' && s[this.i] === '\n') this.line++;
      out += e.text;
      this.i = e.next;
    }
  }

  private regex(): string {
    const s = this.src;
    let out = '';
    this.i++;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '\n') {
        throw new SyntaxErr(this.mawk ? `runaway regular expression /${out.slice(0, 10)} ...` : 'Unexpected end of string', this.line);
      }
      this.i++;
      if (c === '/') return out;
      if (c === '\\' && s[this.i] === '/') {
        out += '/';
        this.i++;
      } else if (c === '\\' && s[this.i] !== undefined) {
        out += c + s[this.i];
        this.i++;
      } else out += c;
    }
  }
}

/** The escape after a backslash at `i` (the character after it): "\n", "\t", "\"", octal... */
function unescapeAt(s: string, i: number): { text: string; next: number } {
  const n = s[i];
  if (n === undefined) return { text: '\\', next: i };
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
  if (simple[n] !== undefined) return { text: simple[n]!, next: i + 1 };
  const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
  if (oct) return { text: String.fromCharCode(parseInt(oct[0], 8) & 255), next: i + oct[0].length };
  return { text: '\\' + n, next: i + 1 };
}

/** Escapes in -v values, -F and command-line assignments. */
function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') out += s[i];
    else {
      const e = unescapeAt(s, i + 1);
      out += e.text;
      i = e.next - 1;
    }
  }
  return out;
}

// ---- syntax tree ---------------------------------------------------------------

type LValue =
  | { k: 'var'; name: string }
  | { k: 'local'; i: number; name: string }
  | { k: 'index'; arr: ArrayRef; subs: Expr[] }
  | { k: 'field'; e: Expr };
type ArrayRef = { k: 'var'; name: string } | { k: 'local'; i: number; name: string };

type Expr =
  | LValue
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; re: string }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; arr: ArrayRef }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'cmp'; op: string; a: Expr; b: Expr }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'arith'; op: string; a: Expr; b: Expr }
  | { k: 'neg' | 'plus' | 'not'; e: Expr }
  | { k: 'incr'; pre: boolean; d: number; target: LValue }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target: LValue | null; file: Expr | null; cmd: Expr | null }
  | { k: 'group'; e: Expr };

interface Redirect {
  mode: '>' | '>>' | '|';
  e: Expr;
}
type Stmt =
  | { k: 'expr'; e: Expr; line: number }
  | { k: 'print' | 'printf'; args: Expr[]; to: Redirect | null; line: number }
  | { k: 'if'; c: Expr; then: Stmt; else: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt }
  | { k: 'forin'; v: LValue; arr: ArrayRef; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e: Expr | null; line: number }
  | { k: 'delete'; arr: ArrayRef; subs: Expr[] | null; line: number };

interface Rule {
  pattern: Expr | null;
  range: Expr | null;
  body: Stmt[] | null;
  inRange: boolean;
}
interface Func {
  name: string;
  params: string[];
  body: Stmt[];
}
interface AwkProgram {
  begin: Stmt[][];
  end: Stmt[][];
  rules: Rule[];
  funcs: Map<string, Func>;
}

// ---- parser --------------------------------------------------------------------

const CONCAT_START = new Set(['num', 'str', 'ere', 'name', 'func', 'builtin']);

class Parser {
  private tok: Token;
  private ahead: Token | null = null;
  private readonly lex: Lexer;
  private params: string[] | null = null;
  private loops = 0;
  private parens = 0;
  private braces = 0;
  private readonly called: { name: string; line: number }[] = [];
  private readonly prog: AwkProgram = { begin: [], end: [], rules: [], funcs: new Map() };

  constructor(
    src: string,
    private readonly mawk: boolean,
    name = 'awk',
  ) {
    this.lex = new Lexer(src, mawk);
    this.lex.name = name;
    this.tok = this.lex.next();
  }

  /** How each global name is used: mawk rejects a name used both ways when it parses. */
  private readonly kinds = new Map<string, 'array' | 'variable'>();
  private use(e: Expr | ArrayRef, kind: 'array' | 'variable'): void {
    if (e.k !== 'var' || !this.mawk) return;
    const was = this.kinds.get(e.name);
    if (was && was !== kind) throw new SyntaxErr(`illegal reference to ${was} ${e.name}`, this.tok.line);
    this.kinds.set(e.name, kind);
  }

  parse(): AwkProgram {
    this.nls();
    while (this.tok.t !== 'eof') {
      this.item();
      this.terminators();
    }
    for (const c of this.called) {
      if (!this.prog.funcs.has(c.name) && this.mawk) throw new SyntaxErr(`function ${c.name} never defined`, this.lex.line);
    }
    return this.prog;
  }

  // -- tokens
  private advance(): Token {
    const t = this.tok;
    if (t.v === '(' && t.t === 'op') this.parens++;
    if (t.v === ')' && t.t === 'op') this.parens--;
    if (t.v === '{' && t.t === 'op') this.braces++;
    if (t.v === '}' && t.t === 'op') this.braces--;
    this.tok = this.ahead ?? this.lex.next();
    this.ahead = null;
    return t;
  }
  private peek(): Token {
    this.ahead ??= this.lex.next();
    return this.ahead;
  }
  private is(v: string): boolean {
    return (this.tok.t === 'op' || this.tok.t === 'kw') && this.tok.v === v;
  }
  private accept(v: string): boolean {
    if (!this.is(v)) return false;
    this.advance();
    return true;
  }
  private expect(v: string): void {
    if (!this.accept(v)) this.fail();
  }
  private nls(): void {
    while (this.tok.t === 'nl') this.advance();
  }
  private terminators(): void {
    while (this.tok.t === 'nl' || this.is(';')) this.advance();
  }

  /** The error for the current token, worded as each awk words it. */
  private fail(): never {
    const t = this.tok;
    if (!this.mawk) throw new SyntaxErr('Unexpected token', t.line);
    const shown = t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : t.v;
    if (this.parens > 0 && (t.t === 'eof' || t.t === 'nl' || t.v === ';' || t.v === '}')) throw new SyntaxErr(`missing ) near ${shown}`, t.line);
    if (this.braces > 0 && (t.t === 'eof' || t.v === 'BEGIN' || t.v === 'END')) throw new SyntaxErr(`missing } near ${shown}`, t.line);
    if (this.braces === 0 && t.v === '}' && t.t === 'op') {
      // mawk recovers and reports the token after it as well
      const n = this.peek();
      const after = n.t === 'eof' ? 'end of file' : n.t === 'nl' ? 'end of line' : n.v;
      throw new SyntaxErr(`extra '}'\n${this.lex.name}: line ${n.line}: syntax error at or near ${after}`, t.line);
    }
    throw new SyntaxErr(`syntax error at or near ${shown}`, t.line);
  }

  // -- program items
  private item(): void {
    if (this.accept('BEGIN')) {
      this.nls();
      this.prog.begin.push(this.action());
    } else if (this.accept('END')) {
      this.nls();
      this.prog.end.push(this.action());
    } else if (this.is('function')) this.func();
    else {
      let pattern: Expr | null = null;
      let range: Expr | null = null;
      if (!this.is('{')) {
        pattern = this.expr();
        if (this.accept(',')) {
          this.nls();
          range = this.expr();
        }
      }
      const body = this.is('{') ? this.action() : null;
      this.prog.rules.push({ pattern, range, body, inRange: false });
    }
  }

  private func(): void {
    this.advance();
    const t = this.advance();
    if (t.t !== 'name' && t.t !== 'func') this.fail();
    if (this.prog.funcs.has(t.v)) throw new SyntaxErr(this.mawk ? `function ${t.v} redefined` : 'Duplicate function', t.line);
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      const p = this.advance();
      if (p.t !== 'name') this.fail();
      params.push(p.v);
      if (!this.accept(',')) break;
      this.nls();
    }
    this.expect(')');
    this.nls();
    this.params = params;
    const body = this.action();
    this.params = null;
    this.prog.funcs.set(t.v, { name: t.v, params, body });
  }

  private action(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is('}')) {
      if (this.tok.t === 'eof') this.fail();
      body.push(this.stmt());
      this.terminators();
    }
    this.advance();
    return body;
  }

  // -- statements
  private endSimple(): void {
    if (this.tok.t === 'nl' || this.is(';')) this.advance();
    else if (!this.is('}') && this.tok.t !== 'eof') this.fail();
  }

  private body(): Stmt {
    this.nls();
    if (this.is(';')) {
      this.advance();
      return { k: 'block', body: [] };
    }
    return this.stmt();
  }

  private loopBody(): Stmt {
    this.loops++;
    try {
      return this.body();
    } finally {
      this.loops--;
    }
  }

  private stmt(): Stmt {
    const line = this.tok.line;
    if (this.is('{')) return { k: 'block', body: this.action() };
    if (this.accept('if')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      const then = this.body();
      // `else` may stand after the statement's terminators; once a statement
      // has ended, skipping them changes nothing for what follows
      this.terminators();
      if (this.accept('else')) return { k: 'if', c, then, else: this.body() };
      return { k: 'if', c, then, else: null };
    }
    if (this.accept('while')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      if (this.is(';')) {
        this.advance();
        return { k: 'while', c, body: { k: 'block', body: [] } };
      }
      return { k: 'while', c, body: this.loopBody() };
    }
    if (this.accept('do')) {
      const body = this.loopBody();
      this.terminators();
      this.expect('while');
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.endSimple();
      return { k: 'do', c, body };
    }
    if (this.accept('for')) {
      this.expect('(');
      if (this.tok.t === 'name' && this.peek().t === 'kw' && this.peek().v === 'in') {
        const v = this.varRef(this.advance().v);
        this.advance();
        const arr = this.arrayRef();
        if (this.is(')')) {
          this.advance();
          return { k: 'forin', v, arr, body: this.loopBody() };
        }
        this.fail();
      }
      const init = this.is(';') ? null : this.simpleStmt(line);
      this.expect(';');
      this.nls();
      const c = this.is(';') ? null : this.expr();
      this.expect(';');
      this.nls();
      const step = this.is(')') ? null : this.simpleStmt(line);
      this.expect(')');
      return { k: 'for', init, c, step, body: this.loopBody() };
    }
    if (this.is(';')) {
      this.advance();
      return { k: 'block', body: [] };
    }
    const s = this.simpleOrControl(line);
    this.endSimple();
    return s;
  }

  private simpleOrControl(line: number): Stmt {
    for (const k of ['next', 'nextfile', 'break', 'continue'] as const) {
      if (this.is(k)) {
        const t = this.advance();
        if ((k === 'break' || k === 'continue') && this.loops === 0) {
          throw new SyntaxErr(this.mawk ? `${k} statement outside of loop` : `'${k}' not in a loop`, t.line);
        }
        return { k };
      }
    }
    if (this.is('exit') || this.is('return')) {
      const k = this.advance().v as 'exit' | 'return';
      const ends = this.tok.t === 'nl' || this.tok.t === 'eof' || this.is(';') || this.is('}');
      return { k, e: ends ? null : this.expr(), line };
    }
    if (this.accept('delete')) {
      const arr = this.arrayRef();
      if (!this.accept('[')) return { k: 'delete', arr, subs: null, line };
      const subs = this.exprList();
      this.expect(']');
      return { k: 'delete', arr, subs, line };
    }
    return this.simpleStmt(line);
  }

  private simpleStmt(line: number): Stmt {
    if (this.is('print') || this.is('printf')) {
      const k = this.advance().v as 'print' | 'printf';
      let args: Expr[] = [];
      if (this.is('(')) {
        // print (a, b) > "f"  versus  print (a)(b)
        this.advance();
        const list = this.exprList();
        this.expect(')');
        if (list.length === 1 && !this.endsPrint()) {
          const first = this.tail({ k: 'group', e: list[0]! }, true);
          args = [first, ...(this.accept(',') ? (this.nls(), this.exprList(true)) : [])];
        } else if (list.length > 1 && !this.endsPrint()) this.fail();
        else args = list;
      } else if (!this.endsPrint()) args = this.exprList(true);
      let to: Redirect | null = null;
      if (this.is('>') || this.is('>>') || this.is('|')) {
        const mode = this.advance().v as Redirect['mode'];
        to = { mode, e: this.concat() };
      }
      if (k === 'printf' && args.length === 0) this.fail();
      return { k, args, to, line };
    }
    return { k: 'expr', e: this.expr(), line };
  }

  private endsPrint(): boolean {
    const t = this.tok;
    return t.t === 'nl' || t.t === 'eof' || this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|');
  }

  /** Continues an expression whose first operand is already parsed (print's parenthesised start). */
  private tail(first: Expr, noGt: boolean): Expr {
    this.pending = first;
    return this.expr(noGt);
  }
  private pending: Expr | null = null;

  private exprList(noGt = false): Expr[] {
    const list = [this.expr(noGt)];
    while (this.accept(',')) {
      this.nls();
      list.push(this.expr(noGt));
    }
    return list;
  }

  // -- expressions, lowest precedence first
  private expr(noGt = false): Expr {
    const left = this.ternary(noGt);
    if (this.tok.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(this.tok.v)) {
      if (!isLValue(left)) this.fail();
      this.use(left, 'variable');
      const op = this.advance().v;
      this.nls();
      return { k: 'assign', op, target: left, e: this.expr(noGt) };
    }
    return left;
  }

  private ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (!this.accept('?')) return c;
    this.nls();
    const a = this.expr(noGt);
    this.nls();
    this.expect(':');
    this.nls();
    return { k: 'cond', c, a, b: this.expr(noGt) };
  }

  private or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.accept('||')) {
      this.nls();
      a = { k: 'or', a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.accept('&&')) {
      this.nls();
      a = { k: 'and', a, b: this.inExpr(noGt) };
    }
    return a;
  }

  private inExpr(noGt: boolean): Expr {
    let a = this.match(noGt);
    while (this.accept('in')) a = { k: 'in', subs: [a], arr: this.arrayRef() };
    return a;
  }

  private match(noGt: boolean): Expr {
    let a = this.rel(noGt);
    while (this.is('~') || this.is('!~')) {
      const neg = this.advance().v === '!~';
      a = { k: 'match', neg, a, re: this.rel(noGt) };
    }
    return a;
  }

  private rel(noGt: boolean): Expr {
    let a = this.pipeGetline(this.concat());
    const ops = noGt ? ['<', '<=', '!=', '==', '>='] : ['<', '<=', '!=', '==', '>', '>='];
    if (this.tok.t === 'op' && ops.includes(this.tok.v)) {
      const op = this.advance().v;
      a = { k: 'cmp', op, a, b: this.pipeGetline(this.concat()) };
    }
    return a;
  }

  private pipeGetline(a: Expr): Expr {
    while (this.is('|') && this.peek().t === 'kw' && this.peek().v === 'getline') {
      this.advance();
      this.advance();
      a = { k: 'getline', target: this.optLValue(), file: null, cmd: a };
    }
    return a;
  }

  private concat(): Expr {
    let a = this.additive();
    while (CONCAT_START.has(this.tok.t) || this.is('$') || this.is('(') || this.is('++') || this.is('--')) {
      a = { k: 'concat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.mul();
    while (this.is('+') || this.is('-')) {
      const op = this.advance().v;
      a = { k: 'arith', op, a, b: this.mul() };
    }
    return a;
  }

  private mul(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.advance().v;
      a = { k: 'arith', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.accept('!')) return { k: 'not', e: this.unary() };
    if (this.accept('-')) return { k: 'neg', e: this.unary() };
    if (this.accept('+')) return { k: 'plus', e: this.unary() };
    return this.pow();
  }

  private pow(): Expr {
    const a = this.postfix();
    if (this.is('^') || (this.is('**') && !this.mawk)) {
      this.advance();
      // right-associative; the exponent may carry a sign: 2^-1
      const b = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.pow();
      return { k: 'arith', op: '^', a, b };
    }
    return a;
  }

  private postfix(): Expr {
    const a = this.primary();
    if (isLValue(a) && (this.is('++') || this.is('--'))) {
      this.use(a, 'variable');
      const d = this.advance().v === '++' ? 1 : -1;
      return { k: 'incr', pre: false, d, target: a };
    }
    return a;
  }

  private primary(): Expr {
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      return p;
    }
    const t = this.tok;
    switch (t.t) {
      case 'num':
        this.advance();
        return { k: 'num', v: Number(t.v) };
      case 'str':
        this.advance();
        return { k: 'str', v: t.v };
      case 'ere':
        this.advance();
        return { k: 're', re: t.v };
      case 'func': {
        this.advance();
        if (this.params?.includes(t.v) || !this.is('(')) return this.varOrIndex(t.v);
        this.advance();
        const args = this.is(')') ? [] : this.exprList();
        this.expect(')');
        this.called.push({ name: t.v, line: t.line });
        return { k: 'call', name: t.v, args, line: t.line };
      }
      case 'name':
        this.advance();
        return this.varOrIndex(t.v);
      case 'builtin':
        return this.builtin();
      case 'kw':
        if (t.v === 'getline') {
          this.advance();
          const target = this.optLValue();
          if (this.accept('<')) return { k: 'getline', target, file: this.primary(), cmd: null };
          return { k: 'getline', target, file: null, cmd: null };
        }
        break;
      case 'op':
        if (t.v === '$') {
          this.advance();
          if (this.is('++') || this.is('--')) {
            const d = this.advance().v === '++' ? 1 : -1;
            const target = this.primary();
            if (!isLValue(target)) this.fail();
            return { k: 'field', e: { k: 'incr', pre: true, d, target } };
          }
          if (this.accept('-')) return { k: 'field', e: { k: 'neg', e: this.primary() } };
          return { k: 'field', e: this.primary() };
        }
        if (t.v === '++' || t.v === '--') {
          this.advance();
          const target = this.primary();
          if (!isLValue(target)) this.fail();
          return { k: 'incr', pre: true, d: t.v === '++' ? 1 : -1, target };
        }
        if (t.v === '(') {
          this.advance();
          this.nls();
          const list = this.exprList();
          this.nls();
          this.expect(')');
          if (list.length > 1) {
            if (!this.accept('in')) this.fail();
            return { k: 'in', subs: list, arr: this.arrayRef() };
          }
          return { k: 'group', e: list[0]! };
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') return this.unary();
        break;
      default:
        break;
    }
    return this.fail();
  }

  private optLValue(): LValue | null {
    if (this.tok.t === 'name' || (this.tok.t === 'func' && this.params?.includes(this.tok.v))) return this.varOrIndex(this.advance().v) as LValue;
    if (this.is('$')) {
      this.advance();
      return { k: 'field', e: this.primary() };
    }
    return null;
  }

  private builtin(): Expr {
    const name = this.advance().v;
    const [min, max] = BUILTINS[name]!;
    let args: Expr[] = [];
    if (this.accept('(')) {
      if (!this.is(')')) args = this.exprList();
      this.expect(')');
    } else if (name !== 'length') this.fail();
    if (args.length < min || args.length > max) {
      if (this.mawk) throw new SyntaxErr(`wrong number of arguments in call to ${name}`, this.tok.line);
      throw new SyntaxErr(args.length < min ? 'Too few arguments' : 'Too many arguments', this.tok.line);
    }
    if ((name === 'sub' || name === 'gsub') && args[2] && !isLValue(args[2])) this.fail();
    if (name === 'split' && !isName(args[1]!)) this.fail();
    return { k: 'builtin', name, args };
  }

  private varRef(name: string): { k: 'var'; name: string } | { k: 'local'; i: number; name: string } {
    const i = this.params?.indexOf(name) ?? -1;
    return i >= 0 ? { k: 'local', i, name } : { k: 'var', name };
  }

  private arrayRef(): ArrayRef {
    const t = this.advance();
    if (t.t !== 'name' && t.t !== 'func') this.fail();
    const ref = this.varRef(t.v);
    this.use(ref, 'array');
    return ref;
  }

  private varOrIndex(name: string): Expr {
    const ref = this.varRef(name);
    if (!this.is('[')) return ref;
    this.use(ref, 'array');
    this.advance();
    const subs = this.exprList();
    this.expect(']');
    return { k: 'index', arr: ref, subs };
  }
}

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'local' || e.k === 'index' || e.k === 'field';
}
function isName(e: Expr): boolean {
  return e.k === 'var' || e.k === 'local';
}

// ---- number formatting -------------------------------------------------------------

function expDigits(s: string): string {
  return s.replace(/e([-+])(\d)$/, 'e$10$2');
}

/** C's %e, %f and %g for a finite non-negative number. */
function cFormat(conv: string, a: number, prec: number, alt: boolean): string {
  const c = conv.toLowerCase();
  let s: string;
  if (c === 'f') s = a.toFixed(prec);
  else if (c === 'e') s = expDigits(a.toExponential(prec));
  else {
    const p = prec === 0 ? 1 : prec;
    if (a === 0) s = alt ? (0).toFixed(p - 1) : '0';
    else {
      const x = Math.floor(Math.log10(Number(a.toExponential(p - 1))));
      if (x < -4 || x >= p) {
        s = a.toExponential(p - 1);
        if (!alt) s = s.replace(/\.?0+e/, 'e');
        s = expDigits(s);
      } else {
        s = a.toFixed(Math.max(0, p - 1 - x));
        if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
      }
    }
  }
  return conv === c ? s : s.toUpperCase();
}

function nonFinite(v: number): string {
  return Number.isNaN(v) ? '-nan' : v > 0 ? 'inf' : '-inf';
}

// ---- the interpreter ----------------------------------------------------------------

interface Stream {
  kind: 'file' | 'pipe';
  path: string;
  text: string;
}

class Awk {
  readonly globals = new Map<string, Val | AwkArray>();
  private frame: (Val | AwkArray | undefined)[] = [];
  private record = '';
  private fields: Val[] | null = null;
  private nf = 0;
  private readonly regexCache = new Map<string, RegExp>();
  private readonly outputs = new Map<string, Stream>();
  private readonly readers = new Map<string, { lines: string[]; at: number }>();
  private outBuf = '';
  private exitStatus = 0;
  private ticks = 0;
  /** User function calls in progress (see MAX_CALL_DEPTH). */
  private depth = 0;
  /** The main input: operands still to read and the current source. */
  private argIndex = 1;
  private current: { reader: LineReader | null; text: string | null; pos: number } | null = null;
  private inputSeen = false;
  private line = 1;

  constructor(
    readonly ctx: ProcessContext,
    /** The process as it is, with text streams: what commands awk starts inherit. */
    readonly text: ProcessContext,
    readonly prog: AwkProgram,
    readonly mawk: boolean,
    readonly name: string,
  ) {
    // busybox starts from glibc's unseeded state (seed 1); mawk seeds itself from the clock
    this.seed = mawk ? Math.floor(ctx.now() / 1000) : 1;
    this.rng = new GlibcRandom(this.seed);
    const g = this.globals;
    for (const [k, v] of [['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['RS', '\n'], ['SUBSEP', '\x1c'], ['CONVFMT', '%.6g'], ['OFMT', '%.6g'], ['FILENAME', '']] as const) g.set(k, v);
    for (const k of ['NR', 'FNR', 'RSTART', 'RLENGTH']) g.set(k, 0);
    g.set('RLENGTH', -1);
    const env = new AwkArray();
    for (const [k, v] of ctx.env) env.set(k, new StrNum(v));
    g.set('ENVIRON', env);
  }

  // -- output
  write(text: string): void {
    this.outBuf += text;
    // mawk buffers standard output unless it is a terminal; busybox's output
    // keeps its order with what it writes elsewhere
    if (!this.mawk || this.ctx.tty || this.outBuf.length >= 4096) this.flush();
  }
  flush(): void {
    if (this.outBuf) {
      const t = this.outBuf;
      this.outBuf = '';
      this.ctx.stdout.write(t);
    }
  }

  private async output(to: Redirect | null, text: string): Promise<void> {
    if (!to) return this.write(text);
    const name = this.str(await this.ev(to.e));
    if (name === '/dev/stdout' || name === '-') return this.write(text);
    if (name === '/dev/stderr') {
      this.ctx.stderr.write(text);
      return;
    }
    let s = this.outputs.get(name);
    if (!s) {
      s = { kind: to.mode === '|' ? 'pipe' : 'file', path: resolvePath(this.ctx.cwd, fromBytes(name)), text: '' };
      if (s.kind === 'file') {
        try {
          if (to.mode === '>' || !this.ctx.fs.exists(s.path)) this.ctx.fs.writeFile(s.path, new Uint8Array(), {});
          else this.ctx.fs.writeFile(s.path, new Uint8Array(), { append: true });
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          throw new Fatal(this.mawk ? `cannot open "${name}" for output (${e.description})` : `can't open '${name}': ${e.description}`);
        }
      }
      this.outputs.set(name, s);
    }
    if (s.kind === 'file') this.ctx.fs.writeFile(s.path, u8(text), { append: true });
    else s.text += text;
  }

  private async closeStream(name: string): Promise<number> {
    const r = this.readers.get(name);
    if (r) {
      this.readers.delete(name);
      return 0;
    }
    const s = this.outputs.get(name);
    if (!s) return -1;
    this.outputs.delete(name);
    if (s.kind === 'file') return 0;
    this.flush();
    return this.ctx.spawn(['sh', '-c', fromBytes(name)], { stdin: stringInput(fromBytes(s.text)), stdout: this.text.stdout, stderr: this.text.stderr });
  }

  async closeAll(): Promise<void> {
    this.flush();
    for (const name of [...this.outputs.keys()]) await this.closeStream(name);
  }

  // -- conversions
  num(v: Val): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'string') return strToNum(v);
    return v.num ?? strToNum(v.s);
  }

  str(v: Val, fmtVar = 'CONVFMT'): string {
    if (typeof v === 'string') return v;
    if (typeof v !== 'number') return v.s;
    if (Number.isInteger(v) && (this.mawk ? Math.abs(v) <= 0x7fffffff : Math.abs(v) < 2 ** 63)) return String(v);
    if (!Number.isFinite(v)) return nonFinite(v);
    return this.sprintf(this.str(this.scalar(fmtVar)), [v]);
  }

  private bool(v: Val): boolean {
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    return v.num !== null ? v.num !== 0 : v.s !== '';
  }

  private isNumeric(v: Val): boolean {
    return typeof v === 'number' || (v instanceof StrNum && v.num !== null);
  }

  private compare(a: Val, b: Val): number {
    if (this.isNumeric(a) && this.isNumeric(b)) {
      const x = this.num(a);
      const y = this.num(b);
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    }
    const x = this.str(a);
    const y = this.str(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  // -- variables
  scalar(name: string): Val {
    if (name === 'NF') return this.getNF();
    const v = this.globals.get(name);
    if (v instanceof AwkArray) throw this.arrayAsScalar(name);
    return v ?? UNINIT;
  }

  setScalar(name: string, v: Val): void {
    // busybox lets a name change kind; mawk refuses when it parses
    if (this.globals.get(name) instanceof AwkArray && this.mawk) throw this.arrayAsScalar(name);
    if (name === 'NF') return this.setNF(this.num(v));
    this.globals.set(name, v);
  }

  private arrayAsScalar(name: string): RuntimeErr {
    return new RuntimeErr(this.mawk ? `can't use array ${name} in scalar context` : 'Not an array');
  }

  array(ref: ArrayRef): AwkArray {
    if (ref.k === 'local') {
      const v = this.frame[ref.i];
      if (v instanceof AwkArray) return v;
      if (v === undefined || !this.mawk) {
        const a = new AwkArray();
        this.frame[ref.i] = a;
        return a;
      }
      throw new RuntimeErr(this.mawk ? `can't use scalar ${ref.name} as array` : 'Not an array');
    }
    const v = this.globals.get(ref.name);
    if (v instanceof AwkArray) return v;
    if (v === undefined || !this.mawk) {
      const a = new AwkArray();
      this.globals.set(ref.name, a);
      return a;
    }
    throw new RuntimeErr(this.mawk ? `can't use scalar ${ref.name} as array` : 'Not an array');
  }

  // -- record and fields
  setRecord(text: string): void {
    this.record = text;
    this.fields = null;
    // fields split later still follow the FS of this moment, as in both tools
    this.recordFS = this.scalar('FS');
  }
  private recordFS: Val = ' ';

  private split(): Val[] {
    if (!this.fields) {
      this.fields = this.splitText(this.record, this.recordFS).map((s) => new StrNum(s));
      this.nf = this.fields.length;
    }
    return this.fields;
  }

  splitText(text: string, fsVal: Val | { re: string }): string[] {
    if (typeof fsVal === 'object' && 're' in fsVal) return this.splitRe(text, this.regex(fsVal.re));
    const fs = this.str(fsVal);
    if (fs === ' ') {
      const t = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    if (text === '') return [];
    if (fs === '') return text.split('');
    if (fs.length === 1 && fs !== '\\') return text.split(fs);
    return this.splitRe(text, this.regex(fs));
  }

  private splitRe(text: string, re: RegExp): string[] {
    if (text === '') return [];
    const out: string[] = [];
    const g = new RegExp(re.source, re.flags + 'g');
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = g.exec(text)) !== null) {
      if (m[0] === '') {
        g.lastIndex++;
        continue;
      }
      out.push(text.slice(last, m.index));
      last = m.index + m[0].length;
    }
    out.push(text.slice(last));
    return out;
  }

  getNF(): number {
    this.split();
    return this.nf;
  }

  setNF(n: number): void {
    const f = this.split();
    n = Math.trunc(n);
    if (n < 0) throw new RuntimeErr(this.mawk ? `NF set to negative value` : 'NF set to negative value');
    while (f.length < n) f.push(UNINIT);
    f.length = n;
    this.nf = n;
    this.rebuild();
  }

  private rebuild(): void {
    const ofs = this.str(this.scalar('OFS'));
    this.record = this.fields!.map((v) => this.str(v)).join(ofs);
  }

  getField(i: number): Val {
    if (i < 0) throw new RuntimeErr(this.mawk ? `negative field index $${i}` : 'Access to negative field');
    if (i === 0) return new StrNum(this.record);
    const f = this.split();
    return i <= f.length ? f[i - 1]! : NO_FIELD;
  }

  setField(i: number, v: Val): void {
    if (i < 0) throw new RuntimeErr(this.mawk ? `negative field index $${i}` : 'Access to negative field');
    if (i === 0) return this.setRecord(this.str(v));
    const f = this.split();
    while (f.length < i) f.push(UNINIT);
    f[i - 1] = typeof v === 'number' ? v : this.str(v);
    this.nf = f.length;
    this.rebuild();
  }

  // -- regular expressions
  regex(src: string): RegExp {
    let re = this.regexCache.get(src);
    if (!re) {
      try {
        re = new RegExp(translateRegex(this.mawk ? literalBraces(src) : src, true), 's');
      } catch {
        throw new RuntimeErr(this.mawk ? `regular expression compile failed (bad regex)\n${src}` : `bad regex '${src}'`);
      }
      this.regexCache.set(src, re);
    }
    return re;
  }

  private async regexOf(e: Expr): Promise<RegExp> {
    if (e.k === 're') return this.regex(e.re);
    return this.regex(this.str(await this.ev(e)));
  }

  // -- evaluation
  async ev(e: Expr): Promise<Val> {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.regex(e.re).test(this.record) ? 1 : 0;
      case 'group':
        return this.ev(e.e);
      case 'var':
        return this.scalar(e.name);
      case 'local': {
        const v = this.frame[e.i];
        if (v instanceof AwkArray) throw this.arrayAsScalar(e.name);
        return v ?? UNINIT;
      }
      case 'index':
        return this.element(this.array(e.arr), await this.key(e.subs));
      case 'field':
        return this.getField(Math.trunc(this.num(await this.ev(e.e))));
      case 'assign': {
        let v = await this.ev(e.e);
        if (e.op !== '=') {
          const old = this.num(await this.ev(e.target));
          v = this.arith(e.op[0] === '^' ? '^' : e.op[0]!, old, this.num(v));
        }
        if (v instanceof StrNum && v.num === null && v !== UNINIT) v = v.s;
        await this.assign(e.target, v);
        return v;
      }
      case 'cond':
        return this.bool(await this.ev(e.c)) ? this.ev(e.a) : this.ev(e.b);
      case 'and':
        return this.bool(await this.ev(e.a)) && this.bool(await this.ev(e.b)) ? 1 : 0;
      case 'or':
        return this.bool(await this.ev(e.a)) || this.bool(await this.ev(e.b)) ? 1 : 0;
      case 'in': {
        const arr = this.array(e.arr);
        const k = await this.key(e.subs);
        this.order(arr)?.find(k, false);
        return arr.has(k.s) ? 1 : 0;
      }
      case 'match': {
        const s = this.str(await this.ev(e.a));
        const re = await this.regexOf(e.re);
        return re.test(s) !== e.neg ? 1 : 0;
      }
      case 'cmp': {
        const c = this.compare(await this.ev(e.a), await this.ev(e.b));
        const r = { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[e.op];
        return r ? 1 : 0;
      }
      case 'concat':
        return this.str(await this.ev(e.a)) + this.str(await this.ev(e.b));
      case 'arith':
        return this.arith(e.op, this.num(await this.ev(e.a)), this.num(await this.ev(e.b)));
      case 'neg':
        return -this.num(await this.ev(e.e));
      case 'plus':
        return this.num(await this.ev(e.e));
      case 'not':
        return this.bool(await this.ev(e.e)) ? 0 : 1;
      case 'incr': {
        const old = this.num(await this.ev(e.target));
        await this.assign(e.target, old + e.d);
        return e.pre ? old + e.d : old;
      }
      case 'call':
        return this.call(e);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        return this.getline(e);
    }
  }

  /** Reading a[k] creates the element, as in every awk (`if (a[k] == "")` adds k). */
  private element(arr: AwkArray, key: Key): Val {
    this.order(arr)?.find(key, true);
    const v = arr.get(key.s);
    if (v !== undefined) return v;
    arr.set(key.s, UNINIT);
    return UNINIT;
  }

  /** A subscript with the integer mawk files it under (a number with an integral value). */
  private async key(subs: Expr[]): Promise<Key> {
    if (subs.length === 1) {
      const v = await this.ev(subs[0]!);
      const ival = typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 0x7fffffff ? v : null;
      return { s: this.str(v), ival };
    }
    return { s: await this.subscript(subs), ival: null };
  }

  /** mawk's table for an array, built from its keys the first time. */
  private order(arr: AwkArray): MawkOrder | null {
    if (!this.mawk) return null;
    if (!arr.order) {
      arr.order = new MawkOrder();
      for (const k of arr.keys()) arr.order.find({ s: k, ival: null }, true);
    }
    return arr.order;
  }

  private async subscript(subs: Expr[]): Promise<string> {
    if (subs.length === 1) return this.str(await this.ev(subs[0]!));
    const parts: string[] = [];
    for (const s of subs) parts.push(this.str(await this.ev(s)));
    return parts.join(this.str(this.scalar('SUBSEP')));
  }

  async assign(t: LValue, v: Val): Promise<void> {
    switch (t.k) {
      case 'var':
        return this.setScalar(t.name, v);
      case 'local':
        if (this.frame[t.i] instanceof AwkArray) throw this.arrayAsScalar(t.name);
        this.frame[t.i] = v;
        return;
      case 'index': {
        const arr = this.array(t.arr);
        const k = await this.key(t.subs);
        this.order(arr)?.find(k, true);
        arr.set(k.s, v);
        return;
      }
      case 'field':
        return this.setField(Math.trunc(this.num(await this.ev(t.e))), v);
    }
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0 && !this.mawk) throw new RuntimeErr('Division by zero');
        return a / b;
      case '%':
        if (b === 0 && !this.mawk) throw new RuntimeErr('Division by zero');
        return a % b;
      default:
        return a ** b;
    }
  }

  private async call(e: { name: string; args: Expr[] }): Promise<Val> {
    const f = this.prog.funcs.get(e.name);
    if (!f) throw new RuntimeErr('Call to undefined function');
    if (e.args.length > f.params.length) throw new RuntimeErr(this.mawk ? `too many arguments in call to ${e.name}` : 'Too many arguments');
    const frame: (Val | AwkArray | undefined)[] = [];
    for (const a of e.args) {
      if (a.k === 'var' && this.globals.get(a.name) instanceof AwkArray) frame.push(this.globals.get(a.name));
      else if (a.k === 'local' && this.frame[a.i] instanceof AwkArray) frame.push(this.frame[a.i]);
      else if (a.k === 'var' && !this.globals.has(a.name)) {
        // an unset global may become an array in the function: pass one in
        const arr = new AwkArray();
        frame.push(arr);
        this.lazyArrays.push([a.name, arr]);
      } else frame.push(await this.ev(a));
    }
    while (frame.length < f.params.length) frame.push(undefined);
    // both tools recurse on the C stack: runaway recursion ends in SIGSEGV, not in an ever-growing heap
    if (this.depth >= MAX_CALL_DEPTH) throw new Killed(SIGNAL_NUMBERS.SIGSEGV!);
    const saved = this.frame;
    this.frame = frame;
    this.depth++;
    try {
      await this.block(f.body);
      return UNINIT;
    } catch (r) {
      if (r instanceof ReturnValue) return r.value;
      throw r;
    } finally {
      this.depth--;
      this.frame = saved;
      this.settleLazyArrays();
    }
  }
  private lazyArrays: [string, AwkArray][] = [];
  private settleLazyArrays(): void {
    for (const [name, arr] of this.lazyArrays) if (arr.size > 0 && !this.globals.has(name)) this.globals.set(name, arr);
    this.lazyArrays = [];
  }

  private async builtin(name: string, args: Expr[]): Promise<Val> {
    const s = async (i: number) => this.str(await this.ev(args[i]!));
    const n = async (i: number) => this.num(await this.ev(args[i]!));
    switch (name) {
      case 'length':
        if (args.length === 0) return this.record.length;
        if (isName(args[0]!)) {
          const a = args[0] as ArrayRef;
          const v = a.k === 'var' ? this.globals.get(a.name) : this.frame[a.i];
          if (v instanceof AwkArray) return v.size;
        }
        return (await s(0)).length;
      case 'substr': {
        const str = await s(0);
        const len = str.length;
        const m = Math.trunc(await n(1));
        if (!this.mawk) {
          // busybox clamps the start first, then takes the length
          const from = Math.min(Math.max(m - 1, 0), len);
          const count = args.length > 2 ? Math.max(Math.trunc(await n(2)), 0) : len - from;
          return str.slice(from, from + count);
        }
        // mawk's bi_substr: a start before 1 shortens the length by one less than it moves
        let count = args.length > 2 ? Math.trunc(await n(2)) : len;
        let from = m - 1;
        if (from > len) count = 0;
        if (from < 0) {
          count -= from + 1;
          from = 0;
        }
        count = Math.min(count, len - from);
        return count <= 0 ? '' : str.slice(from, from + count);
      }
      case 'index': {
        const hay = await s(0);
        const needle = await s(1);
        // busybox finds the empty string nowhere
        return needle === '' && !this.mawk ? 0 : hay.indexOf(needle) + 1;
      }
      case 'split': {
        const text = await s(0);
        const arr = this.array(args[1] as ArrayRef);
        const sep = args.length > 2 ? (args[2]!.k === 're' ? { re: args[2]!.re } : await this.ev(args[2]!)) : this.scalar('FS');
        const parts = this.splitText(text, sep);
        arr.clear();
        this.order(arr)?.load(parts.length);
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = await this.regexOf(args[0]!);
        const repl = await s(1);
        const target: LValue = args.length > 2 ? (args[2] as LValue) : { k: 'field', e: { k: 'num', v: 0 } };
        const text = this.str(await this.ev(target));
        const { out, count } = substitute(text, re, repl, name === 'gsub');
        if (count > 0) await this.assign(target, out);
        return count;
      }
      case 'match': {
        const text = await s(0);
        const m = (await this.regexOf(args[1]!)).exec(text);
        const start = m ? m.index + 1 : 0;
        this.globals.set('RSTART', start);
        this.globals.set('RLENGTH', m ? m[0].length : -1);
        return start;
      }
      case 'sprintf': {
        const vals: Val[] = [];
        for (const a of args.slice(1)) vals.push(await this.ev(a));
        this.printfCall = 'sprintf';
        try {
          return this.sprintf(await s(0), vals);
        } finally {
          this.printfCall = 'printf';
        }
      }
      case 'tolower':
        return (await s(0)).replace(/[A-Z]+/g, (m) => m.toLowerCase());
      case 'toupper':
        return (await s(0)).replace(/[a-z]+/g, (m) => m.toUpperCase());
      case 'int':
        return Math.trunc(await n(0));
      case 'sqrt':
        return Math.sqrt(await n(0));
      case 'exp':
        return Math.exp(await n(0));
      case 'log':
        return Math.log(await n(0));
      case 'sin':
        return Math.sin(await n(0));
      case 'cos':
        return Math.cos(await n(0));
      case 'atan2':
        return Math.atan2(await n(0), await n(1));
      case 'rand':
        if (this.mawk) return this.rng.next() / 0x7fffffff;
        {
          // busybox builds 63 bits from three rand() calls
          const a = this.rng.next();
          const b = this.rng.next();
          const u = ((a << 16) ^ b) >>> 0;
          return (this.rng.next() * 2 ** 32 + u) / 2 ** 63;
        }
      case 'srand': {
        const prev = this.seed;
        this.seed = args.length ? await n(0) : Math.floor(this.ctx.now() / 1000);
        this.rng = new GlibcRandom(this.seed >>> 0);
        return prev;
      }
      case 'system': {
        const cmd = await s(0);
        this.flush();
        const status = await this.ctx.spawn(['sh', '-c', fromBytes(cmd)], {});
        return status;
      }
      case 'close':
        return this.closeStream(await s(0));
      case 'fflush':
        this.flush();
        return 0;
    }
    return UNINIT;
  }
  private seed: number;
  private rng: GlibcRandom;

  sprintf(format: string, vals: Val[]): string {
    let out = '';
    let ai = 0;
    const next = (): Val | undefined => vals[ai++];
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!;
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%]?)/.exec(format.slice(i))!;
      i += m[0].length - 1;
      const conv = m[4]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      if (conv === '') {
        out += m[0];
        continue;
      }
      const flags = m[1]!;
      let width = 0;
      let prec: number | undefined;
      if (m[2] === '*') {
        if (!this.mawk) throw new RuntimeErr('%*x formats are not supported');
        width = Math.trunc(this.num(next() ?? UNINIT));
      } else if (m[2]) width = Number(m[2]);
      if (m[3] !== undefined) prec = m[3] === '*' ? Math.trunc(this.num(next() ?? UNINIT)) : Number(m[3] || 0);
      const left = flags.includes('-') || width < 0;
      width = Math.abs(width);
      const arg = next();
      if (arg === undefined && this.mawk) {
        // mawk has written what it formatted so far (it reaches stdout at exit)
        if (this.printfCall === 'printf') this.write(out);
        throw new RuntimeErr(`not enough arguments passed to ${this.printfCall}("${format}")`);
      }
      const v = arg ?? UNINIT;
      let body: string;
      let sign = '';
      let numeric = false;
      switch (conv) {
        case 's':
          body = this.str(v);
          if (prec !== undefined) body = body.slice(0, prec);
          break;
        case 'c':
          if (typeof v === 'number' || (v instanceof StrNum && v.num !== null && !this.mawk)) body = String.fromCharCode(Math.trunc(this.num(v)) & 255);
          else body = this.str(v).slice(0, 1) || '\0';
          break;
        case 'd':
        case 'i':
        case 'o':
        case 'x':
        case 'X':
        case 'u': {
          numeric = true;
          let x = Math.trunc(this.num(v));
          if (this.mawk) x = Math.max(-0x7fffffff, Math.min(0x7fffffff, x));
          else if (!Number.isFinite(x) || x > 0x7fffffff || x < -0x80000000) x = -0x80000000;
          const neg = x < 0 && conv !== 'u' && (conv === 'd' || conv === 'i');
          let a = Math.abs(x);
          if (x < 0 && !neg) a = x >>> 0;
          body = conv === 'o' ? a.toString(8) : conv === 'x' ? a.toString(16) : conv === 'X' ? a.toString(16).toUpperCase() : String(a);
          if (prec !== undefined) body = prec === 0 && a === 0 ? '' : body.padStart(prec, '0');
          if (flags.includes('#') && a !== 0 && conv !== 'd' && conv !== 'i' && conv !== 'u') body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + body;
          sign = neg ? '-' : flags.includes('+') && (conv === 'd' || conv === 'i') ? '+' : flags.includes(' ') && (conv === 'd' || conv === 'i') ? ' ' : '';
          if (prec !== undefined) numeric = false;
          break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
          numeric = true;
          const x = this.num(v);
          body = Number.isFinite(x) ? cFormat(conv, Math.abs(x), prec ?? 6, flags.includes('#')) : nonFinite(Math.abs(x)).replace('-', '');
          if (!Number.isFinite(x) && conv === conv.toUpperCase()) body = body.toUpperCase();
          sign = x < 0 || Object.is(x, -0) || (Number.isNaN(x) && true) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          if (!Number.isFinite(x)) numeric = false;
          break;
        }
        default:
          if (this.mawk) throw new RuntimeErr(`improper conversion(number ${ai}) in ${this.printfCall}("${format}")`);
          throw new RuntimeErr('Invalid format specifier');
      }
      const full = sign + body;
      if (full.length >= width) out += full;
      else if (left) out += full.padEnd(width);
      else if (numeric && flags.includes('0')) out += sign + body.padStart(width - sign.length, '0');
      else out += full.padStart(width);
    }
    return out;
  }
  private printfCall = 'printf';

  // -- input
  /** The next record of the main input (operands, or stdin), or null at the end. */
  private async nextMain(): Promise<string | null> {
    for (;;) {
      if (!this.current) {
        if (!(await this.openNext())) return null;
      }
      const rec = await this.readRecord(this.current!);
      if (rec !== null) return rec;
      this.current = null;
    }
  }

  private async openNext(): Promise<boolean> {
    const argv = this.globals.get('ARGV');
    const argc = Math.trunc(this.num(this.scalar('ARGC')));
    while (this.argIndex < argc) {
      const a = argv instanceof AwkArray ? argv.get(String(this.argIndex)) : undefined;
      this.argIndex++;
      if (a === undefined) continue;
      const name = this.str(a);
      if (name === '') continue;
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(name);
      if (assignment) {
        this.setScalar(assignment[1]!, new StrNum(unescape(assignment[2]!)));
        continue;
      }
      this.inputSeen = true;
      this.globals.set('FILENAME', name);
      this.globals.set('FNR', 0);
      if (name === '-' || name === '/dev/stdin') {
        this.current = { reader: lineReader(this.ctx.stdin), text: null, pos: 0 };
        return true;
      }
      try {
        const abs = resolvePath(this.ctx.cwd, fromBytes(name));
        const st = this.ctx.fs.stat(abs);
        // a directory opens; reading it fails
        if (st.type === 'dir') throw this.mawk ? new Fatal('read error (Is a directory)') : new RuntimeErr('Is a directory');
        this.current = { reader: null, text: bytesOf(this.ctx.fs.readFile(abs)), pos: 0 };
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        throw new Fatal(this.mawk ? `cannot open ${name} (${e.description})` : `${name}: ${e.description}`);
      }
      return true;
    }
    if (this.inputSeen) return false;
    this.inputSeen = true;
    this.globals.set('FNR', 0);
    if (this.mawk) this.globals.set('FILENAME', '-');
    this.current = { reader: lineReader(this.ctx.stdin), text: null, pos: 0 };
    return true;
  }

  /** One record from a source, by RS: a newline, a character, "" (paragraphs) or a regex (mawk). */
  private async readRecord(src: { reader: LineReader | null; text: string | null; pos: number }): Promise<string | null> {
    const rs = this.str(this.scalar('RS'));
    if (rs === '\n' && src.reader) {
      const line = await src.reader.readLine();
      if (line === null) return null;
      return toBytes(line.endsWith('\n') ? line.slice(0, -1) : line);
    }
    if (src.text === null) src.text = toBytes(await src.reader!.readAll());
    const text = src.text;
    if (rs === '') {
      while (text[src.pos] === '\n') src.pos++;
      if (src.pos >= text.length) return null;
      const m = /\n\n+/.exec(text.slice(src.pos));
      const end = m ? src.pos + m.index : text.length;
      const rec = text.slice(src.pos, end).replace(/\n$/, '');
      src.pos = m ? end + m[0].length : text.length;
      return rec;
    }
    if (src.pos >= text.length) return null;
    if (rs.length === 1) {
      const i = text.indexOf(rs, src.pos);
      const end = i < 0 ? text.length : i;
      const rec = text.slice(src.pos, end);
      src.pos = i < 0 ? text.length : i + 1;
      return rec;
    }
    const re = new RegExp(this.regex(rs).source, 'gs');
    re.lastIndex = src.pos;
    const m = re.exec(text);
    const end = m && m[0] ? m.index : text.length;
    const rec = text.slice(src.pos, end);
    src.pos = m && m[0] ? end + m[0].length : text.length;
    return rec;
  }

  private async getline(e: { target: LValue | null; file: Expr | null; cmd: Expr | null }): Promise<Val> {
    let rec: string | null;
    if (e.file || e.cmd) {
      const name = this.str(await this.ev((e.file ?? e.cmd)!));
      let r = this.readers.get(name);
      if (!r) {
        let text: string;
        if (e.cmd) {
          this.flush();
          const out: string[] = [];
          await this.ctx.spawn(['sh', '-c', fromBytes(name)], { stdout: { write: (t) => void out.push(t) }, stderr: this.text.stderr });
          text = toBytes(out.join(''));
        } else {
          try {
            text =
              name === '-' || name === '/dev/stdin'
                ? toBytes(await lineReader(this.ctx.stdin).readAll())
                : bytesOf(this.ctx.fs.readFile(resolvePath(this.ctx.cwd, fromBytes(name))));
          } catch (err) {
            if (err instanceof FsError) return -1;
            throw err;
          }
        }
        const src = { reader: null, text, pos: 0 };
        const lines: string[] = [];
        for (let l = await this.readRecord(src); l !== null; l = await this.readRecord(src)) lines.push(l);
        r = { lines, at: 0 };
        this.readers.set(name, r);
      }
      rec = r.at < r.lines.length ? r.lines[r.at++]! : null;
      if (rec === null) return 0;
      if (e.cmd) this.globals.set('NR', this.num(this.scalar('NR')) + 1);
    } else {
      rec = await this.nextMain();
      if (rec === null) return 0;
      this.globals.set('NR', this.num(this.scalar('NR')) + 1);
      this.globals.set('FNR', this.num(this.scalar('FNR')) + 1);
    }
    if (e.target) await this.assign(e.target, new StrNum(rec));
    else this.setRecord(rec);
    return 1;
  }

  // -- statements
  async block(body: Stmt[]): Promise<void> {
    for (const s of body) await this.exec(s);
  }

  private async tick(): Promise<void> {
    if (++this.ticks % 512 === 0) await this.ctx.yield();
  }

  async exec(s: Stmt): Promise<void> {
    switch (s.k) {
      case 'expr':
        this.line = s.line;
        await this.ev(s.e);
        return;
      case 'print': {
        this.line = s.line;
        let text: string;
        if (s.args.length === 0) text = this.record;
        else {
          const parts: string[] = [];
          for (const a of s.args) parts.push(this.str(await this.ev(a), 'OFMT'));
          text = parts.join(this.str(this.scalar('OFS')));
        }
        return this.output(s.to, text + this.str(this.scalar('ORS')));
      }
      case 'printf': {
        this.line = s.line;
        const vals: Val[] = [];
        for (const a of s.args) vals.push(await this.ev(a));
        const fmt = this.str(vals.shift()!);
        return this.output(s.to, this.sprintf(fmt, vals));
      }
      case 'if':
        if (this.bool(await this.ev(s.c))) await this.exec(s.then);
        else if (s.else) await this.exec(s.else);
        return;
      case 'while':
        while (this.bool(await this.ev(s.c))) {
          await this.tick();
          if (await this.loopBody(s.body)) break;
        }
        return;
      case 'do':
        do {
          await this.tick();
          if (await this.loopBody(s.body)) break;
        } while (this.bool(await this.ev(s.c)));
        return;
      case 'for':
        if (s.init) await this.exec(s.init);
        while (!s.c || this.bool(await this.ev(s.c))) {
          await this.tick();
          if (await this.loopBody(s.body)) break;
          if (s.step) await this.exec(s.step);
        }
        return;
      case 'forin': {
        const arr = this.array(s.arr);
        for (const k of this.order(arr)?.walk() ?? busyboxWalk(arr)) {
          if (!arr.has(k)) continue;
          await this.tick();
          await this.assign(s.v, new StrNum(k));
          if (await this.loopBody(s.body)) break;
        }
        return;
      }
      case 'block':
        return this.block(s.body);
      case 'next':
        throw new NextRecord();
      case 'nextfile':
        this.current = null;
        throw new NextRecord();
      case 'break':
        throw new BreakLoop();
      case 'continue':
        throw new ContinueLoop();
      case 'exit':
        this.line = s.line;
        if (s.e) this.exitStatus = Math.trunc(this.num(await this.ev(s.e))) & 255;
        throw new ExitProgram();
      case 'return':
        throw new ReturnValue(s.e ? await this.ev(s.e) : UNINIT);
      case 'delete': {
        this.line = s.line;
        const arr = this.array(s.arr);
        if (s.subs) {
          const k = await this.key(s.subs);
          this.order(arr)?.delete(k);
          arr.delete(k.s);
        } else {
          this.order(arr)?.clear();
          arr.clear();
        }
        return;
      }
    }
  }

  /** Runs a loop body; true when it broke out. */
  private async loopBody(body: Stmt): Promise<boolean> {
    try {
      await this.exec(body);
    } catch (c) {
      if (c instanceof BreakLoop) return true;
      if (c instanceof ContinueLoop) return false;
      throw c;
    }
    return false;
  }

  // -- the program
  async run(): Promise<number> {
    const p = this.prog;
    try {
      for (const b of p.begin) await this.special(b);
      if (p.rules.length || p.end.length) {
        for (let rec = await this.nextMain(); rec !== null; rec = await this.nextMain()) {
          this.globals.set('NR', this.num(this.scalar('NR')) + 1);
          this.globals.set('FNR', this.num(this.scalar('FNR')) + 1);
          this.setRecord(rec);
          await this.tick();
          try {
            await this.rules();
          } catch (n) {
            if (!(n instanceof NextRecord)) throw n;
          }
        }
      }
    } catch (x) {
      if (!(x instanceof ExitProgram)) throw x;
    }
    try {
      for (const b of p.end) await this.special(b);
    } catch (x) {
      if (!(x instanceof ExitProgram)) throw x;
    }
    return this.exitStatus;
  }

  /** A BEGIN or END action: `next` and `return` there end the action. */
  private async special(body: Stmt[]): Promise<void> {
    try {
      await this.block(body);
    } catch (c) {
      if (!(c instanceof NextRecord || c instanceof ReturnValue)) throw c;
    }
  }

  private async rules(): Promise<void> {
    for (const r of this.prog.rules) {
      let hit: boolean;
      if (r.range) {
        if (!r.inRange) {
          hit = this.bool(await this.ev(r.pattern!));
          if (hit) r.inRange = !this.bool(await this.ev(r.range));
        } else {
          hit = true;
          if (this.bool(await this.ev(r.range))) r.inRange = false;
        }
      } else hit = !r.pattern || this.bool(await this.ev(r.pattern));
      if (!hit) continue;
      if (r.body) await this.block(r.body);
      else this.write(this.record + this.str(this.scalar('ORS')));
    }
  }

  /** Where a run-time error happened, as mawk prints it. */
  where(): string {
    return `\tFILENAME="${this.str(this.scalar('FILENAME'))}" FNR=${this.str(this.scalar('FNR'))} NR=${this.str(this.scalar('NR'))}\n`;
  }

  get runtimeLine(): number {
    return this.line;
  }

}

/**
 * The order busybox's `for (k in a)` visits keys: its hash table's buckets in
 * turn (61 of them, growing past 8 keys a bucket), each newest first. The
 * map keeps insertion order, so replaying the insertions rebuilds the table.
 */
function busyboxWalk(arr: AwkArray): string[] {
  const sizes = [61, 251, 1021, 4093, 16381, 65521];
  let size = 0;
  let buckets: string[][] = Array.from({ length: sizes[0]! }, () => []);
  let count = 0;
  for (const key of arr.keys()) {
    if (++count > sizes[size]! * 8 && size < sizes.length - 1) {
      const next: string[][] = Array.from({ length: sizes[++size]! }, () => []);
      for (const b of buckets) for (const k of b) next[busyboxHash(k) % next.length]!.unshift(k);
      buckets = next;
    }
    buckets[busyboxHash(key) % buckets.length]!.unshift(key);
  }
  return buckets.flat();
}

/** busybox awk's hashidx over the key's bytes. */
function busyboxHash(key: string): number {
  let h = 0;
  // its bytes are C chars: signed
  for (let i = 0; i < key.length; i++) h = (((key.charCodeAt(i) << 24) >> 24) + (h << 6) - h) >>> 0;
  return h;
}

/** mawk 1.3.4-20200120 has no interval expressions: `{` outside brackets is a plain character. */
function literalBraces(re: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\' && !inBracket) {
      out += c + (re[++i] ?? '');
      continue;
    }
    if (inBracket) {
      // a ] right after [ or [^ belongs to the set
      if (c === ']' && !/\[\^?$/.test(re.slice(0, i))) inBracket = false;
    } else if (c === '[') inBracket = true;
    out += c === '{' && !inBracket ? '\\{' : c;
  }
  return out;
}

/** sub/gsub: `&` is the match, `\&` a literal &, `\\` a backslash. */
function substitute(text: string, re: RegExp, repl: string, global: boolean): { out: string; count: number } {
  const expand = (m: string): string => {
    let r = '';
    for (let i = 0; i < repl.length; i++) {
      const c = repl[i]!;
      if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) r += repl[++i];
      else if (c === '&') r += m;
      else r += c;
    }
    return r;
  };
  const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
  let out = '';
  let count = 0;
  let pos = 0;
  while (pos <= text.length) {
    g.lastIndex = pos;
    const m = g.exec(text);
    if (!m) break;
    out += text.slice(pos, m.index) + expand(m[0]);
    count++;
    if (m[0] === '') {
      if (m.index < text.length) out += text[m.index];
      pos = m.index + 1;
    } else pos = m.index + m[0].length;
    if (!global) break;
  }
  if (pos <= text.length) out += text.slice(pos);
  return { out, count };
}

// ---- the command -------------------------------------------------------------------

const BUSYBOX_USAGE = `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.

Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...

	-v VAR=VAL	Set variable
	-F SEP		Use SEP as field separator
	-f FILE		Read program from FILE
	-e AWK_PROGRAM
`;

const MAWK_USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider "\\n" a space.
    -W usage         show this message and exit.
`;

const MAWK_VERSION = `mawk 1.3.4 20200120
Copyright 2008-2019,2020, Thomas E. Dickey
Copyright 1991-1996,2014, Michael D. Brennan

random-funcs:       srandom/random
regex-funcs:        internal
compiled limits:
sprintf buffer      8192
maximum-integer     2147483647
`;

function awkProgram(flavour: Flavour): Program {
  const mawk = flavour === 'gnu';
  return async (text) => {
    // awk sees bytes: arguments and environment in, its two streams out
    const ctx: ProcessContext = {
      ...text,
      argv: text.argv.map(toBytes),
      env: new Map([...text.env].map(([k, v]) => [toBytes(k), toBytes(v)])),
      stdout: new ByteOutput(text.stdout),
      stderr: new ByteOutput(text.stderr),
    };
    const name = basename(ctx.argv[0] ?? 'awk');
    const err = (msg: string) => ctx.stderr.write(`${name}: ${msg}\n`);
    const failStatus = mawk ? 2 : 1;
    const argv = ctx.argv.slice(1);
    const assigns: string[] = [];
    const sources: { text: string; file: string | null }[] = [];
    let fs: string | null = null;
    let i = 0;
    const usage = () => {
      if (mawk) ctx.stdout.write(MAWK_USAGE);
      else ctx.stderr.write(BUSYBOX_USAGE);
      return mawk ? 0 : 1;
    };
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      const opt = a[1]!;
      if (!'Fvfe W'.includes(opt) || opt === ' ' || (opt === 'e' && mawk)) {
        if (mawk) {
          err(`not an option: ${a}`);
          return 2;
        }
        err(a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${opt}'`);
        return usage() && 1;
      }
      let val = a.length > 2 ? a.slice(2) : argv[++i];
      if (val === undefined) {
        if (mawk) {
          err(`option -${opt} lacks argument`);
          return 2;
        }
        err(`option requires an argument -- '${opt}'`);
        return usage() && 1;
      }
      if (opt === 'F') fs = unescape(val);
      else if (opt === 'v') {
        if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(val)) {
          if (mawk) {
            err(`improper assignment: -v ${val}`);
            return 2;
          }
          return usage() && 1;
        }
        assigns.push(val);
      } else if (opt === 'f') {
        try {
          sources.push({ text: bytesOf(ctx.fs.readFile(resolvePath(ctx.cwd, fromBytes(val)))), file: val });
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          err(mawk ? `cannot open ${val} (${e.description})` : `can't open '${val}': ${e.description}`);
          return failStatus;
        }
      } else if (opt === 'e') sources.push({ text: val, file: null });
      else if (opt === 'W') {
        if (!mawk) err('warning: option -W is ignored');
        else if ('version'.startsWith(val.split('=')[0]!) && val) {
          ctx.stdout.write(MAWK_VERSION);
          return 0;
        } else if ('usage'.startsWith(val) || 'help'.startsWith(val)) {
          ctx.stdout.write(MAWK_USAGE);
          return 0;
        } else if (!/^(d|du|dum|dump|i|in|int|inte|inter|interactive|e|ex|exe|exec|r|ra|ran|random|s|sp|spr|sprintf|p|po|posix_space)(=|$)/.test(val)) {
          err(`vacuous option: -W ${val}`);
        }
      }
    }
    if (sources.length === 0) {
      if (i >= argv.length) return usage();
      sources.push({ text: argv[i++]!, file: null });
    }
    // parse: mawk reads command-line program text as if it ended in a newline
    const source = sources.map((s) => s.text).join('\n') + (mawk && !sources[0]!.file ? '\n' : '');
    let prog: AwkProgram;
    try {
      prog = new Parser(source, mawk, name).parse();
    } catch (e) {
      if (!(e instanceof SyntaxErr)) throw e;
      const file = sources.length === 1 ? sources[0]!.file : null;
      if (mawk) ctx.stderr.write(e.bare ? `${name}: ${e.msg}\n` : `${name}: ${file ? `${file}: ` : ''}line ${e.line}: ${e.msg}\n`);
      else ctx.stderr.write(`${name}: ${file ?? 'cmd. line'}:${e.line}: ${e.msg}\n`);
      return failStatus;
    }
    const awk = new Awk(ctx, text, prog, mawk, name);
    if (fs !== null) awk.globals.set('FS', fs);
    for (const a of assigns) {
      const eq = a.indexOf('=');
      awk.setScalar(a.slice(0, eq), new StrNum(unescape(a.slice(eq + 1))));
    }
    const av = new AwkArray();
    av.set('0', mawk ? name : 'awk');
    argv.slice(i).forEach((a, k) => av.set(String(k + 1), new StrNum(a)));
    awk.globals.set('ARGV', av);
    awk.globals.set('ARGC', argv.length - i + 1);
    const progFile = sources.length === 1 && sources[0]!.file ? sources[0]!.file : 'cmd. line';
    try {
      const status = await awk.run();
      await awk.closeAll();
      return status;
    } catch (e) {
      if (e instanceof BrokenPipe) return 141;
      if (e instanceof RuntimeErr) {
        if (mawk) {
          ctx.stderr.write(`${name}: run time error: ${e.msg}\n${awk.where()}`);
          awk.flush();
        } else {
          awk.flush();
          err(`${progFile}:${awk.runtimeLine}: ${e.msg}`);
        }
        return failStatus;
      }
      if (e instanceof Fatal) {
        if (!mawk) awk.flush();
        err(e.msg);
        if (mawk) awk.flush();
        return failStatus;
      }
      throw e;
    }
  };
}
