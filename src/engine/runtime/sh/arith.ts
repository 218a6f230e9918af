// $(( ... )): C integer expressions over shell variables. Parsed once per
// distinct text (loops re-evaluate the same strings) and evaluated on demand.

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** An arithmetic error; `bash` and `ash` carry each shell's wording. */
export class ArithError extends Error {
  constructor(
    readonly bash: string,
    readonly ash: string,
    /** dash's wording (Debian's /bin/sh); ash's where none is known. */
    readonly dash: string = ash,
  ) {
    super(bash);
  }
}

type Node =
  | { k: 'num'; v: number }
  | { k: 'var'; name: string }
  | { k: 'un'; op: string; e: Node }
  | { k: 'bin'; op: string; l: Node; r: Node; rtext: string }
  | { k: 'and' | 'or'; l: Node; r: Node }
  | { k: 'cond'; c: Node; a: Node; b: Node }
  | { k: 'assign'; op: string; name: string; e: Node }
  | { k: 'inc'; name: string; delta: number; post: boolean }
  | { k: 'comma'; l: Node; r: Node };

interface Tok {
  t: 'num' | 'name' | 'op' | 'end';
  v: string;
  pos: number;
}

const OPS = [
  '<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ',',
];

const BINARY: Record<string, number> = {
  '*': 12, '/': 12, '%': 12,
  '+': 11, '-': 11,
  '<<': 10, '>>': 10,
  '<': 9, '<=': 9, '>': 9, '>=': 9,
  '==': 8, '!=': 8,
  '&': 7, '^': 6, '|': 5,
};

const cache = new Map<string, Node | null>();

function tokenize(s: string, expr: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(?:0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+[0-9a-zA-Z_]*)/.exec(s.slice(i))!;
      out.push({ t: 'num', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))!;
      out.push({ t: 'name', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) throw syntaxError(expr, s.slice(i));
    out.push({ t: 'op', v: op, pos: i });
    i += op.length;
  }
  out.push({ t: 'end', v: '', pos: s.length });
  return out;
}

function syntaxError(expr: string, token: string): ArithError {
  return new ArithError(`${expr}: syntax error: operand expected (error token is "${token}")`, 'arithmetic syntax error', `arithmetic expression: expecting primary: "${expr}"`);
}

function parseNumber(text: string, expr: string): number {
  let m: RegExpExecArray | null;
  if ((m = /^0[xX]([0-9a-fA-F]+)$/.exec(text))) return parseInt(m[1]!, 16);
  if ((m = /^([0-9]+)#([0-9a-zA-Z@_]+)$/.exec(text))) {
    const base = Number(m[1]);
    let v = 0;
    for (const ch of m[2]!) {
      const d = /[0-9]/.test(ch)
        ? ch.charCodeAt(0) - 48
        : /[a-z]/.test(ch)
          ? ch.charCodeAt(0) - 87
          : /[A-Z]/.test(ch)
            ? base <= 36
              ? ch.charCodeAt(0) - 55
              : ch.charCodeAt(0) - 29
            : ch === '@'
              ? 62
              : 63;
      if (d >= base) throw new ArithError(`${expr}: value too great for base (error token is "${text}")`, 'arithmetic syntax error');
      v = v * base + d;
    }
    return v;
  }
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8) || 0;
  if (/^[0-9]+$/.test(text)) {
    if (text.startsWith('0')) throw new ArithError(`${expr}: value too great for base (error token is "${text}")`, 'arithmetic syntax error');
    return Number(text);
  }
  throw new ArithError(`${expr}: value too great for base (error token is "${text}")`, 'arithmetic syntax error');
}

