// The lexer of Go's text/template, step for step: the parser's error
// messages depend on exactly which token it stops at, so this follows Go's
// state machine (trim markers, comments, number scanning) closely.

import { isPrint, quote } from './strconv.ts';

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};
const KEYWORD_TYPES = new Set(Object.values(KEYWORDS));

export interface Item {
  typ: ItemType;
  pos: number; // index into the template text
  val: string;
  line: number;
}

/** How Go's parser names a token in "unexpected X in Y" messages. */
export function itemString(i: Item): string {
  if (i.typ === 'eof') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (KEYWORD_TYPES.has(i.typ)) return `<${i.val}>`;
  const runes = [...i.val];
  if (runes.length > 10) return quote(runes.slice(0, 10).join('')) + '...';
  return quote(i.val);
}

/** Go's %#U: "U+0041 'A'". */
export function formatRune(r: string): string {
  const hex = 'U+' + r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `${hex} '${r}'` : hex;
}

const LEFT = '{{';
const RIGHT = '}}';
const EOF = '';
const SPACE_CHARS = ' \t\r\n';

const isSpace = (r: string): boolean => r !== EOF && SPACE_CHARS.includes(r);
const isAlphaNumeric = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const hasLeftTrimMarker = (s: string): boolean => s.length >= 2 && s[0] === '-' && isSpace(s[1]!);
const hasRightTrimMarker = (s: string): boolean => s.length >= 2 && isSpace(s[0]!) && s[1] === '-';
const leftTrimLength = (s: string): number => s.length - s.replace(/^[ \t\r\n]+/, '').length;
const rightTrimLength = (s: string): number => s.length - s.replace(/[ \t\r\n]+$/, '').length;

type StateFn = (() => StateFn) | null;

export class Lexer {
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private insideAction = false;
  private item!: Item;

  constructor(private input: string) {}

  nextItem(): Item {
    this.item = { typ: 'eof', pos: this.pos, val: 'EOF', line: this.lineAt(this.start) };
    let state: StateFn = this.insideAction ? this.lexInsideAction : this.lexText;
    while (state) state = state.call(this);
    return this.item;
  }

  private lineAt(pos: number): number {
    let n = 1;
    for (let i = this.input.indexOf('\n'); i >= 0 && i < pos; i = this.input.indexOf('\n', i + 1)) n++;
    return n;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += r.length;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    if (this.atEOF || this.pos <= 0) return;
    const lo = this.input.charCodeAt(this.pos - 1);
    const hi = this.input.charCodeAt(this.pos - 2);
    this.pos -= lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? 2 : 1;
  }

