// Go's fmt package over JS values (see govalue.ts for the value model):
// %v printing as text/template does it, and Sprint/Sprintln/Sprintf for the
// template functions print, println and printf.

import { formatFloat, quote, utf8Bytes } from './strconv.ts';
import {
  GoNil,
  kindOf,
  numValue,
  sortedEntries,
  stringerText,
  structEntries,
  typeName,
  type NumberMode,
} from './govalue.ts';

interface Spec {
  verb: string;
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

const plainSpec = (verb: string): Spec => ({
  verb,
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
});

/** fmt.Sprint of one value (%v), as {{.}} prints it. */
export function formatValue(v: unknown, mode: NumberMode = 'float64'): string {
  return printArg(v, plainSpec('v'), mode, 1);
}

/**
 * fmt.Sprint: spaces only between operands when neither is a string.
 * `deref` prints pointer-typed structs without the "&", as the template's
 * html/js/urlquery do after dereferencing their arguments.
 */
export function sprint(args: unknown[], mode: NumberMode = 'float64', deref = false): string {
  let out = '';
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += printArg(arg, plainSpec('v'), mode, deref ? 1 : 0);
    prevString = isString;
  });
  return out;
}

/** fmt.Sprintln: always spaces between operands, and a trailing newline. */
export function sprintln(args: unknown[], mode: NumberMode = 'float64'): string {
  return args.map((a) => printArg(a, plainSpec('v'), mode, 0)).join(' ') + '\n';
}

