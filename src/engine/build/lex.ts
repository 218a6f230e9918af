// Variable substitution and word splitting as a Dockerfile does them: the
// behaviour of buildkit's shell lexer (frontend/dockerfile/shell/lex.go),
// which the builder applies to each instruction with that instruction's
// environment. It is not a shell: no globbing, no command substitution;
// quotes group, `$VAR`/`${VAR}` expand, `${VAR:-x}`, `${VAR:+x}`, `${VAR?x}`,
// `${VAR#p}`/`%`/`/` modify, the escape token (`\`, or `` ` `` after
// `# escape=``) escapes one character.
//
// Two buildkit quirks are kept on purpose, because a learner comparing with
// real Docker must see the same result:
// - a word buffer shared with nested `${...}` operands, so in word splitting
//   the text before a `${VAR:-x}` is dropped (`a${X:-b}` splits to `b`);
// - `<<` swallows the blanks after it into the same word (heredoc markers).
import { goQuote } from '../goquote.ts';

export type EscapeToken = '\\' | '`';

export interface LexOptions {
  escapeToken?: EscapeToken;
  /** Keep quote characters in the output (used to find heredoc markers). */
  rawQuotes?: boolean;
  /** Keep escape tokens in the output. */
  rawEscapes?: boolean;
  /** Treat ' and " as ordinary characters. */
  skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written. */
  skipUnsetEnv?: boolean;
}

/** The variables visible to an instruction: a map, or a lookup function. */
export type LexEnv = ReadonlyMap<string, string> | ((name: string) => string | undefined);

export type LexResult =
  | {
      ok: true;
      /** The word with quotes removed and variables substituted (ProcessWord). */
      result: string;
      /** The same split into words on unquoted blanks (ProcessWords). */
      words: string[];
      /** Names looked up that were set, and that were not. */
      matched: Set<string>;
      unmatched: Set<string>;
    }
  | { ok: false; error: string };

const EOF = '';

class LexError {
  constructor(readonly message: string) {}
}

