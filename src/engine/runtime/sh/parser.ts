// Shell source → syntax tree. A hand-written lexer (context-sensitive
// words, here-documents read at the next newline) under a recursive-descent
// parser for the POSIX grammar, plus the bits of bash scripts use.
import type {
  AndOr,
  ArithCmd,
  For,
  ForArith,
  Assign,
  Case,
  CaseItem,
  Command,
  CondCmd,
  FuncDef,
  Group,
  If,
  List,
  Loop,
  ParamPart,
  Part,
  Pipeline,
  Redir,
  RedirOp,
  Simple,
  Word,
} from './ast.ts';
import { hasGlob } from './pattern.ts';

export type Dialect = 'ash' | 'bash';

export interface ParserOptions {
  dialect: Dialect;
  /** Line number of the first line (sub-parsers of `...`). */
  line?: number;
  /** A here-document left open at the end is incomplete input (REPL), not end of file. */
  interactive?: boolean;
}

type TokKind = 'word' | 'op' | 'nl' | 'eof' | 'io' | 'arith';

interface Tok {
  k: TokKind;
  v: string;
  w?: Word;
  line: number;
  start: number;
}

/**
 * A syntax error. `incomplete` says the input merely stopped early (an open
 * quote, `if` without `fi`, ...): a REPL reads another line and tries again.
 */
export class ParseError extends Error {
  constructor(
    /** token: unexpected token; quote: open quote/bracket at end; brace: `${` without `}`; subst: bad ${...}; other: free text */
    readonly kind: 'token' | 'quote' | 'brace' | 'subst' | 'other',
    /** The token's text: a word, an operator, 'newline' or 'end of file'; the open quote for `quote`. */
    readonly token: string,
    readonly line: number,
    /** What the parser wanted instead (ash adds `(expecting "fi")`). */
    readonly expecting: string | null,
    readonly incomplete: boolean,
    /** ash names words and redirections by kind: `unexpected word`. */
    readonly tokenKind: 'word' | 'redir' | 'nl' | 'eof' | 'op' | 'keyword' = 'op',
    /** The source line the error is on (bash quotes it). */
    readonly sourceLine = '',
  ) {
    super(`syntax error at line ${line}: ${token}`);
  }
}

/** The message a shell prints for a syntax error, without its `sh: line N: ` prefix. */
export function syntaxErrorMessage(e: ParseError, dialect: Dialect): string {
  if (dialect === 'bash') {
    switch (e.kind) {
      case 'quote':
      case 'brace':
        return `unexpected EOF while looking for matching \`${e.kind === 'brace' ? '}' : e.token}'`;
      case 'subst':
        return `${e.token}: bad substitution`;
      case 'other':
        return e.token;
      default:
        if (e.tokenKind === 'eof') return 'syntax error: unexpected end of file';
        return `syntax error near unexpected token \`${e.token}'`;
    }
  }
  switch (e.kind) {
    case 'quote':
      return e.token === '"' || e.token === "'" ? 'syntax error: unterminated quoted string' : `syntax error: unexpected end of file (expecting "${e.token}")`;
    case 'brace':
      return "syntax error: missing '}'";
    case 'subst':
      return 'syntax error: bad substitution';
    case 'other':
      return `syntax error: ${e.token}`;
    default: {
      const name = e.tokenKind === 'word' || e.tokenKind === 'redir' || e.tokenKind === 'nl' || e.tokenKind === 'eof' ? e.token : `"${e.token}"`;
      return `syntax error: unexpected ${name}${e.expecting ? ` (expecting "${e.expecting}")` : ''}`;
    }
  }
}

/** dash's wording (Debian's /bin/sh): `Syntax error: "fi" unexpected (expecting "then")`. */
export function dashSyntaxMessage(e: ParseError): string {
  switch (e.kind) {
    case 'quote':
      return e.token === '"' || e.token === "'" ? 'Syntax error: Unterminated quoted string' : `Syntax error: end of file unexpected (expecting "${e.token}")`;
    case 'brace':
      return "Syntax error: Missing '}'";
    case 'subst':
      return 'Bad substitution';
    case 'other':
      return `Syntax error: ${e.token}`;
    default: {
      const names: Record<string, string> = { eof: 'end of file', nl: 'newline', word: 'word', redir: 'redirection' };
      const name = names[e.tokenKind] ?? `"${e.token}"`;
      return `Syntax error: ${name} unexpected${e.expecting ? ` (expecting "${e.expecting}")` : ''}`;
    }
  }
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!']);
/** Tokens that end a list: the caller then checks it got the one it wanted. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const OPS3 = ['<<<', '<<-', ';;&', '&>>'];
const OPS2 = ['&&', '||', ';;', ';&', '|&', '<<', '>>', '<&', '>&', '<>', '>|', '&>'];
const REDIR_OPS = new Set<string>(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const META = ' \t\n;&|<>()';
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Builds a Word, noting when it is a plain constant. */
export function makeWord(parts: Part[], text: string): Word {
  let lit = '';
  for (const p of parts) {
    if (p.t === 'q') lit += p.v;
    else if (p.t === 'lit' && !hasGlob(p.v)) lit += p.v;
    else return hasSubst(parts) ? { parts, text, cmd: true } : { parts, text };
  }
  return { parts, text, lit };
}

function hasSubst(parts: Part[]): boolean {
  for (const p of parts) {
    if (p.t === 'cmd') return true;
    if (p.t === 'dq' && hasSubst(p.parts)) return true;
    if (p.t === 'arith' && p.expr.cmd) return true;
    if (p.t === 'param' && (p.arg?.cmd || p.arg2?.cmd)) return true;
  }
  return false;
}

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  quoted: boolean;
  strip: boolean;
}