  private thisItem(typ: ItemType): Item {
    const i = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.lineAt(this.start) };
    this.start = this.pos;
    return i;
  }

  private emit(typ: ItemType): StateFn {
    this.item = this.thisItem(typ);
    return null;
  }

  private emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  private ignore(): void {
    this.start = this.pos;
  }

  private accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(r)) return true;
    this.backup();
    return false;
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(r)) break;
    }
    this.backup();
  }

  private errorf(msg: string): StateFn {
    this.item = { typ: 'error', pos: this.start, val: msg, line: this.lineAt(this.start) };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  private lexText(): StateFn {
    const x = this.input.indexOf(LEFT, this.pos);
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x;
        // A "{{- " trims the spaces before it.
        let trim = 0;
        if (hasLeftTrimMarker(this.input.slice(this.pos + LEFT.length))) {
          trim = rightTrimLength(this.input.slice(this.start, this.pos));
        }
        this.pos -= trim;
        const i = this.thisItem('text');
        this.pos += trim;
        this.ignore();
        if (i.val.length > 0) return this.emitItem(i);
      }
      return this.lexLeftDelim;
    }
    this.pos = this.input.length;
    if (this.pos > this.start) return this.emit('text');
    return this.emit('eof');
  }

  private atRightDelim(): [boolean, boolean] {
    if (hasRightTrimMarker(this.input.slice(this.pos)) && this.input.startsWith(RIGHT, this.pos + 2)) return [true, true];
    if (this.input.startsWith(RIGHT, this.pos)) return [true, false];
    return [false, false];
  }

  private lexLeftDelim(): StateFn {
    this.pos += LEFT.length;
    const trim = hasLeftTrimMarker(this.input.slice(this.pos));
    const afterMarker = trim ? 2 : 0;
    if (this.input.startsWith('/*', this.pos + afterMarker)) {
      this.pos += afterMarker;
      this.ignore();
      return this.lexComment;
    }
    const i = this.thisItem('leftDelim');
    this.insideAction = true;
    this.pos += afterMarker;
    this.ignore();
    this.parenDepth = 0;
    return this.emitItem(i);
  }

  private lexComment(): StateFn {
    this.pos += 2;
    const x = this.input.indexOf('*/', this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + 2;
    const [delim, trim] = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    this.thisItem('comment'); // comments are not passed to the parser
    if (trim) this.pos += 2;
    this.pos += RIGHT.length;
    if (trim) this.pos += leftTrimLength(this.input.slice(this.pos));
    this.ignore();
    return this.lexText;
  }

  private lexRightDelim(): StateFn {
    const [, trim] = this.atRightDelim();
    if (trim) {
      this.pos += 2;
      this.ignore();
    }
    this.pos += RIGHT.length;
    const i = this.thisItem('rightDelim');
    if (trim) {
      this.pos += leftTrimLength(this.input.slice(this.pos));
      this.ignore();
    }
    this.insideAction = false;
    return this.emitItem(i);
  }

  private lexInsideAction(): StateFn {
    const [delim] = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return this.lexRightDelim;
      return this.errorf('unclosed left paren');
    }
    const r = this.next();
    if (r === EOF) return this.errorf('unclosed action');
    if (isSpace(r)) {
      this.backup(); // put the space back in case it begins " -}}"
      return this.lexSpace;
    }
    switch (r) {
      case '=':
        return this.emit('assign');
      case ':':
        if (this.next() !== '=') return this.errorf('expected :=');
        return this.emit('declare');
      case '|':
        return this.emit('pipe');
      case '"':
        return this.lexQuote;
      case '`':
        return this.lexRawQuote;
      case '$':
        return this.lexVariable;
      case "'":
        return this.lexChar;
      case '(':
        this.parenDepth++;
        return this.emit('leftParen');
      case ')':
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.emit('rightParen');
    }
    if (r === '.') {
      // ".field" unless a digit follows, when it starts a number
      const c = this.input[this.pos];
      if (c !== undefined && (c < '0' || c > '9')) return this.lexField;
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      this.backup();
      return this.lexNumber;
    }
    if (isAlphaNumeric(r)) {
      this.backup();
      return this.lexIdentifier;
    }
    if (r.codePointAt(0)! <= 0x7f && isPrint(r)) return this.emit('char');
    return this.errorf(`unrecognized character in action: ${formatRune(r)}`);
  }

  private lexSpace(): StateFn {
    let n = 0;
    while (isSpace(this.peek())) {
      this.next();
      n++;
    }
    // A space may begin a trim-marked right delimiter " -}}".
    if (hasRightTrimMarker(this.input.slice(this.pos - 1)) && this.input.startsWith(RIGHT, this.pos + 1)) {
      this.backup();
      if (n === 1) return this.lexRightDelim;
    }
    return this.emit('space');
  }

  private lexIdentifier(): StateFn {
    for (;;) {
      const r = this.next();
      if (r !== EOF && isAlphaNumeric(r)) continue;
      this.backup();
      const word = this.input.slice(this.start, this.pos);
      if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(r)}`);
      const kw = KEYWORDS[word];
      if (kw !== undefined && Object.prototype.hasOwnProperty.call(KEYWORDS, word)) return this.emit(kw);
      if (word === 'true' || word === 'false') return this.emit('bool');
      return this.emit('identifier');
    }
  }

  private lexField(): StateFn {
    return this.lexFieldOrVariable('field');
  }

  private lexVariable(): StateFn {
    if (this.atTerminator()) return this.emit('variable'); // just "$"
    return this.lexFieldOrVariable('variable');
  }

  private lexFieldOrVariable(typ: 'field' | 'variable'): StateFn {
    if (this.atTerminator()) return this.emit(typ === 'variable' ? 'variable' : 'dot');
    let r: string;
    for (;;) {
      r = this.next();
      if (r === EOF || !isAlphaNumeric(r)) {
        this.backup();
        break;
      }
    }
    if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(r)}`);
    return this.emit(typ);
  }

  // What may follow an identifier: this splits .X.Y into two pieces.
  private atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === EOF || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }

  private lexChar(): StateFn {
    for (;;) {
      let r = this.next();
      if (r === '\\') {
        r = this.next();
        if (r !== EOF && r !== '\n') continue;
      }
      if (r === EOF || r === '\n') return this.errorf('unterminated character constant');
      if (r === "'") break;
    }
    return this.emit('charConstant');
  }

  private lexNumber(): StateFn {
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === '+' || sign === '-') {
      // complex: 1+2i
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') {
        return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
      }
      return this.emit('complex');
    }
    return this.emit('number');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    const p = this.peek();
    if (p !== EOF && isAlphaNumeric(p)) {
      this.next();
      return false;
    }
    return true;
  }

  private lexQuote(): StateFn {
    for (;;) {
      let r = this.next();
      if (r === '\\') {
        r = this.next();
        if (r !== EOF && r !== '\n') continue;
      }
      if (r === EOF || r === '\n') return this.errorf('unterminated quoted string');
      if (r === '"') break;
    }
    return this.emit('string');
  }

  private lexRawQuote(): StateFn {
    for (;;) {
      const r = this.next();
      if (r === EOF) return this.errorf('unterminated raw quoted string');
      if (r === '`') break;
    }
    return this.emit('rawString');
  }
}