class Words {
  words: string[] = [];
  inWord = false;
  constructor(private readonly shared: { buf: string }) {}
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.shared.buf.length !== 0) {
        this.words.push(this.shared.buf);
        this.shared.buf = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) {
      this.addRawChar(ch);
    }
  }
  addRawChar(ch: string): void {
    this.shared.buf += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.shared.buf += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.shared.buf.length > 0) {
      this.words.push(this.shared.buf);
      this.shared.buf = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private readonly chars: string[];
  private pos = 0;
  private readonly escape: string;
  private rawEscapes: boolean;
  /** One word buffer for the whole run, as buildkit's shellWord has. */
  private readonly shared = { buf: '' };
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();

  constructor(
    source: string,
    private readonly env: LexEnv,
    private readonly opts: LexOptions,
  ) {
    this.chars = Array.from(source);
    this.escape = opts.escapeToken ?? '\\';
    this.rawEscapes = opts.rawEscapes ?? false;
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
  }
  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
  }

  processStopOn(stopChar: string, rawEscapes: boolean): { result: string; words: string[] } {
    let result = '';
    this.shared.buf = '';
    const words = new Words(this.shared);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.next();
          return { result, words: words.getWords() };
        }
        const special = this.special(ch);
        if (special) {
          const tmp = special();
          result += tmp;
          if (ch === '$') words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        let c = this.next();
        if (c === this.escape) {
          if (this.rawEscapes) {
            words.addRawChar(c);
            result += c;
          }
          c = this.next();
          if (c === EOF) break;
          words.addRawChar(c);
        } else {
          words.addChar(c);
        }
        result += c;
      }
      if (stopChar !== EOF) {
        throw new LexError(`unexpected end of statement while looking for matching ${stopChar}`);
      }
      return { result, words: words.getWords() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private special(ch: string): (() => string) | undefined {
    if (ch === '$') return () => this.processDollar();
    if (ch === '<') return () => this.processPossibleHeredoc();
    if (!this.opts.skipProcessQuotes) {
      if (ch === "'") return () => this.processSingleQuote();
      if (ch === '"') return () => this.processDoubleQuote();
    }
    return undefined;
  }

  private processSingleQuote(): string {
    let result = '';
    let ch = this.next();
    if (this.opts.rawQuotes) result += ch;
    for (;;) {
      ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (this.opts.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += open;
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        const ch = this.next();
        if (this.opts.rawQuotes) result += ch;
        return result;
      }
      if (p === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue; // a lone escape at the end is dropped
        if (after === '"' || after === '$' || after === this.escape) ch = this.next();
      }
      result += ch;
    }
  }

  private getEnv(name: string): string | undefined {
    const v = typeof this.env === 'function' ? this.env(name) : this.env.get(name);
    if (v !== undefined) this.matched.add(name);
    else this.unmatched.add(name);
    return v;
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new LexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let chs = ch === EOF ? '\ufffd' : ch;
    let nullIsUnset = false;
    switch (ch) {
      case '}': {
        const value = this.getEnv(name);
        if (value === undefined && this.opts.skipUnsetEnv) return `\${${name}}`;
        return value ?? '';
      }
      case ':':
      case '+':
      case '-':
      case '?':
      case '#':
      case '%': {
        if (ch === ':') {
          nullIsUnset = true;
          ch = this.next();
          chs += ch === EOF ? '\ufffd' : ch;
        }
        const raw = ch === '#' || ch === '%';
        if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
        let word: string;
        try {
          word = this.processStopOn('}', raw).result;
        } catch (e) {
          if (e instanceof LexError && this.peek() === EOF) throw new LexError("syntax error: missing '}'");
          throw e;
        }
        const value = this.getEnv(name);
        if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}${chs}${word}}`;
        const set = value !== undefined;
        const v = value ?? '';
        switch (ch) {
          case '-':
            return !set || (nullIsUnset && v === '') ? word : v;
          case '+':
            return !set || (nullIsUnset && v === '') ? '' : word;
          case '?':
            if (!set) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
            if (nullIsUnset && v === '') throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
            return v;
          case '%':
          case '#': {
            let pattern = word;
            let greedy = false;
            if (pattern.length > 0 && pattern[0] === ch) {
              greedy = true;
              pattern = pattern.slice(1);
            }
            return ch === '%' ? trimSuffix(pattern, v, greedy) : trimPrefix(pattern, v, greedy);
          }
          default:
            throw new LexError(`unsupported modifier (${chs}) in substitution`);
        }
      }
      case '/': {
        const all = this.peek() === '/';
        if (all) this.next();
        let pattern: string;
        try {
          pattern = this.processStopOn('/', true).result;
        } catch (e) {
          if (e instanceof LexError && this.peek() === EOF) throw new LexError("syntax error: missing '/' in ${}");
          throw e;
        }
        let replacement: string;
        try {
          replacement = this.processStopOn('}', true).result;
        } catch (e) {
          if (e instanceof LexError && this.peek() === EOF) throw new LexError("syntax error: missing '}'");
          throw e;
        }
        const value = this.getEnv(name);
        if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}/${pattern}/${replacement}}`;
        let re: RegExp;
        try {
          re = patternRegex(pattern, true, false);
        } catch (e) {
          if (e instanceof PatternError) throw new LexError(`invalid pattern (${pattern}) in substitution: ${e.message}`);
          throw e;
        }
        const v = value ?? '';
        if (all) return replaceAll(v, re, replacement);
        const m = re.exec(v);
        return m ? v.slice(0, m.index) + replacement + v.slice(m.index + m[0].length) : v;
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name.length === 0 && '@*#?-$!0'.includes(ch)) return this.next();
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\r') space += this.next();
    return '<<' + space;
  }
}

/** Substitutes variables in one word and splits it (ProcessWord and ProcessWords). */
export function lex(word: string, env: LexEnv, opts: LexOptions = {}): LexResult {
  const sw = new ShellWord(word, env, opts);
  try {
    const { result, words } = sw.processStopOn(EOF, opts.rawEscapes ?? false);
    return { ok: true, result, words, matched: sw.matched, unmatched: sw.unmatched };
  } catch (e) {
    if (e instanceof LexError) return { ok: false, error: `failed to process ${goQuote(word)}: ${e.message}` };
    throw e;
  }
}