export class Parser {
  private readonly src: string;
  private readonly len: number;
  private pos: number;
  line: number;
  private tok: Tok | null = null;
  private heredocs: PendingHeredoc[] = [];
  private readonly bash: boolean;
  /** Warnings to print (bash: here-document delimited by end-of-file). */
  readonly warnings: { line: number; text: string }[] = [];

  constructor(
    src: string,
    private readonly opts: ParserOptions,
    start = 0,
    raw = false,
  ) {
    this.bash = opts.dialect === 'bash';
    // bash reads -c strings and files as if they ended with a newline
    if (this.bash && !raw && src.length && !src.endsWith('\n')) src += '\n';
    this.src = src;
    this.len = src.length;
    this.pos = start;
    this.line = opts.line ?? 1;
  }

  /** Where the next command starts (offset into the source, line). */
  position(): { offset: number; line: number } {
    return this.tok ? { offset: this.tok.start, line: this.tok.line } : { offset: this.pos, line: this.line };
  }

  /** Parses everything (eval, `...`, tests). */
  parseAll(): List {
    const items: List['items'] = [];
    for (;;) {
      const l = this.nextCommand();
      if (!l) break;
      items.push(...l.items);
    }
    return { type: 'list', items };
  }

  /**
   * The next complete command (one line's worth: and-or lists separated by
   * ; and &), or null at the end. Shells run each before parsing the next,
   * so a syntax error further down does not stop earlier lines.
   */
  nextCommand(): List | null {
    for (;;) {
      const t = this.peek();
      if (t.k === 'nl') this.next();
      else if (t.k === 'eof') return null;
      else break;
    }
    const items: List['items'] = [];
    for (;;) {
      const cmd = this.parseAndOr();
      const t = this.peek();
      if (t.k === 'op' && (t.v === ';' || t.v === '&')) {
        this.next();
        items.push({ cmd, bg: t.v === '&' });
        const n = this.peek();
        if (n.k === 'nl' || n.k === 'eof') break;
        continue;
      }
      items.push({ cmd, bg: false });
      if (t.k === 'nl' || t.k === 'eof') break;
      throw this.unexpected(t);
    }
    if (this.peek().k === 'nl') this.next();
    return { type: 'list', items };
  }

  // ---- grammar -------------------------------------------------------

  private parseList(allowEmpty = false): List {
    const items: List['items'] = [];
    for (;;) {
      let t = this.peek();
      while (t.k === 'nl') {
        this.next();
        t = this.peek();
      }
      if (this.isListEnd(t)) break;
      const cmd = this.parseAndOr();
      t = this.peek();
      if (t.k === 'op' && (t.v === ';' || t.v === '&')) {
        this.next();
        items.push({ cmd, bg: t.v === '&' });
        continue;
      }
      items.push({ cmd, bg: false });
      if (t.k === 'nl') continue;
      break;
    }
    if (!items.length && !allowEmpty) throw this.unexpected(this.peek());
    return { type: 'list', items };
  }

  private isListEnd(t: Tok): boolean {
    if (t.k === 'eof') return true;
    if (t.k === 'op') return t.v === ')' || t.v === ';;' || t.v === ';&' || t.v === ';;&';
    const r = this.reserved(t);
    return r !== null && LIST_END.has(r);
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || (t.v !== '&&' && t.v !== '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: t.v, pipe: this.parsePipeline() });
    }
    return { type: 'andor', line: first.line, first, rest };
  }

  private parsePipeline(): Pipeline {
    const t0 = this.peek();
    let bang = false;
    let timed = false;
    if (this.bash && this.isPlain(t0, 'time')) {
      this.next();
      timed = true;
      if (this.isPlain(this.peek(), '-p')) this.next();
    }
    if (this.reserved(this.peek()) === '!') {
      this.next();
      bang = true;
    }
    const cmds = [this.parseCommand()];
    const errToo: boolean[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || (t.v !== '|' && t.v !== '|&')) break;
      this.next();
      errToo.push(t.v === '|&');
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    const p: Pipeline = { type: 'pipeline', line: t0.line, bang, cmds };
    if (timed) p.timed = true;
    if (errToo.some(Boolean)) p.errToo = errToo;
    return p;
  }

  private parseCommand(): Command {
    const t = this.peek();
    if (t.k === 'word') {
      const r = this.reserved(t);
      if (r !== null) {
        switch (r) {
          case 'if':
            return this.withRedirs(this.parseIf());
          case 'while':
          case 'until':
            return this.withRedirs(this.parseLoop(r));
          case 'for':
            return this.withRedirs(this.parseFor());
          case 'case':
            return this.withRedirs(this.parseCase());
          case '{': {
            this.next();
            const body = this.parseList();
            this.expect('}');
            return this.withRedirs<Group>({ type: 'group', line: t.line, body, redirs: [] });
          }
          case 'function':
            return this.parseFunction(true);
          case '[[':
            return this.withRedirs(this.parseCond());
          default:
            throw this.unexpected(t);
        }
      }
      return this.parseSimple();
    }
    if (t.k === 'op' && t.v === '(') {
      this.next();
      const body = this.parseList();
      this.expectOp(')');
      return this.withRedirs<Group>({ type: 'subshell', line: t.line, body, redirs: [] });
    }
    if (t.k === 'arith') {
      this.next();
      return this.withRedirs<ArithCmd>({ type: 'arithcmd', line: t.line, expr: this.textWord(t.v, t.line), redirs: [] });
    }
    if (t.k === 'io' || (t.k === 'op' && REDIR_OPS.has(t.v))) return this.parseSimple();
    throw this.unexpected(t);
  }

