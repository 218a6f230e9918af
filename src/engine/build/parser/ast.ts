// Stage one of `docker build`: Dockerfile text to an AST with line numbers,
// the behaviour of buildkit's frontend/dockerfile/parser (v0.23, the one
// Docker 28 vendors): parser directives, comments, escape-token line
// continuations (with blank and comment lines inside), flags, JSON and shell
// forms, here-documents.
//
// Written here rather than wrapping dockerfile-ast: its known differences
// from buildkit (a line ending in `\\`, `--` taken as a flag, flags on CMD,
// whitespace collapsed in continuations, spaces dropped from JSON values)
// are exactly what learners type, and buildkit's parser is small enough to
// follow rule by rule. Go's byte-level quirks are kept where they change a
// result (see extractBuilderFlags).

import { isSpace, lex } from '../lex.ts';
import { goQuote } from '../../goquote.ts';
import type { EscapeToken } from '../lex.ts';
import { utf8Length } from '../../layer/tree.ts';

/** A parsed line: buildkit's Node (value, next, children, flags, original, lines, heredocs). */
export interface Node {
  value: string;
  next?: Node;
  children: Node[];
  heredocs: Heredoc[];
  /** `json: true` when the arguments were written as a JSON array. */
  json: boolean;
  original: string;
  flags: string[];
  startLine: number;
  endLine: number;
  /** Comment lines right before the instruction, `#` removed. */
  prevComment: string[];
}

export interface Heredoc {
  name: string;
  fileDescriptor: number;
  /** False when the marker word was quoted: the content is not expanded. */
  expand: boolean;
  /** `<<-`: leading tabs are removed from the content. */
  chomp: boolean;
  content: string;
}

export interface Directive {
  name: string;
  value: string;
  line: number;
}

export interface ParseWarning {
  short: string;
  detail: string;
  url: string;
  line: number;
}

/** A parse failure: buildkit's message and its location (lines, as buildkit records them). */
export interface ParseFailure {
  message: string;
  startLine: number;
  endLine: number;
}

export interface AstResult {
  children: Node[];
  directives: Directive[];
  escapeToken: EscapeToken;
  warnings: ParseWarning[];
}

class ParseError {
  constructor(readonly message: string) {}
}

const MAX_LINE_BYTES = 64 * 1024;
const reWhitespace = /[\t\v\f\r ]+/;
const reHeredoc = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
const directiveRe = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;
const validDirectives = new Set(['syntax', 'escape', 'check']);

export const EMPTY_CONTINUATION_URL = 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/';

class Directives {
  escapeToken: EscapeToken = '\\';
  private continuation = continuationRegex('\\');
  private line = 0;
  private done = false;
  private readonly seen = new Set<string>();
  readonly found: Directive[] = [];

  setEscapeToken(s: string): void {
    if (s !== '`' && s !== '\\') throw new ParseError(`invalid escape token '${s}' does not match \` or \\`);
    this.escapeToken = s;
    this.continuation = continuationRegex(s);
  }

  /** Looks at every line until the first one that is not a directive. */
  possibleDirective(line: string): boolean {
    this.line++;
    if (this.done) return false;
    if (!line.startsWith('#')) {
      this.done = true;
      return false;
    }
    const m = directiveRe.exec(trimLeftSpace(line.slice(1)));
    if (!m || !validDirectives.has(m[1].toLowerCase())) {
      this.done = true;
      return false;
    }
    const name = m[1].toLowerCase();
    if (this.seen.has(name)) throw new ParseError(`only one ${name} parser directive can be used`);
    this.seen.add(name);
    this.found.push({ name, value: m[2], line: this.line });
    if (name === 'escape') this.setEscapeToken(m[2]);
    return true;
  }

  /** Removes a trailing continuation token; false when the line continues. */
  trimContinuation(line: string): [string, boolean] {
    if (this.continuation.test(line)) return [line.replace(this.continuation, '$1'), false];
    return [line, true];
  }
}

