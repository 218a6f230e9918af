// A small evaluator for the one-liners learners give `python -c`: print
// of literals, arithmetic, comparisons and a few builtins, in Python 2 or 3
// semantics (integer division, print statement vs function, str of floats).
// What it cannot evaluate it reports as unsupported, never as a Python error.

export type PyValue = number | string | boolean | null | PyFloat | PyValue[] | PyTuple;
/** A float that holds an integral value (so 2.0 prints as 2.0, not 2). */
export class PyFloat {
  constructor(readonly v: number) {}
}
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

/** A Python exception: its class name and message, as the traceback's last line shows them. */
export class PyError {
  constructor(
    readonly type: string,
    readonly message: string,
  ) {}
}

/** Code the evaluator does not understand. */
export class Unsupported {
  constructor(readonly what: string) {}
}

type Tok = { t: 'num'; v: string } | { t: 'str'; v: string } | { t: 'fstr'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string };

function unescape(body: string): string {
  return body.replace(/\\(n|t|r|\\|'|"|0|x[0-9a-fA-F]{2})/g, (_, e: string) => {
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    if (e === 'r') return '\r';
    if (e === '0') return '\0';
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return e;
  });
}

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const num = /^(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const fstr = /^(?:[fF][rR]?|[rR][fF])("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/.exec(src.slice(i));
    if (fstr) {
      const body = fstr[1]!.slice(1, -1);
      out.push({ t: 'fstr', v: /[rR]/.test(fstr[0].slice(0, 2)) ? body : unescape(body) });
      i += fstr[0].length;
      continue;
    }
    const str = /^[rRuUbB]?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/.exec(src.slice(i));
    if (str) {
      const raw = str[1]!;
      const q = raw.startsWith('"""') || raw.startsWith("'''") ? 3 : 1;
      const body = raw.slice(q, raw.length - q);
      out.push({ t: 'str', v: /^[rR]/.test(str[0]) ? body : unescape(body) });
      i += str[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(\*\*|\/\/|==|!=|<=|>=|[-+*/%()<>,.\[\]])/.exec(src.slice(i));
    if (!op) throw new Unsupported(src.slice(i));
    out.push({ t: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

const isFloat = (v: PyValue): v is PyFloat | number => v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
const num = (v: PyValue): number | null => (v instanceof PyFloat ? v.v : typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null);

function typeName(v: PyValue, py3: boolean): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyTuple) return 'tuple';
  if (Array.isArray(v)) return 'list';
  if (isFloat(v)) return 'float';
  return py3 ? 'int' : 'int';
}

/** repr() of a value. */
export function repr(v: PyValue, py3: boolean): string {
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${repr(v.items[0]!, py3)},)` : `(${v.items.map((x) => repr(x, py3)).join(', ')})`;
  if (Array.isArray(v)) return `[${v.map((x) => repr(x, py3)).join(', ')}]`;
  if (isFloat(v)) return floatRepr(num(v)!, true);
  return str(v, py3);
}

function floatRepr(n: number, full: boolean): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  // Python 2's str(float) keeps 12 significant digits; repr and Python 3 the shortest round-trip
  let s = full ? String(n) : String(Number(n.toPrecision(12)));
  if (/e/.test(s)) s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  else if (!s.includes('.')) s += '.0';
  return s;
}

/** str() of a value, as print shows it. */
export function str(v: PyValue, py3: boolean): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return v;
  if (v instanceof PyTuple || Array.isArray(v)) return repr(v, py3);
  if (isFloat(v)) return floatRepr(num(v)!, py3);
  return String(v);
}

/** Evaluates expressions over tokens: or/and/not, comparisons, + - * / // % **, unary minus, calls of a few builtins. */
export class Evaluator {
  private toks: Tok[] = [];
  private i = 0;
  constructor(
    readonly py3: boolean,
    readonly vars = new Map<string, PyValue>(),
    /** Calls of dotted names the host provides (os.getenv, socket.gethostname); undefined: not one of them. */
    readonly host: (name: string, args: PyValue[]) => PyValue | undefined = () => undefined,
  ) {}

  evalAll(src: string): PyValue[] {
    this.toks = tokenize(src);
    this.i = 0;
    const out: PyValue[] = [];
    if (!this.toks.length) return out;
    for (;;) {
      out.push(this.expr());
      if (this.peek('op', ',')) {
        this.i++;
        if (this.i >= this.toks.length) break;
        continue;
      }
      break;
    }
    if (this.i < this.toks.length) throw new Unsupported(src);
    return out;
  }

  private peek(t: Tok['t'], v?: string): boolean {
    const k = this.toks[this.i];
    return !!k && k.t === t && (v === undefined || k.v === v);
  }

  private expect(v: string): void {
    if (!this.peek('op', v)) throw new Unsupported(v);
    this.i++;
  }

  private expr(): PyValue {
    let left = this.and();
    while (this.peek('name', 'or')) {
      this.i++;
      const right = this.and();
      left = truthy(left) ? left : right;
    }
    return left;
  }

  private and(): PyValue {
    let left = this.not();
    while (this.peek('name', 'and')) {
      this.i++;
      const right = this.not();
      left = truthy(left) ? right : left;
    }
    return left;
  }

  private not(): PyValue {
    if (this.peek('name', 'not')) {
      this.i++;
      return !truthy(this.not());
    }
    return this.compare();
  }

  private compare(): PyValue {
    const left = this.sum();
    const ops = ['==', '!=', '<', '>', '<=', '>='];
    const k = this.toks[this.i];
    if (k && k.t === 'op' && ops.includes(k.v)) {
      this.i++;
      const right = this.sum();
      const a = num(left) ?? left;
      const b = num(right) ?? right;
      switch (k.v) {
        case '==':
          return str(left, this.py3) === str(right, this.py3) && typeof a === typeof b;
        case '!=':
          return !(str(left, this.py3) === str(right, this.py3) && typeof a === typeof b);
      }
      if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) throw new Unsupported(k.v);
      const x = a as number | string;
      const y = b as number | string;
      return k.v === '<' ? x < y : k.v === '>' ? x > y : k.v === '<=' ? x <= y : x >= y;
    }
    return left;
  }

  private sum(): PyValue {
    let left = this.term();
    while (this.peek('op', '+') || this.peek('op', '-')) {
      const op = this.toks[this.i++]!.v;
      left = this.arith(op, left, this.term());
    }
    return left;
  }

  private term(): PyValue {
    let left = this.unary();
    while (this.peek('op', '*') || this.peek('op', '/') || this.peek('op', '//') || this.peek('op', '%')) {
      const op = this.toks[this.i++]!.v;
      left = this.arith(op, left, this.unary());
    }
    return left;
  }

  private unary(): PyValue {
    if (this.peek('op', '-') || this.peek('op', '+')) {
      const op = this.toks[this.i++]!.v;
      const v = this.unary();
      const n = num(v);
      if (n === null) throw new PyError('TypeError', `bad operand type for unary ${op}: '${typeName(v, this.py3)}'`);
      const r = op === '-' ? -n : n;
      return isFloat(v) ? new PyFloat(r) : r;
    }
    return this.power();
  }

  private power(): PyValue {
    const base = this.atom();
    if (this.peek('op', '**')) {
      this.i++;
      return this.arith('**', base, this.unary());
    }
    return base;
  }

  private atom(): PyValue {
    const k = this.toks[this.i++];
    if (!k) throw new Unsupported('end of input');
    if (k.t === 'num') return /[.eE]/.test(k.v) ? new PyFloat(Number(k.v)) : Number(k.v);
    if (k.t === 'str') {
      let s = k.v;
      while (this.peek('str')) s += this.toks[this.i++]!.v;
      return this.postfix(s);
    }
    if (k.t === 'op' && k.v === '(') {
      if (this.peek('op', ')')) {
        this.i++;
        return new PyTuple([]);
      }
      const first = this.expr();
      if (this.peek('op', ',')) {
        const items = [first];
        while (this.peek('op', ',')) {
          this.i++;
          if (this.peek('op', ')')) break;
          items.push(this.expr());
        }
        this.expect(')');
        return new PyTuple(items);
      }
      this.expect(')');
      return this.postfix(first);
    }
    if (k.t === 'op' && k.v === '[') {
      const items: PyValue[] = [];
      while (!this.peek('op', ']')) {
        items.push(this.expr());
        if (this.peek('op', ',')) this.i++;
        else break;
      }
      this.expect(']');
      return this.postfix(items);
    }
    if (k.t === 'fstr') {
      if (!this.py3) throw new Unsupported('f-strings need Python 3.6');
      return this.postfix(this.fstring(k.v));
    }
    if (k.t === 'name') {
      if (k.v === 'True') return true;
      if (k.v === 'False') return false;
      if (k.v === 'None') return null;
      let name = k.v;
      // a dotted name (os.getenv): only calls the host provides
      while (this.peek('op', '.') && this.toks[this.i + 1]?.t === 'name' && !this.vars.has(k.v)) {
        name += '.' + this.toks[this.i + 1]!.v;
        this.i += 2;
      }
      if (this.peek('op', '(')) {
        this.i++;
        const args: PyValue[] = [];
        while (!this.peek('op', ')')) {
          args.push(this.expr());
          if (this.peek('op', ',')) this.i++;
          else break;
        }
        this.expect(')');
        const hosted = this.host(name, args);
        if (hosted !== undefined) return this.postfix(hosted);
        if (name.includes('.')) throw new Unsupported(name);
        return this.postfix(this.call(name, args));
      }
      if (name.includes('.')) throw new Unsupported(name);
      const known = this.vars.get(k.v);
      if (known !== undefined) return this.postfix(known);
      throw new PyError('NameError', `name '${k.v}' is not defined`);
    }
    throw new Unsupported(k.v);
  }

  /** An f-string: literal text with {expression} fields ({{ and }} for braces). */
  private fstring(body: string): string {
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c === '{' && body[i + 1] === '{') {
        out += '{';
        i++;
      } else if (c === '}' && body[i + 1] === '}') {
        out += '}';
        i++;
      } else if (c === '{') {
        const end = body.indexOf('}', i);
        if (end < 0) throw new Unsupported(body);
        const field = body.slice(i + 1, end);
        if (/[:!]/.test(field.replace(/(['"]).*?\1/g, ''))) throw new Unsupported(`{${field}}`);
        const inner = new Evaluator(this.py3, this.vars, this.host).evalAll(field);
        if (inner.length !== 1) throw new Unsupported(field);
        out += str(inner[0]!, this.py3);
        i = end;
      } else out += c;
    }
    return out;
  }

  /** Method calls on strings: upper, lower, strip, title. */
  private postfix(v: PyValue): PyValue {
    while (this.peek('op', '.') && typeof v === 'string') {
      this.i++;
      const m = this.toks[this.i++];
      this.expect('(');
      this.expect(')');
      const s: string = v;
      if (m?.v === 'upper') v = s.toUpperCase();
      else if (m?.v === 'lower') v = s.toLowerCase();
      else if (m?.v === 'strip') v = s.trim();
      else if (m?.v === 'title') v = s.replace(/[A-Za-z]+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
      else throw new Unsupported(m?.v ?? '.');
    }
    return v;
  }

  private call(name: string, args: PyValue[]): PyValue {
    switch (name) {
      case 'len': {
        const a = args[0];
        if (typeof a === 'string') return a.length;
        if (Array.isArray(a)) return a.length;
        if (a instanceof PyTuple) return a.items.length;
        throw new PyError('TypeError', `object of type '${typeName(a ?? null, this.py3)}' has no len()`);
      }
      case 'str':
        return args.length ? str(args[0]!, this.py3) : '';
      case 'repr':
        return repr(args[0] ?? null, this.py3);
      case 'int': {
        const a = args[0] ?? 0;
        if (typeof a === 'string') {
          if (!/^\s*[-+]?\d+\s*$/.test(a)) throw new PyError('ValueError', `invalid literal for int() with base 10: ${repr(a, this.py3)}`);
          return Number(a);
        }
        const n = num(a);
        if (n === null) throw new Unsupported('int');
        return Math.trunc(n);
      }
      case 'float': {
        const a = args[0] ?? 0;
        const n = typeof a === 'string' ? Number(a) : num(a);
        if (n === null || Number.isNaN(n)) throw new PyError('ValueError', `could not convert string to float: ${repr(a, this.py3)}`);
        return new PyFloat(n);
      }
      case 'abs': {
        const n = num(args[0] ?? 0)!;
        return isFloat(args[0]!) ? new PyFloat(Math.abs(n)) : Math.abs(n);
      }
      case 'max':
      case 'min': {
        const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
        const nums = list.map((x) => num(x));
        if (!nums.length || nums.some((x) => x === null)) throw new Unsupported(name);
        const pick = name === 'max' ? Math.max(...(nums as number[])) : Math.min(...(nums as number[]));
        return list[nums.indexOf(pick)]!;
      }
    }
    throw new PyError('NameError', `name '${name}' is not defined`);
  }

  private arith(op: string, a: PyValue, b: PyValue): PyValue {
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
    if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    if (op === '*' && (typeof a === 'string' || typeof b === 'string')) {
      const [text, times] = typeof a === 'string' ? [a, b] : [b as string, a];
      if (typeof times !== 'number' || !Number.isInteger(times)) throw new PyError('TypeError', `can't multiply sequence by non-int of type '${typeName(times, this.py3)}'`);
      if (text.length * times > 50_000_000) throw new PyError('MemoryError', '');
      return text.repeat(Math.max(0, times));
    }
    if (op === '%' && typeof a === 'string') return a.replace(/%[sd]/, () => str(b instanceof PyTuple ? b.items[0]! : b, this.py3));
    const x = num(a);
    const y = num(b);
    if (x === null || y === null) {
      const ta = typeName(a, this.py3);
      const tb = typeName(b, this.py3);
      if (op === '+' && ta === 'str' && this.py3) throw new PyError('TypeError', `can only concatenate str (not "${tb}") to str`);
      if (op === '+' && ta === 'str') throw new PyError('TypeError', `cannot concatenate 'str' and '${tb}' objects`);
      throw new PyError('TypeError', `unsupported operand type(s) for ${op}: '${ta}' and '${tb}'`);
    }
    const fl = isFloat(a) || isFloat(b);
    const out = (v: number, float = fl): PyValue => {
      if (float) {
        if (!Number.isFinite(v) && Number.isFinite(x) && Number.isFinite(y)) throw new PyError('OverflowError', op === '**' ? "(34, 'Numerical result out of range')" : 'float overflow');
        return new PyFloat(v);
      }
      // Python integers have no bound; past 2**53 the simulator's numbers would be wrong
      if (!Number.isSafeInteger(v)) throw new Unsupported('integers beyond 2**53');
      return v;
    };
    switch (op) {
      case '+':
        return out(x + y);
      case '-':
        return out(x - y);
      case '*':
        return out(x * y);
      case '**':
        return out(x ** y, fl || y < 0);
      case '/':
      case '//':
      case '%': {
        if (y === 0) {
          if (op === '/' && (this.py3 || fl)) throw new PyError('ZeroDivisionError', this.py3 ? 'division by zero' : 'float division by zero');
          if (fl) throw new PyError('ZeroDivisionError', op === '%' ? 'float modulo' : 'float divmod()');
          throw new PyError('ZeroDivisionError', 'integer division or modulo by zero');
        }
        if (op === '/' && (this.py3 || fl)) return new PyFloat(x / y);
        if (op === '%') return out(x - Math.floor(x / y) * y);
        return out(Math.floor(x / y));
      }
    }
    throw new Unsupported(op);
  }
}

export function truthy(v: PyValue): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}