  private withRedirs<T extends { redirs: Redir[] }>(node: T): T {
    for (;;) {
      const t = this.peek();
      if (t.k === 'io' || (t.k === 'op' && REDIR_OPS.has(t.v))) node.redirs.push(this.parseRedir());
      else return node;
    }
  }

  private parseIf(): If {
    const line = this.next().line;
    const clauses: If['clauses'] = [];
    let elseBody: List | null = null;
    for (;;) {
      const cond = this.parseList();
      this.expect('then');
      const body = this.parseList();
      clauses.push({ cond, body });
      const t = this.peek();
      const r = this.reserved(t);
      if (r === 'elif') {
        this.next();
        continue;
      }
      if (r === 'else') {
        this.next();
        elseBody = this.parseList();
      }
      this.expect('fi');
      return { type: 'if', line, clauses, else: elseBody, redirs: [] };
    }
  }

  private parseLoop(kind: 'while' | 'until'): Loop {
    const line = this.next().line;
    const cond = this.parseList();
    this.expect('do');
    const body = this.parseList();
    this.expect('done');
    return { type: kind, line, cond, body, redirs: [] };
  }

  private parseFor(): For | ForArith {
    const line = this.next().line;
    let t = this.next();
    if (t.k === 'arith' && this.bash) {
      const parts = splitTopLevel(t.v, ';');
      if (parts.length !== 3) throw new ParseError('other', `\`((': syntax error`, t.line, null, false);
      this.skipSeparator();
      this.expect('do');
      const body = this.parseList();
      this.expect('done');
      return {
        type: 'forarith',
        line,
        init: this.textWord(parts[0]!, t.line),
        cond: this.textWord(parts[1]!, t.line),
        step: this.textWord(parts[2]!, t.line),
        body,
        redirs: [],
      };
    }
    if (t.k !== 'word') {
      if (!this.bash && t.k !== 'eof') throw new ParseError('other', 'bad for loop variable', t.line, null, false);
      throw this.unexpected(t);
    }
    const name = t.w!.text;
    if (!NAME_RE.test(name)) {
      if (this.bash) throw new ParseError('other', `\`${name}': not a valid identifier`, t.line, null, false);
      throw new ParseError('other', 'bad for loop variable', t.line, null, false);
    }
    let items: Word[] | null = null;
    this.skipNewlines();
    t = this.peek();
    if (this.reserved(t) === 'in' || this.isPlain(t, 'in')) {
      this.next();
      items = [];
      for (;;) {
        t = this.peek();
        if (t.k !== 'word') break;
        this.next();
        items.push(...this.braces(t.w!));
      }
      if (t.k === 'op' && t.v === ';') this.next();
      else if (t.k === 'nl') this.next();
      else throw this.unexpected(t);
    } else if (t.k === 'op' && t.v === ';') {
      this.next();
    }
    this.skipNewlines();
    this.expect('do');
    const body = this.parseList();
    this.expect('done');
    return { type: 'for', line, name, items, body, redirs: [] };
  }