/** fmt.Sprintf with Go's verbs, flags, width and precision, and its %!verb(...) complaints. */
export function sprintf(format: string, args: unknown[], mode: NumberMode = 'float64'): string {
  let out = '';
  let argNum = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec = plainSpec('v');
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '#') spec.sharp = true;
      else if (c === '0') spec.zero = !spec.minus; // only pad with zeros on the left
      else if (c === '+') spec.plus = true;
      else if (c === '-') {
        spec.minus = true;
        spec.zero = false;
      } else if (c === ' ') spec.space = true;
      else break;
    }
    const w = /^\d+/.exec(format.slice(i));
    if (w) {
      spec.width = Number(w[0]);
      i += w[0].length;
    }
    if (format[i] === '.') {
      i++;
      const p = /^\d+/.exec(format.slice(i));
      spec.prec = p ? Number(p[0]) : 0;
      if (p) i += p[0].length;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    spec.verb = verb;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += printArg(args[argNum++], spec, mode, 0);
  }
  if (argNum < args.length) {
    const extra = args.slice(argNum).map((a) => (isNilArg(a) ? '<nil>' : `${typeName(a, mode)}=${formatValue(a, mode)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

function isNilArg(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'symbol';
}

/** Pads to the width in runes, as Go's fmt does. */
function pad(s: string, spec: Spec, zeroOK = true): string {
  if (spec.width === undefined) return s;
  const n = spec.width - [...s].length;
  if (n <= 0) return s;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero && zeroOK) {
    const sign = /^[+\- ]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

function badVerb(v: unknown, spec: Spec, mode: NumberMode): string {
  if (isNilArg(v)) return `%!${spec.verb}(<nil>)`;
  return `%!${spec.verb}(${typeName(v, mode)}=${printArg(v, { ...spec, verb: 'v' }, mode, 0)})`;
}

/**
 * Prints one operand. depth 0 is a printf/print operand (a pointer-typed
 * struct shows as &{...}); the template's own printing dereferences first.
 */
function printArg(v: unknown, spec: Spec, mode: NumberMode, depth: number): string {
  const { verb } = spec;
  if (verb === 'T') return pad(isNilArg(v) ? '<nil>' : typeName(v, mode), spec, false);
  if (v === undefined || v === null || typeof v === 'symbol' || v instanceof GoNil) {
    if (verb === 'v' || v instanceof GoNil || depth > 0) return pad('<nil>', spec, false);
    return badVerb(v, spec, mode);
  }
  const str = stringerText(v);
  if (str !== undefined && 'vsq'.includes(verb)) return fmtString(str, spec, mode);
  switch (kindOf(v, mode)) {
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(String(v), spec, false) : badVerb(v, spec, mode);
    case 'int':
      return fmtInt(v, spec, mode);
    case 'float64':
      return fmtFloatArg(v, spec, mode);
    case 'string':
      return fmtString(v as string, spec, mode);
    case 'slice': {
      const items = (v as unknown[]).map((e) => printArg(e, spec, mode, depth + 1));
      return '[' + items.join(' ') + ']';
    }
    case 'map': {
      const items = sortedEntries(v as object).map(
        ([k, e]) => printArg(k, spec, mode, depth + 1) + ':' + printArg(e, spec, mode, depth + 1),
      );
      return 'map[' + items.join(' ') + ']';
    }
    case 'struct': {
      const fields = structEntries(v as object).map(
        ([k, e]) => (spec.plus && verb === 'v' ? k + ':' : '') + printArg(e, spec, mode, depth + 1),
      );
      const amp = depth === 0 && typeName(v, mode).startsWith('*') ? '&' : '';
      return amp + '{' + fields.join(' ') + '}';
    }
    default:
      return verb === 'v' ? pad('<func>', spec, false) : badVerb(v, spec, mode);
  }
}

function fmtString(s: string, spec: Spec, mode: NumberMode): string {
  switch (spec.verb) {
    case 'v':
    case 's':
      return pad(spec.prec !== undefined ? [...s].slice(0, spec.prec).join('') : s, spec);
    case 'q':
      return pad(quote(s), spec);
    case 'x':
    case 'X': {
      let h = utf8Bytes(s).map((b) => b.toString(16).padStart(2, '0')).join(spec.space ? ' ' : '');
      if (spec.verb === 'X') h = h.toUpperCase();
      return pad(h, spec);
    }
    default:
      return badVerb(s, spec, mode);
  }
}

function fmtInt(v: unknown, spec: Spec, mode: NumberMode): string {
  const n = typeof v === 'bigint' ? v : BigInt(Math.trunc(numValue(v)));
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let digits: string;
  let prefix = '';
  switch (spec.verb) {
    case 'v':
    case 'd':
      digits = abs.toString(10);
      break;
    case 'b':
      digits = abs.toString(2);
      break;
    case 'o':
    case 'O':
      digits = abs.toString(8);
      if (spec.verb === 'O') prefix = '0o';
      else if (spec.sharp) prefix = '0';
      break;
    case 'x':
    case 'X':
      digits = abs.toString(16);
      if (spec.verb === 'X') digits = digits.toUpperCase();
      if (spec.sharp) prefix = spec.verb === 'X' ? '0X' : '0x';
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(n)), spec, false);
    case 'q':
      return pad(quoteRune(Number(n)), spec, false);
    case 'U':
      return pad('U+' + abs.toString(16).toUpperCase().padStart(4, '0'), spec, false);
    default:
      return badVerb(v, spec, mode);
  }
  if (spec.prec !== undefined) {
    digits = digits.padStart(spec.prec, '0');
    if (spec.prec === 0 && n === 0n) digits = '';
  }
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  return pad(sign + prefix + digits, spec, spec.prec === undefined);
}

function quoteRune(cp: number): string {
  const q = quote(String.fromCodePoint(cp));
  const body = q.slice(1, -1).replace(/\\"/g, '"');
  return "'" + (body === "'" ? "\\'" : body) + "'";
}

function fmtFloatArg(v: unknown, spec: Spec, mode: NumberMode): string {
  const x = numValue(v);
  let s: string;
  switch (spec.verb) {
    case 'v':
      s = formatFloat(x, 'g', spec.prec ?? -1);
      break;
    case 'g':
    case 'G':
      s = formatFloat(x, spec.verb, spec.prec ?? -1);
      break;
    case 'e':
    case 'E':
      s = formatFloat(x, spec.verb, spec.prec ?? 6);
      break;
    case 'f':
    case 'F':
      s = formatFloat(x, 'f', spec.prec ?? 6);
      break;
    default:
      return badVerb(v, spec, mode);
  }
  // Go always signs infinities; NaN and finite numbers only when asked to.
  if (s === '+Inf') s = spec.space && !spec.plus ? ' Inf' : '+Inf';
  else if (s === 'NaN') s = spec.plus ? '+NaN' : spec.space ? ' NaN' : 'NaN';
  else if (!s.startsWith('-')) s = (spec.plus ? '+' : spec.space ? ' ' : '') + s;
  return pad(s, spec, Number.isFinite(x));
}