class ArithParser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly src: string,
    private readonly expr: string,
  ) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }

  private fail(): never {
    const t = this.peek();
    throw syntaxError(this.expr, t.t === 'end' ? (this.toks[this.i - 1]?.v ?? '') : this.src.slice(t.pos).trim());
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }

  parse(): Node {
    const n = this.comma();
    if (this.peek().t !== 'end') this.fail();
    return n;
  }

  private comma(): Node {
    let l = this.assign();
    while (this.isOp(',')) {
      this.i++;
      l = { k: 'comma', l, r: this.assign() };
    }
    return l;
  }

  private assign(): Node {
    const t = this.peek();
    const n = this.toks[this.i + 1]!;
    if (t.t === 'name' && n.t === 'op' && /^(?:[-+*/%&^|]|<<|>>)?=$/.test(n.v)) {
      this.i += 2;
      return { k: 'assign', op: n.v, name: t.v, e: this.assign() };
    }
    return this.ternary();
  }

  private ternary(): Node {
    const c = this.binary(3);
    if (!this.isOp('?')) return c;
    this.i++;
    const a = this.comma();
    if (!this.isOp(':')) this.fail();
    this.i++;
    const b = this.assign();
    return { k: 'cond', c, a, b };
  }

  /** Precedence climbing; levels 3 (||) and 4 (&&) short-circuit. */
  private binary(level: number): Node {
    if (level === 3 || level === 4) {
      const op = level === 3 ? '||' : '&&';
      let l = this.binary(level + 1);
      while (this.isOp(op)) {
        this.i++;
        l = { k: level === 3 ? 'or' : 'and', l, r: this.binary(level + 1) };
      }
      return l;
    }
    if (level > 12) return this.power();
    let l = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || BINARY[t.v] !== level) return l;
      this.i++;
      const start = this.peek().pos;
      const r = this.binary(level + 1);
      l = { k: 'bin', op: t.v, l, r, rtext: this.src.slice(start) };
    }
  }

  private power(): Node {
    const l = this.unary();
    if (this.isOp('**')) {
      this.i++;
      const start = this.peek().pos;
      const r = this.power();
      return { k: 'bin', op: '**', l, r, rtext: this.src.slice(start) };
    }
    return l;
  }

  private unary(): Node {
    const t = this.peek();
    if (t.t === 'op') {
      if (t.v === '++' || t.v === '--') {
        const n = this.toks[this.i + 1]!;
        if (n.t === 'name') {
          this.i += 2;
          return { k: 'inc', name: n.v, delta: t.v === '++' ? 1 : -1, post: false };
        }
      }
      if (t.v === '+' || t.v === '-' || t.v === '!' || t.v === '~') {
        this.i++;
        return { k: 'un', op: t.v, e: this.unary() };
      }
    }
    return this.postfix();
  }

  private postfix(): Node {
    const t = this.peek();
    if (t.t === 'num') {
      this.i++;
      return { k: 'num', v: parseNumber(t.v, this.expr) };
    }
    if (t.t === 'name') {
      this.i++;
      const n = this.peek();
      if (n.t === 'op' && (n.v === '++' || n.v === '--')) {
        this.i++;
        return { k: 'inc', name: t.v, delta: n.v === '++' ? 1 : -1, post: true };
      }
      return { k: 'var', name: t.v };
    }
    if (t.t === 'op' && t.v === '(') {
      this.i++;
      const e = this.comma();
      if (!this.isOp(')')) this.fail();
      this.i++;
      return e;
    }
    return this.fail();
  }
}

function int64(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

function compute(op: string, a: number, b: number, expr: string, rtext: string): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
    case '%':
      if (b === 0) throw new ArithError(`${expr}: division by 0 (error token is "${rtext}")`, 'divide by zero', `arithmetic expression: division by zero: "${expr}"`);
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**':
      if (b < 0) throw new ArithError(`${expr}: exponent less than 0 (error token is "${rtext}")`, 'exponent less than 0');
      return int64(BigInt(a) ** BigInt(b));
    case '<<':
      return int64(BigInt(a) << BigInt(b & 63));
    case '>>':
      return int64(BigInt(a) >> BigInt(b & 63));
    case '&':
      return int64(BigInt(a) & BigInt(b));
    case '|':
      return int64(BigInt(a) | BigInt(b));
    case '^':
      return int64(BigInt(a) ^ BigInt(b));
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
  }
  throw new ArithError(`${expr}: syntax error`, 'arithmetic syntax error');
}

class Evaluator {
  constructor(
    private readonly vars: ArithVars,
    private readonly expr: string,
    private readonly depth: number,
  ) {}

  value(name: string): number {
    const s = this.vars.get(name);
    if (s === undefined || s === '') return 0;
    const n = Number(s);
    if (Number.isSafeInteger(n) && String(n) === s) return n;
    const t = s.trim();
    if (/^-?[0-9]+$/.test(t) && !/^-?0[0-9]/.test(t)) return Number(t);
    if (this.depth > 64) throw new ArithError(`${t}: expression recursion level exceeded (error token is "${t}")`, 'arithmetic syntax error');
    return evalArith(t, this.vars, this.depth + 1);
  }

  run(n: Node): number {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'var':
        return this.value(n.name);
      case 'un': {
        const v = this.run(n.e);
        return n.op === '-' ? -v : n.op === '+' ? v : n.op === '!' ? (v ? 0 : 1) : int64(~BigInt(v));
      }
      case 'bin':
        return compute(n.op, this.run(n.l), this.run(n.r), this.expr, n.rtext);
      case 'and':
        return this.run(n.l) && this.run(n.r) ? 1 : 0;
      case 'or':
        return this.run(n.l) || this.run(n.r) ? 1 : 0;
      case 'cond':
        return this.run(n.c) ? this.run(n.a) : this.run(n.b);
      case 'comma':
        this.run(n.l);
        return this.run(n.r);
      case 'inc': {
        const old = this.value(n.name);
        const v = old + n.delta;
        this.vars.set(n.name, String(v));
        return n.post ? old : v;
      }
      case 'assign': {
        let v = this.run(n.e);
        if (n.op !== '=') v = compute(n.op.slice(0, -1), this.value(n.name), v, this.expr, '');
        this.vars.set(n.name, String(v));
        return v;
      }
    }
  }
}

/** Evaluates an arithmetic expression (already expanded text). */
export function evalArith(text: string, vars: ArithVars, depth = 0): number {
  let node = cache.get(text);
  const expr = text.replace(/^[ \t\n]+/, '');
  if (node === undefined) {
    node = expr.trim() === '' ? null : new ArithParser(tokenize(expr, expr), expr, expr).parse();
    if (cache.size > 1000) cache.clear();
    cache.set(text, node);
  }
  if (node === null) return 0;
  return new Evaluator(vars, expr, depth).run(node);
}