  private parseCase(): Case {
    const line = this.next().line;
    const wt = this.next();
    if (wt.k !== 'word') throw this.unexpected(wt, 'word');
    this.skipNewlines();
    const inTok = this.peek();
    if (!this.isPlain(inTok, 'in')) throw this.unexpected(inTok, 'in');
    this.next();
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.peek();
      if (this.reserved(t) === 'esac') break;
      if (t.k === 'op' && t.v === '(') {
        this.next();
        t = this.peek();
      }
      const patterns: Word[] = [];
      for (;;) {
        t = this.next();
        if (t.k !== 'word') throw this.unexpected(t, 'word');
        patterns.push(t.w!);
        t = this.peek();
        if (t.k === 'op' && t.v === '|') {
          this.next();
          continue;
        }
        break;
      }
      this.expectOp(')');
      const body = this.parseList(true);
      t = this.peek();
      let end: CaseItem['end'] = ';;';
      if (t.k === 'op' && (t.v === ';;' || t.v === ';&' || t.v === ';;&')) {
        this.next();
        end = t.v;
        items.push({ patterns, body, end });
        continue;
      }
      items.push({ patterns, body, end });
      if (this.reserved(t) !== 'esac') throw this.unexpected(t, 'esac');
      break;
    }
    this.expect('esac');
    return { type: 'case', line, word: wt.w!, items, redirs: [] };
  }

  private parseFunction(keyword: boolean): FuncDef {
    const first = this.peek();
    if (keyword) this.next();
    const nt = this.next();
    if (nt.k !== 'word') throw this.unexpected(nt);
    const start = keyword ? first.start : nt.start;
    let t = this.peek();
    if (t.k === 'op' && t.v === '(') {
      this.next();
      this.expectOp(')');
    } else if (!keyword) {
      throw this.unexpected(t);
    }
    this.skipNewlines();
    t = this.peek();
    const compound =
      (t.k === 'op' && t.v === '(') || ['{', 'if', 'while', 'until', 'for', 'case', '[['].includes(this.reserved(t) ?? '') || t.k === 'arith';
    if (!compound && this.bash) throw this.unexpected(t);
    const body = this.parseCommand();
    const end = this.tok ? this.tok.start : this.pos;
    return { type: 'func', line: nt.line, name: nt.w!.text, body, text: this.src.slice(start, end).trimEnd() };
  }

  private parseCond(): CondCmd {
    const line = this.next().line;
    const items: CondCmd['items'] = [];
    for (;;) {
      const t = this.next();
      if (t.k === 'nl') continue;
      if (t.k === 'word') {
        if (this.isPlain(t, ']]')) break;
        items.push(t.w!);
      } else if (t.k === 'io') {
        items.push(makeWord([{ t: 'lit', v: t.v }], t.v));
      } else if (t.k === 'op' && ['&&', '||', '(', ')', '<', '>'].includes(t.v)) {
        items.push({ op: t.v });
      } else {
        throw this.unexpected(t);
      }
    }
    return { type: 'cond', line, items, redirs: [] };
  }

  private parseSimple(): Command {
    const line = this.peek().line;
    const node: Simple = { type: 'simple', line, assigns: [], words: [], redirs: [] };
    for (;;) {
      const t = this.peek();
      if (t.k === 'io' || (t.k === 'op' && REDIR_OPS.has(t.v))) {
        node.redirs.push(this.parseRedir());
        continue;
      }
      if (t.k !== 'word') break;
      if (!node.words.length) {
        const a = assignment(t.w!, this.bash) ?? (this.bash ? this.subscriptAssignment(t) : null);
        if (a) {
          this.next();
          const n = this.peek();
          if (this.bash && !a.index && a.value.text === '' && n.k === 'op' && n.v === '(' && n.start === t.start + t.v.length) {
            this.next();
            a.array = this.arrayLiteral();
          }
          node.assigns.push(a);
          continue;
        }
      }
      // name() { ...; }
      if (!node.words.length && !node.assigns.length && !node.redirs.length) {
        this.next();
        const n = this.peek();
        if (n.k === 'op' && n.v === '(') {
          this.tok = null;
          this.pos = n.start;
          this.tok = t;
          return this.parseFunction(false);
        }
        node.words.push(...this.braces(t.w!));
        continue;
      }
      this.next();
      node.words.push(...this.braces(t.w!));
    }
    if (!node.words.length && !node.assigns.length && !node.redirs.length) throw this.unexpected(this.peek());
    return node;
  }

  /** The words of a=( ... ) up to the closing parenthesis. */
  private arrayLiteral(): Word[] {
    const words: Word[] = [];
    for (;;) {
      const t = this.next();
      if (t.k === 'nl') continue;
      if (t.k === 'op' && t.v === ')') return words;
      if (t.k !== 'word') throw this.unexpected(t);
      words.push(...this.braces(t.w!));
    }
  }

  /** a[i]=value and a[i]+=value (bash). */
  private subscriptAssignment(t: Tok): Assign | null {
    const text = t.w!.text;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(text);
    if (!m) return null;
    let depth = 0;
    let j = m[0].length - 1;
    for (; j < text.length; j++) {
      if (text[j] === '[') depth++;
      else if (text[j] === ']' && --depth === 0) break;
    }
    const plus = text[j + 1] === '+';
    if (j >= text.length || text[j + (plus ? 2 : 1)] !== '=') return null;
    const index = this.textWord(text.slice(m[0].length, j), t.line);
    const rest = text.slice(j + (plus ? 3 : 2));
    const sub = new Parser(rest, { ...this.opts, line: t.line }, 0, true);
    const value = rest === '' ? makeWord([], '') : sub.readWord();
    const parts = value.parts.map((p) => (p.t === 'lit' ? ({ t: 'q', v: p.v } as Part) : p));
    return { name: m[1]!, value: makeWord(parts, rest), append: plus, index };
  }

  private parseRedir(): Redir {
    let t = this.next();
    let fd = -1;
    if (t.k === 'io') {
      fd = Number(t.v);
      t = this.next();
    }
    const op = t.v as RedirOp;
    if (fd < 0) fd = op.startsWith('<') ? 0 : 1;
    const target = this.next();
    if (target.k !== 'word') throw this.unexpected(target);
    const redir: Redir = { fd, op, target: target.w! };
    if (op === '<<' || op === '<<-') {
      const text = target.w!.text;
      const quoted = target.w!.parts.some((p) => p.t !== 'lit');
      this.heredocs.push({ redir, delim: text.replace(/["'\\]/g, ''), quoted, strip: op === '<<-' });
    }
    return redir;
  }

  // ---- helpers ---------------------------------------------------------

  private expect(word: string): void {
    const t = this.peek();
    if (this.reserved(t) === word) {
      this.next();
      return;
    }
    throw this.unexpected(t, word);
  }

  private expectOp(op: string): void {
    const t = this.peek();
    if (t.k === 'op' && t.v === op) {
      this.next();
      return;
    }
    throw this.unexpected(t, op);
  }

  private skipNewlines(): void {
    while (this.peek().k === 'nl') this.next();
  }

  private skipSeparator(): void {
    const t = this.peek();
    if (t.k === 'op' && t.v === ';') this.next();
    this.skipNewlines();
  }

  /** The reserved word a token is, if it stands where one is recognised. */
  private reserved(t: Tok): string | null {
    if (t.k !== 'word') return null;
    const p = t.w!.parts;
    if (p.length !== 1 || p[0]!.t !== 'lit') return null;
    const v = p[0]!.v;
    if (RESERVED.has(v)) return v;
    if (this.bash && (v === 'function' || v === '[[')) return v;
    return null;
  }

  private isPlain(t: Tok, v: string): boolean {
    return t.k === 'word' && t.w!.parts.length === 1 && t.w!.parts[0]!.t === 'lit' && t.w!.parts[0]!.v === v;
  }

  private braces(w: Word): Word[] {
    return this.bash ? braceExpand(w) : [w];
  }

  unexpected(t: Tok, expecting: string | null = null): ParseError {
    const from = this.src.lastIndexOf('\n', t.start - 1) + 1;
    const to = this.src.indexOf('\n', from);
    const srcLine = this.src.slice(from, to < 0 ? this.len : to);
    switch (t.k) {
      case 'eof':
        return new ParseError('token', 'end of file', t.line, expecting, true, 'eof', srcLine);
      case 'nl':
        return new ParseError('token', 'newline', t.line, expecting, false, 'nl', srcLine);
      case 'word': {
        const kind = this.reserved(t) !== null ? 'keyword' : 'word';
        return new ParseError('token', kind === 'keyword' || this.bash ? t.v : 'word', t.line, expecting, false, kind, srcLine);
      }
      case 'io':
        return new ParseError('token', this.bash ? t.v : 'redirection', t.line, expecting, false, 'redir', srcLine);
      case 'arith':
        return new ParseError('token', '((', t.line, expecting, false, 'op', srcLine);
      default:
        if (REDIR_OPS.has(t.v) && !this.bash) return new ParseError('token', 'redirection', t.line, expecting, false, 'redir', srcLine);
        return new ParseError('token', t.v, t.line, expecting, false, 'op', srcLine);
    }
  }

  // ---- lexer -----------------------------------------------------------

  private peek(): Tok {
    return (this.tok ??= this.lex());
  }

  private next(): Tok {
    const t = this.peek();
    this.tok = null;
    return t;
  }

  private lex(): Tok {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.len && src[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const line = this.line;
    const start = this.pos;
    if (this.pos >= this.len) {
      if (this.heredocs.length) this.readHeredocs();
      return { k: 'eof', v: '', line, start };
    }
    const c = src[this.pos]!;
    if (c === '\n') {
      this.pos++;
      this.line++;
      if (this.heredocs.length) this.readHeredocs();
      return { k: 'nl', v: 'newline', line, start };
    }
    if (this.bash && c === '(' && src[this.pos + 1] === '(') {
      const end = findArithEnd(src, this.pos + 2);
      if (end < 0) throw new ParseError('quote', ')', line, null, true);
      const text = src.slice(this.pos + 2, end);
      this.line += countNewlines(text);
      this.pos = end + 2;
      return { k: 'arith', v: text, line, start };
    }
    if (';&|<>()'.includes(c)) {
      const three = src.slice(this.pos, this.pos + 3);
      const two = three.slice(0, 2);
      const op = OPS3.includes(three) ? three : OPS2.includes(two) ? two : c;
      this.pos += op.length;
      return { k: 'op', v: op, line, start };
    }
    if (c >= '0' && c <= '9') {
      let j = this.pos;
      while (src[j]! >= '0' && src[j]! <= '9') j++;
      if (src[j] === '<' || src[j] === '>') {
        const v = src.slice(this.pos, j);
        this.pos = j;
        return { k: 'io', v, line, start };
      }
    }
    const w = this.readWord();
    return { k: 'word', v: w.text, w, line, start };
  }

  private readHeredocs(): void {
    const docs = this.heredocs;
    this.heredocs = [];
    for (const h of docs) {
      let body = '';
      let found = false;
      const startLine = this.line;
      while (this.pos < this.len) {
        let e = this.src.indexOf('\n', this.pos);
        const nl = e >= 0;
        if (!nl) e = this.len;
        let l = this.src.slice(this.pos, e);
        this.pos = nl ? e + 1 : e;
        if (nl) this.line++;
        if (h.strip) l = l.replace(/^\t+/, '');
        if (l === h.delim) {
          found = true;
          break;
        }
        body += l + '\n';
      }
      if (!found) {
        if (this.opts.interactive) throw new ParseError('quote', h.delim, startLine, null, true);
        if (this.bash)
          this.warnings.push({
            line: this.line - 1,
            text: `warning: here-document at line ${startLine - 1} delimited by end-of-file (wanted \`${h.delim}')`,
          });
      }
      h.redir.body = h.quoted ? makeWord([{ t: 'q', v: body }], body) : this.textWord(body, startLine);
    }
  }

  /** Text expanded like a here-document body: $ and ` are live, quotes are not. */
  private textWord(text: string, line: number): Word {
    const sub = new Parser(text, { ...this.opts, line }, 0, true);
    return sub.readText();
  }

  private readText(): Word {
    const parts: Part[] = [];
    let buf = '';
    const src = this.src;
    while (this.pos < this.len) {
      const c = src[this.pos]!;
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '$' || n === '`' || n === '\\') {
          buf += n;
          this.pos += 2;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
      } else if (c === '$') {
        const p = this.readDollar(true);
        if (p) {
          if (buf) parts.push({ t: 'q', v: buf });
          buf = '';
          parts.push(p);
          continue;
        }
      } else if (c === '`') {
        if (buf) parts.push({ t: 'q', v: buf });
        buf = '';
        parts.push(this.readBackquote(true));
        continue;
      } else if (c === '\n') this.line++;
      buf += c;
      this.pos++;
    }
    if (buf || !parts.length) parts.push({ t: 'q', v: buf });
    return makeWord(parts, src);
  }

  private readWord(): Word {
    const src = this.src;
    const start = this.pos;
    const parts: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
    };
    if (src[this.pos] === '~') {
      let j = this.pos + 1;
      while (j < this.len && /[A-Za-z0-9_.-]/.test(src[j]!)) j++;
      if (j >= this.len || src[j] === '/' || META.includes(src[j]!)) {
        parts.push({ t: 'tilde', user: src.slice(this.pos + 1, j) });
        this.pos = j;
      }
    }
    while (this.pos < this.len) {
      const c = src[this.pos]!;
      if (META.includes(c)) break;
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        flush();
        if (n === undefined) {
          parts.push({ t: 'q', v: '\\' });
          this.pos++;
        } else {
          parts.push({ t: 'q', v: n });
          this.pos += 2;
        }
        continue;
      }
      if (c === "'") {
        flush();
        parts.push({ t: 'q', v: this.readSingle() });
        continue;
      }
      if (c === '"') {
        flush();
        this.pos++;
        parts.push({ t: 'dq', parts: this.readDouble() });
        continue;
      }
      if (c === '$') {
        const p = this.readDollar(false);
        if (p) {
          flush();
          parts.push(p);
          continue;
        }
      } else if (c === '`') {
        flush();
        parts.push(this.readBackquote(false));
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return makeWord(parts, src.slice(start, this.pos));
  }

  private readSingle(): string {
    const startLine = this.line;
    const end = this.src.indexOf("'", this.pos + 1);
    if (end < 0) throw new ParseError('quote', "'", startLine, null, true);
    const v = this.src.slice(this.pos + 1, end);
    this.line += countNewlines(v);
    this.pos = end + 1;
    return v;
  }

  /** After the opening ": the parts up to the closing one. */
  private readDouble(): Part[] {
    const src = this.src;
    const startLine = this.line;
    const parts: Part[] = [];
    let buf = '';
    for (;;) {
      if (this.pos >= this.len) throw new ParseError('quote', '"', startLine, null, true);
      const c = src[this.pos]!;
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          buf += n;
          this.pos += 2;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
      } else if (c === '$') {
        const p = this.readDollar(true);
        if (p) {
          if (buf) parts.push({ t: 'q', v: buf });
          buf = '';
          parts.push(p);
          continue;
        }
      } else if (c === '`') {
        if (buf) parts.push({ t: 'q', v: buf });
        buf = '';
        parts.push(this.readBackquote(true));
        continue;
      } else if (c === '\n') this.line++;
      buf += c;
      this.pos++;
    }
    if (buf || !parts.length) parts.push({ t: 'q', v: buf });
    return parts;
  }

  /** At a `$`: the expansion it starts, or null when it is a plain dollar sign. */
  private readDollar(inDq: boolean): Part | null {
    const src = this.src;
    const n = src[this.pos + 1];
    if (n === '(') {
      if (src[this.pos + 2] === '(') {
        const end = findArithEnd(src, this.pos + 3);
        if (end >= 0) {
          const text = src.slice(this.pos + 3, end);
          const line = this.line;
          this.line += countNewlines(text);
          this.pos = end + 2;
          return { t: 'arith', expr: this.textWord(text, line) };
        }
      }
      return this.readCommandSubst();
    }
    if (n === '{') return this.readBraceParam(inDq);
    if (n === "'" && !inDq) {
      this.pos++;
      return { t: 'q', v: ansiC(this.readSingleRaw()) };
    }
    if (n === '"' && !inDq) {
      this.pos += 2;
      return { t: 'dq', parts: this.readDouble() };
    }
    if (n === undefined) return null;
    if (/[A-Za-z_]/.test(n)) {
      let j = this.pos + 2;
      while (j < this.len && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      const name = src.slice(this.pos + 1, j);
      this.pos = j;
      return { t: 'param', name };
    }
    if ((n >= '0' && n <= '9') || '@*#?$!-'.includes(n)) {
      this.pos += 2;
      return { t: 'param', name: n };
    }
    return null;
  }

  /** $'...' keeps backslashes for ansiC() to interpret; \' does not end it. */
  private readSingleRaw(): string {
    const src = this.src;
    const startLine = this.line;
    let j = this.pos + 1;
    while (j < this.len && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
    if (j >= this.len) throw new ParseError('quote', "'", startLine, null, true);
    const v = src.slice(this.pos + 1, j);
    this.line += countNewlines(v);
    this.pos = j + 1;
    return v;
  }

  private readCommandSubst(): Part {
    const sub = new Parser(this.src, { ...this.opts, line: this.line }, this.pos + 2);
    let body: List;
    try {
      body = sub.parseList(true);
      const t = sub.peek();
      if (t.k !== 'op' || t.v !== ')') throw sub.unexpected(t, ')');
    } catch (e) {
      if (this.bash && e instanceof ParseError && e.tokenKind === 'eof') throw new ParseError('quote', ')', e.line, null, true);
      throw e;
    }
    this.pos = sub.pos;
    this.line = sub.line;
    return { t: 'cmd', body };
  }

  private readBackquote(inDq: boolean): Part {
    const src = this.src;
    const startLine = this.line;
    let j = this.pos + 1;
    let text = '';
    while (j < this.len && src[j] !== '`') {
      if (src[j] === '\\' && j + 1 < this.len) {
        const n = src[j + 1]!;
        if (n === '$' || n === '`' || n === '\\' || (inDq && n === '"')) {
          text += n;
          j += 2;
          continue;
        }
      }
      if (src[j] === '\n') this.line++;
      text += src[j];
      j++;
    }
    if (j >= this.len) throw new ParseError('quote', '`', startLine, null, true);
    this.pos = j + 1;
    const body = new Parser(text, { ...this.opts, line: startLine }).parseAll();
    return { t: 'cmd', body };
  }

  private readBraceParam(inDq: boolean): ParamPart {
    const src = this.src;
    const startLine = this.line;
    const begin = this.pos;
    let i = this.pos + 2;
    const part: ParamPart = { t: 'param', name: '' };
    const isStart = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_@*#?$!-]/.test(ch);
    if (src[i] === '#' && src[i + 1] !== '}' && isStart(src[i + 1])) {
      part.op = 'len';
      i++;
    } else if (src[i] === '!' && this.bash && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      part.indirect = true;
      i++;
    }
    const c = src[i];
    if (c !== undefined && /[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < this.len && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      part.name = src.slice(i, j);
      i = j;
      if (this.bash && src[i] === '[') {
        const close = src.indexOf(']', i);
        if (close < 0) throw new ParseError('brace', '}', startLine, null, true);
        const raw = src.slice(i + 1, close);
        part.index = raw === '@' || raw === '*' ? raw : this.textWord(raw, this.line);
        i = close + 1;
      }
    } else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i + 1;
      while (src[j]! >= '0' && src[j]! <= '9') j++;
      part.name = src.slice(i, j);
      i = j;
    } else if (c !== undefined && '@*#?$!-'.includes(c)) {
      part.name = c;
      i++;
    } else {
      if (i >= this.len) throw new ParseError('brace', '}', startLine, null, true);
      throw this.badSubst(begin);
    }
    this.pos = i;
    if (part.op !== 'len') {
      const ch = src[this.pos];
      if (ch === ':') {
        const n = src[this.pos + 1];
        if (n !== undefined && '-=+?'.includes(n)) {
          part.op = n;
          part.colon = true;
          this.pos += 2;
          part.arg = this.readBraceWord(inDq, '}');
        } else {
          part.op = 'sub';
          this.pos++;
          part.arg = this.readBraceWord(inDq, ':}');
          if (src[this.pos] === ':') {
            this.pos++;
            part.arg2 = this.readBraceWord(inDq, '}');
          }
        }
      } else if (ch !== undefined && '-=+?'.includes(ch)) {
        part.op = ch;
        this.pos++;
        part.arg = this.readBraceWord(inDq, '}');
      } else if (ch === '#' || ch === '%') {
        part.op = src[this.pos + 1] === ch ? ch + ch : ch;
        this.pos += part.op.length;
        part.arg = this.readBraceWord(inDq, '}');
      } else if (ch === '/') {
        const n = src[this.pos + 1];
        part.op = n === '/' || (this.bash && (n === '#' || n === '%')) ? '/' + n : '/';
        this.pos += part.op.length;
        part.arg = this.readBraceWord(inDq, '/}');
        if (src[this.pos] === '/') {
          this.pos++;
          part.arg2 = this.readBraceWord(inDq, '}');
        }
      } else if ((ch === '^' || ch === ',') && this.bash) {
        part.op = src[this.pos + 1] === ch ? ch + ch : ch;
        this.pos += part.op.length;
        if (src[this.pos] !== '}') part.arg = this.readBraceWord(inDq, '}');
      }
    }
    if (this.pos >= this.len) throw new ParseError('brace', '}', startLine, null, true);
    if (src[this.pos] !== '}') throw this.badSubst(begin);
    this.pos++;
    return part;
  }

  private badSubst(begin: number): ParseError {
    const end = this.src.indexOf('}', begin);
    const text = end < 0 ? this.src.slice(begin) : this.src.slice(begin, end + 1);
    return new ParseError('subst', text, this.line, null, false);
  }

  /** The word inside ${x:-word}, up to an unquoted character of `stops` (nesting aware). */
  private readBraceWord(inDq: boolean, stops: string): Word {
    const src = this.src;
    const start = this.pos;
    const parts: Part[] = [];
    let lit = '';
    let depth = 0;
    const flush = () => {
      // unquoted text stays a pattern in ${x#pat} even inside "..."; emit() quotes it elsewhere
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
    };
    while (this.pos < this.len) {
      const c = src[this.pos]!;
      if (depth === 0 && stops.includes(c)) break;
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n !== undefined && (!inDq || '$`"\\}'.includes(n))) {
          flush();
          parts.push({ t: 'q', v: n });
          this.pos += 2;
          continue;
        }
      } else if (c === "'" && !inDq) {
        flush();
        parts.push({ t: 'q', v: this.readSingle() });
        continue;
      } else if (c === '"') {
        flush();
        this.pos++;
        parts.push({ t: 'dq', parts: this.readDouble() });
        continue;
      } else if (c === '$') {
        const p = this.readDollar(inDq);
        if (p) {
          flush();
          parts.push(p);
          continue;
        }
      } else if (c === '`') {
        flush();
        parts.push(this.readBackquote(inDq));
        continue;
      } else if (c === '\n') this.line++;
      lit += c;
      this.pos++;
    }
    flush();
    return makeWord(parts, src.slice(start, this.pos));
  }
}

/** NAME=value (and NAME+=value in bash) as an assignment, else null. */
function assignment(w: Word, bash: boolean): Assign | null {
  const p0 = w.parts[0];
  if (!p0 || p0.t !== 'lit') return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(p0.v);
  if (!m || (m[2] && !bash)) return null;
  const rest = p0.v.slice(m[0].length);
  const parts: Part[] = [];
  if (rest.startsWith('~')) {
    const t = /^~([A-Za-z0-9_.-]*)/.exec(rest)!;
    const after = rest.slice(t[0].length);
    if (after === '' || after.startsWith('/') || after.startsWith(':')) {
      if (after !== '' || w.parts.length === 1) {
        parts.push({ t: 'tilde', user: t[1]! });
        if (after) parts.push({ t: 'q', v: after });
      } else parts.push({ t: 'lit', v: rest });
    } else parts.push({ t: 'q', v: rest });
  } else if (rest) parts.push({ t: 'q', v: rest });
  parts.push(...w.parts.slice(1));
  // an assignment's value is never globbed: literal text counts as quoted
  const value = makeWord(
    parts.map((p) => (p.t === 'lit' ? { t: 'q', v: p.v } : p)),
    w.text.slice(m[0].length),
  );
  return { name: m[1]!, value, append: m[2] === '+' };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Index of the `))` closing an arithmetic expression that starts at `from`, or -1. */
function findArithEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return src[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** $'...' escapes. */
export function ansiC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|[0-7]{1,3}|c.|.)/gs, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'e':
      case 'E':
        return '\x1b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'x':
      case 'u':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      case 'c':
        return String.fromCharCode(e.charCodeAt(1) & 31);
      default:
        if (e[0]! >= '0' && e[0]! <= '7') return String.fromCharCode(parseInt(e, 8));
        return e;
    }
  });
}