// The escape token as the last non-blank character continues the line,
// unless it is itself escaped (buildkit's regex cannot see `\\\`).
function continuationRegex(token: string): RegExp {
  const t = '\\' + token;
  return new RegExp(`([^${t}])${t}[ \\t]*$|^${t}[ \\t]*$`);
}

/** Lines as bufio.Scanner with buildkit's scanLines: each keeps its newline. */
class LineScanner {
  private pos = 0;
  tooLong = false;
  constructor(private readonly text: string) {}
  scan(): string | undefined {
    if (this.tooLong || this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl + 1;
    const line = this.text.slice(this.pos, end);
    // Go's scanner holds 64 KiB: a full buffer without a newline is too long.
    const bytes = utf8Length(line);
    if (bytes > MAX_LINE_BYTES || (nl < 0 && bytes === MAX_LINE_BYTES)) {
      this.tooLong = true;
      return undefined;
    }
    this.pos = end;
    return line;
  }
}

// Go's unicode.IsSpace characters are all in the BMP, so UTF-16 units do.
function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceUnit(s.charCodeAt(a))) a++;
  while (b > a && isSpaceUnit(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function trimNewline(s: string): string {
  return s.replace(/[\r\n]+$/, '');
}

function isComment(line: string): boolean {
  return trimLeftSpace(line).startsWith('#');
}

function isEmptyContinuationLine(line: string): boolean {
  return trimLeftSpace(trimNewline(line)).length === 0;
}

/** Parses Dockerfile text into buildkit's AST, or fails as buildkit does. */
export function parseAst(text: string): { ok: true; ast: AstResult } | { ok: false; error: ParseFailure } {
  const d = new Directives();
  const scanner = new LineScanner(text);
  const children: Node[] = [];
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;
  const fail = (e: unknown, start: number, end: number) => {
    if (e instanceof ParseError) return { ok: false as const, error: { message: e.message, startLine: start, endLine: Math.max(start, end) } };
    throw e;
  };

  for (let raw = scanner.scan(); raw !== undefined; raw = scanner.scan()) {
    if (currentLine === 0 && raw.startsWith('\ufeff')) raw = raw.slice(1);
    if (isComment(raw)) {
      // buildkit drops the first byte, whatever it is, then trims.
      const comment = trimSpace(raw.slice(1));
      if (comment === '') comments = [];
      else comments.push(comment);
    }
    let line: string;
    try {
      const token = trimLeftSpace(trimNewline(raw));
      if (d.possibleDirective(token)) comments = comments.slice(0, -1);
      line = isComment(token) ? '' : token;
    } catch (e) {
      return fail(e, currentLine, 0);
    }
    currentLine++;
    const startLine = currentLine;
    let [first, isEnd] = d.trimContinuation(line);
    if (isEnd && first.length === 0) continue;
    let buf = first;
    let emptyContinuation = false;
    while (!isEnd) {
      const nextRaw = scanner.scan();
      if (nextRaw === undefined) break;
      let cont: string;
      try {
        const token = trimNewline(nextRaw);
        d.possibleDirective(token);
        cont = isComment(token) ? '' : token;
      } catch (e) {
        return fail(e, currentLine, 0);
      }
      currentLine++;
      if (isComment(nextRaw)) continue;
      if (isEmptyContinuationLine(cont)) {
        emptyContinuation = true;
        continue;
      }
      [cont, isEnd] = d.trimContinuation(cont);
      buf += cont;
    }
    if (emptyContinuation) {
      warnings.push({
        short: 'Empty continuation line found in: ' + buf,
        detail: 'Empty continuation lines will become errors in a future release',
        url: EMPTY_CONTINUATION_URL,
        line: currentLine,
      });
    }
    let child: Node;
    try {
      child = nodeFromLine(buf, d, comments);
    } catch (e) {
      return fail(e, startLine, currentLine);
    }
    if (canContainHeredoc(child) && buf.includes('<<')) {
      let heredocs: Heredoc[];
      try {
        heredocs = heredocsFromLine(buf);
      } catch (e) {
        return fail(e, startLine, currentLine);
      }
      for (const h of heredocs) {
        let terminated = false;
        let content = h.content;
        for (let r = scanner.scan(); r !== undefined; r = scanner.scan()) {
          currentLine++;
          let candidate = trimNewline(r);
          if (h.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === h.name) {
            terminated = true;
            break;
          }
          content += r;
        }
        if (!terminated) return fail(new ParseError('unterminated heredoc'), startLine, currentLine);
        child.heredocs.push({ ...h, content });
      }
    }
    child.startLine = startLine;
    child.endLine = currentLine;
    children.push(child);
    comments = [];
  }

  if (children.length === 0) return fail(new ParseError('file with no instructions'), currentLine, 0);
  if (scanner.tooLong) {
    return fail(new ParseError(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES - 1}`), currentLine, 0);
  }
  return { ok: true, ast: { children, directives: d.found, escapeToken: d.escapeToken, warnings } };
}

function newNode(value: string, next?: Node): Node {
  return { value, next, children: [], heredocs: [], json: false, original: '', flags: [], startLine: 0, endLine: 0, prevComment: [] };
}

type LineParser = (rest: string, d: Directives) => { next?: Node; json?: boolean };

const dispatch: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, d) => ({ next: parseNameVal(rest, 'ENV', d) }),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: (rest, d) => ({ next: parseNameVal(rest, 'LABEL', d) }),
  maintainer: parseString,
  onbuild: parseSubCommand,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

function nodeFromLine(line: string, d: Directives, comments: string[]): Node {
  const { cmd, flags, args } = splitCommand(line, d);
  const ignore: LineParser = () => ({ next: newNode('') });
  const fn = Object.hasOwn(dispatch, cmd.toLowerCase()) ? dispatch[cmd.toLowerCase()] : ignore;
  const { next, json } = fn(args, d);
  const node = newNode(cmd, next);
  node.original = line;
  node.flags = flags;
  node.json = json ?? false;
  node.prevComment = comments;
  return node;
}

function canContainHeredoc(node: Node): boolean {
  let n = node;
  if (n.value.toLowerCase() === 'onbuild' && n.next && n.next.children.length > 0) n = n.next.children[0];
  const v = n.value.toLowerCase();
  return (v === 'add' || v === 'copy' || v === 'run') && !n.json;
}

function splitCommand(line: string, d: Directives): { cmd: string; flags: string[]; args: string } {
  const parts = splitN(trimSpace(line), reWhitespace, 2);
  let args = '';
  let flags: string[] = [];
  if (parts.length === 2) [args, flags] = extractBuilderFlags(parts[1], d);
  return { cmd: parts[0], flags, args: trimSpace(args) };
}

/** Go's regexp.Split(s, n) for n > 0. */
function splitN(s: string, re: RegExp, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const m = re.exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest);
  return out;
}

/** Go's regexp.Split(s, -1) for a pattern that never matches empty. */
function splitAll(s: string, re: RegExp): string[] {
  return splitN(s, re, Infinity);
}

// Leading `--words` are flags. buildkit reads this part byte by byte, so a
// non-ASCII flag value is kept as its UTF-8 bytes read as Latin-1, and a
// byte 0x85 or 0xA0 inside a character counts as a blank: kept as is.
function extractBuilderFlags(line: string, d: Directives): [string, string[]] {
  // Without a leading `--` nothing is a flag (UTF-8 continuation bytes
  // cannot come first, so the leading blanks are ASCII).
  const lead = /^[\t\n\v\f\r ]*/.exec(line)![0].length;
  if (!line.startsWith('--', lead)) return [line.slice(lead), []];
  const ascii = /^[\x00-\x7f]*$/.test(line);
  const bytes = utf8Encode(line);
  const esc = d.escapeToken.charCodeAt(0);
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = 0;
  let blankOK = false;
  const rest = (pos: number) => (ascii ? line.slice(pos) : utf8Decode(bytes.subarray(pos)));
  const byteSpace = (b: number) => isSpace(String.fromCharCode(b));
  for (let pos = 0; pos <= bytes.length; pos++) {
    // A word is built from single bytes: Go's WriteRune(rune(byte)), so a
    // non-ASCII byte becomes its Latin-1 character.
    let ch = pos < bytes.length ? bytes[pos] : 0;
    if (phase === 'spaces') {
      if (pos === bytes.length) break;
      if (byteSpace(ch)) continue;
      if (ch !== 0x2d || pos + 1 === bytes.length || bytes[pos + 1] !== 0x2d) return [rest(pos), words];
      phase = 'word';
    }
    if (pos === bytes.length) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (byteSpace(ch)) {
        phase = 'spaces';
        if (word === '--') return [rest(pos), words];
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      if (ch === esc) {
        if (pos + 1 === bytes.length) continue;
        pos++;
        ch = bytes[pos];
      }
      word += String.fromCharCode(ch);
      continue;
    }
    // in a quote
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === esc) {
      if (pos + 1 === bytes.length) {
        phase = 'word';
        continue;
      }
      pos++;
      ch = bytes[pos];
    }
    word += String.fromCharCode(ch);
  }
  return ['', words];
}

function utf8Encode(s: string): Uint8Array {
  if (/^[\x00-\x7f]*$/.test(s)) {
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    return b;
  }
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function utf8Decode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let cp: number;
    let n: number;
    if (c < 0x80) [cp, n] = [c, 1];
    else if (c >= 0xc0 && c < 0xe0 && i + 1 < b.length) [cp, n] = [((c & 31) << 6) | (b[i + 1] & 63), 2];
    else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length) [cp, n] = [((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63), 3];
    else if (c >= 0xf0 && i + 3 < b.length) [cp, n] = [((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63), 4];
    else [cp, n] = [0xfffd, 1];
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}

function parseSubCommand(rest: string, d: Directives): { next?: Node } {
  if (rest === '') return {};
  const child = nodeFromLine(rest, d, []);
  const holder = newNode('');
  holder.children = [child];
  return { next: holder };
}

// Words separated by blanks, quotes and escapes kept for the later
// substitution (buildkit's parseWords).
export function parseWords(rest: string, escapeToken: string): string[] {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let word = '';
  const cs = Array.from(rest);
  for (let pos = 0; pos <= cs.length; pos++) {
    let ch = pos < cs.length ? cs[pos] : '';
    if (phase === 'spaces') {
      if (pos === cs.length) break;
      if (isSpace(ch)) continue;
      phase = 'word';
    }
    if (pos === cs.length) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escapeToken) {
        if (pos + 1 === cs.length) continue;
        word += ch;
        pos++;
        ch = cs[pos];
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    if (ch === escapeToken && quote !== "'") {
      if (pos + 1 === cs.length) {
        phase = 'word';
        continue;
      }
      pos++;
      word += ch;
      ch = cs[pos];
    }
    word += ch;
  }
  return words;
}

function keyValue(key: string, value: string, sep: string): Node {
  return newNode(key, newNode(value, newNode(sep)));
}

function parseNameVal(rest: string, key: string, d: Directives): Node | undefined {
  const words = parseWords(rest, d.escapeToken);
  if (words.length === 0) return undefined;
  if (!words[0].includes('=')) {
    const parts = splitN(rest, reWhitespace, 2);
    if (parts.length < 2) throw new ParseError(`${key} must have two arguments`);
    return keyValue(parts[0], parts[1], '');
  }
  let root: Node | undefined;
  let tail: Node | undefined;
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) throw new ParseError(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    const node = keyValue(word.slice(0, eq), word.slice(eq + 1), '=');
    if (!root) root = node;
    if (tail) tail.next = node;
    tail = node.next!.next!;
  }
  return root;
}

function parseNameOrNameVal(rest: string, d: Directives): { next?: Node } {
  const words = parseWords(rest, d.escapeToken);
  return { next: chain(words) };
}

function chain(values: string[]): Node | undefined {
  let root: Node | undefined;
  for (let i = values.length - 1; i >= 0; i--) root = newNode(values[i], root);
  return root;
}

function parseStringsWhitespaceDelimited(rest: string): { next?: Node } {
  if (rest === '') return {};
  return { next: chain(splitAll(rest, reWhitespace)) };
}

function parseString(rest: string): { next?: Node } {
  if (rest === '') return {};
  return { next: newNode(rest) };
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** A JSON array of strings (Go's encoding/json), or undefined when `rest` is not one. */
function parseJSON(rest: string): string[] | undefined {
  const s = trimLeftSpace(rest);
  if (!s.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  // Go fails to decode a number out of float64's range: not JSON then.
  if (parsed.some((v) => typeof v === 'number' && !Number.isFinite(v))) return undefined;
  if (!parsed.every((v) => typeof v === 'string')) throw new ParseError(NOT_STRING_ARRAY);
  return (parsed as string[]).map((v) => v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function parseMaybeJSON(rest: string): { next?: Node; json?: boolean } {
  if (rest === '') return {};
  const arr = parseJSON(rest);
  if (arr) return { next: chain(arr), json: true };
  return { next: newNode(rest) };
}

function parseMaybeJSONToList(rest: string): { next?: Node; json?: boolean } {
  const arr = parseJSON(rest);
  if (arr) return { next: chain(arr), json: true };
  return parseStringsWhitespaceDelimited(rest);
}

// HEALTHCHECK's first word is its type; the rest is a command (buildkit
// looks for the blank byte by byte).
function parseHealthConfig(rest: string): { next?: Node; json?: boolean } {
  const bytes = utf8Encode(rest);
  let sep = 0;
  while (sep < bytes.length && !isSpace(String.fromCharCode(bytes[sep]))) sep++;
  let next = sep;
  while (next < bytes.length && isSpace(String.fromCharCode(bytes[next]))) next++;
  if (sep === 0) return {};
  const typ = utf8Decode(bytes.subarray(0, sep));
  const cmd = parseMaybeJSON(utf8Decode(bytes.subarray(next)));
  return { next: newNode(typ, cmd.next), json: cmd.json };
}

/** A `<<WORD` heredoc marker, or undefined when `src` is not one. */
export function parseHeredoc(src: string): Heredoc | undefined {
  const m = reHeredoc.exec(src);
  if (!m) return undefined;
  const fd = m[1] === '' ? 0 : Number(m[1]);
  const chomp = m[2] === '-';
  const rest = m[3];
  if (rest.length === 0) return undefined;
  const plain = lex(rest, () => undefined, { skipUnsetEnv: true });
  if (!plain.ok) throw new ParseError(plain.error);
  if (plain.words.length !== 1) return undefined;
  const raw = lex(rest, () => undefined, { skipUnsetEnv: true, rawQuotes: true });
  if (!raw.ok) throw new ParseError(raw.error);
  if (raw.words.length !== plain.words.length) {
    throw new ParseError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const quotes = (w: string) => (w.match(/['"]/g) ?? []).length;
  return { name: plain.words[0], fileDescriptor: fd, expand: quotes(plain.words[0]) === quotes(raw.words[0]), chomp, content: '' };
}

function heredocsFromLine(line: string): Heredoc[] {
  const r = lex(line, () => undefined, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  const words = r.ok ? r.words : [];
  const docs: Heredoc[] = [];
  for (const w of words) {
    const h = parseHeredoc(w);
    if (h) docs.push(h);
  }
  return docs;
}

/** Removes the leading tabs of every line (`<<-`). */
export function chompHeredocContent(src: string): string {
  return src.replace(/(^|\n)\t+/g, '$1');
}

/** buildkit's Node.Dump: the s-expression its parser tests compare. */
export function dumpNode(node: Node): string {
  let s = node.value.toLowerCase();
  if (node.flags.length > 0) s += ' [' + node.flags.map(goQuote).join(' ') + ']';
  for (const c of node.children) s += '(' + dumpNode(c) + ')\n';
  for (let n = node.next; n; n = n.next) {
    s += ' ';
    s += n.children.length > 0 ? dumpNode(n) : goQuote(n.value);
  }
  return trimSpace(s);
}