/** The substituted word (buildkit's ProcessWord), or Docker's error. */
export function processWord(word: string, env: LexEnv, opts: LexOptions = {}): { ok: true; value: string } | { ok: false; error: string } {
  const r = lex(word, env, opts);
  return r.ok ? { ok: true, value: r.result } : r;
}

/** The substituted word split into words (buildkit's ProcessWords), or Docker's error. */
export function processWords(word: string, env: LexEnv, opts: LexOptions = {}): { ok: true; words: string[] } | { ok: false; error: string } {
  const r = lex(word, env, opts);
  return r.ok ? { ok: true, words: r.words } : r;
}

// Go's unicode.IsSpace.
export function isSpace(ch: string): boolean {
  switch (ch) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case '\u0085': case '\u00a0':
    case '\u1680': case '\u2028': case '\u2029': case '\u202f': case '\u205f': case '\u3000':
      return true;
  }
  return ch >= '\u2000' && ch <= '\u200a' && ch.length === 1;
}

function isDigit(ch: string): boolean {
  return /^\p{Nd}$/u.test(ch);
}

function isLetter(ch: string): boolean {
  return /^\p{L}$/u.test(ch);
}

// Shell patterns of ${VAR#p}, ${VAR%p} and ${VAR/p/r}: `*` and `?` only, as
// buildkit's convertShellPatternToRegex.
function patternRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const cs = Array.from(pattern);
  let out = anchored ? '^' : '';
  // Go's `.` stops at a newline only.
  const star = greedy ? '[^\n]*' : '[^\n]*?';
  for (let i = 0; i < cs.length; i++) {
    const tok = cs[i];
    if (tok === '*') {
      out += star;
      continue;
    }
    if (tok === '?') {
      out += '[^\n]';
      continue;
    }
    if (tok === '\\') {
      const nx = cs[i + 1];
      if (nx === '}' || nx === '/') continue;
      i++;
      if (nx !== '*' && nx !== '?' && nx !== '\\') {
        throw new PatternError(`invalid escape '\\${nx ?? '\ufffd'}'`);
      }
      out += '\\' + nx;
      continue;
    }
    out += /[\\^$.*+?()[\]{}|/]/.test(tok) ? '\\' + tok : tok;
  }
  return new RegExp(out, 'u');
}

class PatternError {
  constructor(readonly message: string) {}
}

// Go's ReplaceAllString: successive non-overlapping matches, an empty match
// right after the previous match is skipped.
function replaceAll(value: string, re: RegExp, replacement: string): string {
  const g = new RegExp(re.source, 'gu');
  const step = (i: number) => (i < value.length && value.codePointAt(i)! > 0xffff ? 2 : 1);
  let out = '';
  let last = 0;
  let prevEnd = -1;
  let pos = 0;
  while (pos <= value.length) {
    g.lastIndex = pos;
    const m = g.exec(value);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (end === start && start === prevEnd) {
      pos = start + step(start);
      continue;
    }
    out += value.slice(last, start) + replacement;
    last = end;
    prevEnd = end;
    pos = end > start ? end : start + step(start);
  }
  return out + value.slice(last);
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  let re: RegExp;
  try {
    re = patternRegex(pattern, greedy, true);
  } catch (e) {
    if (e instanceof PatternError) throw new LexError(`invalid pattern (${pattern}) in substitution: ${e.message}`);
    throw e;
  }
  const m = re.exec(value);
  return m ? value.slice(m[0].length) : value;
}

function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  // The shortest match at the right end: reverse both and match at the left.
  return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
}

function reverse(s: string): string {
  return Array.from(s).reverse().join('');
}

function reversePattern(pattern: string): string {
  const cs = Array.from(pattern);
  const out: string[] = new Array(cs.length);
  const last = cs.length - 1;
  for (let i = 0; i <= last; ) {
    const o = last - i;
    if (cs[i] === '\\' && i !== last) {
      out[o - 1] = cs[i];
      out[o] = cs[i + 1];
      i += 2;
    } else {
      out[o] = cs[i];
      i++;
    }
  }
  return out.join('');
}