/** bash brace expansion: a{b,c}d → abd acd; {1..3}; {a..c}. Only within unquoted text. */
export function braceExpand(w: Word): Word[] {
  for (let i = 0; i < w.parts.length; i++) {
    const p = w.parts[i]!;
    if (p.t !== 'lit' || !p.v.includes('{')) continue;
    const m = findBrace(p.v);
    if (!m) continue;
    const out: Word[] = [];
    for (const alt of m.alts) {
      const v = p.v.slice(0, m.start) + alt + p.v.slice(m.end + 1);
      const parts: Part[] = [...w.parts.slice(0, i), ...(v ? [{ t: 'lit' as const, v }] : []), ...w.parts.slice(i + 1)];
      out.push(...braceExpand(makeWord(parts.length ? parts : [{ t: 'q', v: '' }], w.text)));
    }
    return out;
  }
  return [w];
}

function findBrace(s: string): { start: number; end: number; alts: string[] } | null {
  for (let a = s.indexOf('{'); a >= 0; a = s.indexOf('{', a + 1)) {
    if (s[a - 1] === '$') continue;
    let depth = 0;
    const commas: number[] = [];
    let b = -1;
    for (let i = a; i < s.length; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}') {
        depth--;
        if (depth === 0) {
          b = i;
          break;
        }
      } else if (s[i] === ',' && depth === 1) commas.push(i);
    }
    if (b < 0) return null;
    const inner = s.slice(a + 1, b);
    if (commas.length) {
      const alts: string[] = [];
      let from = a + 1;
      for (const c of commas) {
        alts.push(s.slice(from, c));
        from = c + 1;
      }
      alts.push(s.slice(from, b));
      return { start: a, end: b, alts };
    }
    const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner);
    if (num) {
      const x = Number(num[1]);
      const y = Number(num[2]);
      const step = Math.abs(Number(num[3] ?? 1)) || 1;
      const width = /^-?0\d/.test(num[1]!) || /^-?0\d/.test(num[2]!) ? Math.max(num[1]!.length, num[2]!.length) : 0;
      const alts: string[] = [];
      for (let v = x; x <= y ? v <= y : v >= y; v += x <= y ? step : -step) {
        const t = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
        alts.push(v < 0 ? '-' + t : t);
      }
      return { start: a, end: b, alts };
    }
    const chr = /^([A-Za-z])\.\.([A-Za-z])$/.exec(inner);
    if (chr) {
      const x = chr[1]!.charCodeAt(0);
      const y = chr[2]!.charCodeAt(0);
      const alts: string[] = [];
      for (let v = x; x <= y ? v <= y : v >= y; v += x <= y ? 1 : -1) alts.push(String.fromCharCode(v));
      return { start: a, end: b, alts };
    }
  }
  return null;
}
