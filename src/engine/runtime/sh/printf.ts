// printf formatting and echo -e escapes, shared by the builtins and programs.

export type PrintfStyle = 'busybox' | 'bash' | 'gnu';

export interface PrintfResult {
  out: string;
  /** Messages after the `printf: ` prefix. */
  errors: string[];
  status: number;
}

/** Backslash escapes of echo -e and %b. `stop` is set by \c. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case 'e':
        out += '\x1b';
        break;
      case '\\':
        out += '\\';
        break;
      case 'c':
        return { text: out, stop: true };
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))!;
        out += String.fromCharCode(parseInt(m[0] || '0', 8) & 255);
        i += m[0].length;
        break;
      }
      default:
        if (n >= '1' && n <= '7') {
          const m = /^[0-7]{1,3}/.exec(s.slice(i))!;
          out += String.fromCharCode(parseInt(m[0], 8) & 255);
          i += m[0].length - 1;
        } else out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

/** Escapes in a printf format (no \c; octal takes up to 3 digits without a leading 0). */
function formatEscape(s: string, i: number): { text: string; next: number } {
  const n = s[i + 1];
  if (n === undefined) return { text: '\\', next: i + 1 };
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'" };
  if (simple[n] !== undefined) return { text: simple[n]!, next: i + 2 };
  if (n >= '0' && n <= '7') {
    const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))!;
    return { text: String.fromCharCode(parseInt(m[0], 8) & 255), next: i + 1 + m[0].length };
  }
  if (n === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
    if (m) return { text: String.fromCharCode(parseInt(m[0], 16)), next: i + 2 + m[0].length };
  }
  return { text: '\\' + n, next: i + 2 };
}

function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0]! : '';
    const body = sign ? s.slice(1) : s;
    const prefix = /^0[xX]/.test(body) ? body.slice(0, 2) : '';
    return sign + prefix + body.slice(prefix.length).padStart(width - sign.length - prefix.length, '0');
  }
  return s.padStart(width);
}

/** printf FORMAT ARGS... */
export function formatPrintf(format: string, args: string[], style: PrintfStyle): PrintfResult {
  let out = '';
  const errors: string[] = [];
  let status = 0;
  let ai = 0;

  const num = (s: string | undefined, float: boolean): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    const t = s.trim();
    let v: number;
    let ok = true;
    if (float) {
      v = Number(t);
      if (Number.isNaN(v)) {
        const m = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(t);
        v = m ? Number(m[0]) : 0;
        ok = false;
      }
    } else if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) v = parseInt(t, 16);
    else if (/^[-+]?0[0-7]+$/.test(t)) v = parseInt(t, 8);
    else if (/^[-+]?\d+$/.test(t)) v = Number(t);
    else {
      const m = /^[-+]?\d+/.exec(t);
      v = m ? Number(m[0]) : 0;
      ok = false;
    }
    if (!ok) {
      status = 1;
      if (style === 'bash') errors.push(`${s}: invalid number`);
      else if (style === 'busybox') {
        errors.push(`invalid number '${s}'`);
        v = 0;
      } else errors.push(/^[-+]?\d/.test(t) ? `'${s}': value not completely converted` : `'${s}': expected a numeric value`);
    }
    return v;
  };

  for (;;) {
    const startAi = ai;
    let i = 0;
    while (i < format.length) {
      const c = format[i]!;
      if (c === '\\') {
        const e = formatEscape(format, i);
        out += e.text;
        i = e.next;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      if (format[i + 1] === '%') {
        out += '%';
        i += 2;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z]?)/.exec(format.slice(i))!;
      i += m[0].length;
      const flags = m[1]!;
      let width = 0;
      if (m[2] === '*') width = num(args[ai++], false);
      else if (m[2]) width = Number(m[2]);
      let prec: number | undefined;
      if (m[3] !== undefined) prec = m[3] === '*' ? num(args[ai++], false) : Number(m[3] || 0);
      const left = flags.includes('-') || width < 0;
      width = Math.abs(width);
      const zero = flags.includes('0') && !left;
      const conv = m[4]!;
      const arg = args[ai];
      let s: string;
      switch (conv) {
        case 's':
          ai++;
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, width, left, false);
          break;
        case 'b': {
          ai++;
          const e = echoEscapes(arg ?? '');
          s = e.text;
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, width, left, false);
          if (e.stop) return { out, errors, status };
          break;
        }
        case 'q':
          if (style === 'busybox') {
            errors.push(`${m[0]}: invalid format`);
            return { out, errors, status: 1 };
          }
          ai++;
          out += pad(shellQuote(arg ?? ''), width, left, false);
          break;
        case 'c':
          ai++;
          out += pad((arg ?? '').slice(0, 1), width, left, false);
          break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          ai++;
          let v = Math.trunc(num(arg, false));
          if (conv === 'u' && v < 0) v = Number(BigInt.asUintN(64, BigInt(v)));
          let body: string;
          const neg = v < 0;
          const a = Math.abs(v);
          if (conv === 'o') body = a.toString(8);
          else if (conv === 'x') body = a.toString(16);
          else if (conv === 'X') body = a.toString(16).toUpperCase();
          else body = String(a);
          if (prec !== undefined) body = body.padStart(prec, '0');
          if (flags.includes('#') && a !== 0) body = conv === 'o' ? '0' + body : conv === 'x' ? '0x' + body : conv === 'X' ? '0X' + body : body;
          const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          out += pad(sign + body, width, left, zero && prec === undefined);
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          ai++;
          const v = num(arg, true);
          const p = prec ?? 6;
          let body: string;
          const a = Math.abs(v);
          if (conv === 'f' || conv === 'F') body = a.toFixed(p);
          else if (conv === 'e' || conv === 'E') body = expo(a, p);
          else body = general(a, p === 0 ? 1 : p, flags.includes('#'));
          if (conv === 'E' || conv === 'G') body = body.toUpperCase();
          const sign = v < 0 || Object.is(v, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          out += pad(sign + body, width, left, zero);
          break;
        }
        default: {
          const spec = m[0];
          if (style === 'bash') errors.push(`\`${conv || '%'}': invalid format character`);
          else if (style === 'busybox') errors.push(`${spec}: invalid format`);
          else errors.push(`${spec}: invalid conversion specification`);
          return { out, errors, status: 1 };
        }
      }
    }
    if (ai >= args.length || ai === startAi) break;
  }
  return { out, errors, status };
}

function expo(a: number, p: number): string {
  const s = a.toExponential(p);
  return s.replace(/e([-+])(\d)$/, 'e$10$2');
}

function general(a: number, p: number, alt: boolean): string {
  if (a === 0) return '0';
  const x = Math.floor(Math.log10(a));
  let s: string;
  if (x < -4 || x >= p) {
    s = expo(a, p - 1);
    if (!alt) s = s.replace(/\.?0+e/, 'e');
  } else {
    s = a.toFixed(Math.max(0, p - 1 - x));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}
