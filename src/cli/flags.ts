// A spf13/pflag-compatible flag parser (pflag v1.0.6, as vendored by docker
// 28.2): the same syntax, the same quirks and the same error texts.
import type { FlagSpec, FlagType, FlagValue, Options } from './command.ts';
import { goQuote } from '../engine/goquote.ts';

/** A flag-parsing error; the message is pflag's text, e.g. `unknown flag: --nosuch`. */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlagError';
  }
}

/** A defined flag and its current value (pflag's *Flag). Shared between flag sets like cobra's persistent flags. */
export interface Flag {
  spec: FlagSpec;
  value: FlagValue;
  /** pflag DefValue: the value's text when defined. */
  defValue: string;
  changed: boolean;
  /** stringArray/stringSlice: whether the default was replaced yet. */
  replaced: boolean;
}

export function newFlag(spec: FlagSpec): Flag {
  const value = cloneValue(spec.default ?? zeroValue(spec.type));
  const flag: Flag = { spec, value, defValue: '', changed: false, replaced: false };
  flag.defValue = valueString(flag);
  return flag;
}

function cloneValue(v: FlagValue): FlagValue {
  if (Array.isArray(v)) return [...v];
  if (typeof v === 'object') return { ...v };
  return v;
}

function zeroValue(type: FlagType): FlagValue {
  switch (type) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'int':
    case 'int64':
    case 'uint':
    case 'uint16':
    case 'uint64':
    case 'float64':
    case 'duration':
    case 'bytes':
    case 'swapBytes':
    case 'decimal':
      return 0;
    case 'map':
      return {};
    default:
      return [];
  }
}

/** pflag's UnquoteUsage type name shown after the flag in help ("" for bools). */
export function typeName(type: FlagType): string {
  switch (type) {
    case 'bool':
      return '';
    case 'float64':
      return 'float';
    case 'int64':
      return 'int';
    case 'uint64':
      return 'uint';
    case 'stringSlice':
      return 'strings';
    case 'swapBytes':
      return 'bytes';
    default:
      return type;
  }
}

/** The flag's value as its Go Value.String() prints it. */
export function valueString(flag: Flag): string {
  const v = flag.value;
  switch (flag.spec.type) {
    case 'bool':
      return v ? 'true' : 'false';
    case 'string':
      return v as string;
    case 'int':
    case 'int64':
    case 'uint':
    case 'uint16':
    case 'uint64':
      return String(v);
    case 'float64':
      return formatGoFloat(v as number);
    case 'duration':
      return formatGoDuration(v as number);
    case 'bytes':
    case 'swapBytes':
      return v === 0 ? '0' : bytesSize(v as number);
    case 'decimal':
      return v === 0 ? '' : ((v as number) / 1e9).toFixed(3);
    case 'stringArray':
    case 'stringSlice':
      return `[${writeCsv(v as string[])}]`;
    case 'map': {
      const m = v as Record<string, string>;
      return `map[${Object.keys(m)
        .sort()
        .map((k) => `${k}:${m[k]}`)
        .join(' ')}]`;
    }
    case 'ulimit':
      return `[${(v as string[]).join(' ')}]`;
    default: {
      const list = v as string[];
      if (list.length === 0) return flag.spec.defValue ?? '';
      return `[${list.join(' ')}]`;
    }
  }
}

/** pflag's defaultIsZeroValue: whether help leaves out `(default ...)`. */
export function defaultIsZero(flag: Flag): boolean {
  const d = flag.defValue;
  switch (flag.spec.type) {
    case 'bool':
      return d === 'false';
    case 'duration':
      return d === '0' || d === '0s';
    case 'int':
    case 'int64':
    case 'uint':
    case 'uint16':
    case 'uint64':
    case 'float64':
      return d === '0';
    case 'string':
      return d === '';
    case 'stringArray':
    case 'stringSlice':
      return d === '[]';
    default: {
      const s = valueString(flag);
      return s === 'false' || s === '<nil>' || s === '' || s === '0';
    }
  }
}

/** The name pflag uses in value errors: `-n, --last` or `--name`. */
export function flagDisplayName(spec: FlagSpec): string {
  return spec.shorthand && !spec.shorthandDeprecated ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

export class FlagSet {
  private readonly formal = new Map<string, Flag>();
  private readonly order: Flag[] = [];
  private readonly shorthands = new Map<string, Flag>();
  /** Non-flag arguments after Parse. */
  args: string[] = [];
  /** len(args) when `--` was seen, or -1. */
  argsLenAtDash = -1;
  /** false: stop at the first non-flag argument. */
  interspersed = true;
  /** Deprecation notices printed while parsing (each ends in a newline). */
  warnings: string[] = [];
  /** Handed to validators (e.g. `-e FOO` takes FOO from the environment). */
  env: Map<string, string> = new Map();

  constructor(specs: FlagSpec[] = []) {
    for (const spec of specs) this.addFlag(newFlag(spec));
  }

  /** Adds a flag; throws like pflag's panic on a redefined name or shorthand. */
  addFlag(flag: Flag): void {
    const { name, shorthand } = flag.spec;
    if (this.formal.has(name)) throw new Error(`flag redefined: ${name}`);
    this.formal.set(name, flag);
    this.order.push(flag);
    if (!shorthand) return;
    if (shorthand.length > 1) throw new Error(`"${shorthand}" shorthand is more than one ASCII character`);
    if (this.shorthands.has(shorthand)) {
      throw new Error(`unable to redefine '${shorthand}' shorthand: it's already used for "${this.shorthands.get(shorthand)!.spec.name}" flag`);
    }
    this.shorthands.set(shorthand, flag);
  }

  /** cobra's AddFlagSet/mergePersistentFlags: adds the flag unless one of that name exists. */
  addIfAbsent(flag: Flag): void {
    if (!this.formal.has(flag.spec.name)) this.addFlag(flag);
  }

  lookup(name: string): Flag | undefined {
    return this.formal.get(name);
  }

  shorthandLookup(c: string): Flag | undefined {
    return this.shorthands.get(c);
  }

  /** All flags sorted by name (pflag SortFlags). */
  sorted(): Flag[] {
    return [...this.order].sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
  }

  hasAvailableFlags(): boolean {
    return this.order.some((f) => !f.spec.hidden);
  }

  /** pflag Set: parses and stores a value; throws the `invalid argument ...` error. */
  set(name: string, text: string): void {
    const flag = this.formal.get(name);
    if (!flag) throw new FlagError(`no such flag -${name}`);
    try {
      setValue(flag, text, this.env);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new FlagError(`invalid argument ${goQuote(text)} for ${goQuote(flagDisplayName(flag.spec))} flag: ${msg}`);
    }
    flag.changed = true;
    if (flag.spec.deprecated) this.warnings.push(`Flag --${flag.spec.name} has been deprecated, ${flag.spec.deprecated}\n`);
  }

  /** pflag Parse (ContinueOnError). Throws FlagError. */
  parse(argv: string[]): void {
    this.args = [];
    let args = argv;
    while (args.length > 0) {
      const s = args[0]!;
      args = args.slice(1);
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        if (!this.interspersed) {
          this.args.push(s, ...args);
          return;
        }
        this.args.push(s);
        continue;
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          this.argsLenAtDash = this.args.length;
          this.args.push(...args);
          break;
        }
        args = this.parseLongArg(s, args);
      } else {
        args = this.parseShortArg(s, args);
      }
    }
  }

  private parseLongArg(s: string, args: string[]): string[] {
    let name = s.slice(2);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
    const eq = name.indexOf('=');
    const hasValue = eq >= 0;
    const inline = hasValue ? name.slice(eq + 1) : '';
    if (hasValue) name = name.slice(0, eq);
    const flag = this.formal.get(name);
    if (!flag) {
      // pflag answers ErrHelp for an undefined --help; cobra always defines it.
      throw new FlagError(`unknown flag: --${name}`);
    }
    let value: string;
    let rest = args;
    if (hasValue) value = inline;
    else if (noOptDefVal(flag) !== '') value = noOptDefVal(flag);
    else if (rest.length > 0) {
      value = rest[0]!;
      rest = rest.slice(1);
    } else throw new FlagError(`flag needs an argument: ${s}`);
    this.set(flag.spec.name, value);
    return rest;
  }

  private parseShortArg(s: string, args: string[]): string[] {
    let shorthands = s.slice(1);
    let a = args;
    // pflag hands every letter of a bundle the same (original) args: `-ab x`
    // gives x to whichever letter wants a value, and the last letter decides
    // what is left.
    while (shorthands.length > 0) {
      [shorthands, a] = this.parseSingleShortArg(shorthands, args);
    }
    return a;
  }

  private parseSingleShortArg(shorthands: string, args: string[]): [string, string[]] {
    if (shorthands.startsWith('test.')) return ['', args];
    let outShorts = shorthands.slice(1);
    let outArgs = args;
    const c = shorthands[0]!;
    const flag = this.shorthands.get(c);
    if (!flag) throw new FlagError(`unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}`);
    let value: string;
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      outShorts = '';
    } else if (noOptDefVal(flag) !== '') {
      value = noOptDefVal(flag);
    } else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      outShorts = '';
    } else if (args.length > 0) {
      value = args[0]!;
      outArgs = args.slice(1);
    } else {
      throw new FlagError(`flag needs an argument: ${goQuoteRune(c)} in -${shorthands}`);
    }
    if (flag.spec.shorthandDeprecated) {
      this.warnings.push(`Flag shorthand -${c} has been deprecated, ${flag.spec.shorthandDeprecated}\n`);
    }
    this.set(flag.spec.name, value);
    return [outShorts, outArgs];
  }

  /** The parsed options: every flag by name with its current value. */
  values(): Options {
    const out: Options = {};
    for (const f of this.order) out[f.spec.name] = cloneValue(f.value);
    return out;
  }

  changedNames(): Set<string> {
    return new Set(this.order.filter((f) => f.changed).map((f) => f.spec.name));
  }

  /** pflag FlagUsagesWrapped(cols): the Options block of help. */
  usagesWrapped(cols: number, visible: (f: Flag) => boolean = (f) => !f.spec.hidden): string {
    const lines: string[] = [];
    let maxlen = 0;
    for (const flag of this.sorted()) {
      if (!visible(flag)) continue;
      const spec = flag.spec;
      let line = spec.shorthand && !spec.shorthandDeprecated ? `  -${spec.shorthand}, --${spec.name}` : `      --${spec.name}`;
      const varname = typeName(spec.type);
      if (varname !== '') line += ' ' + varname;
      const nodef = noOptDefVal(flag);
      if (nodef !== '') {
        if (spec.type === 'string') line += `[="${nodef}"]`;
        else if (spec.type === 'bool') {
          if (nodef !== 'true') line += `[=${nodef}]`;
        } else line += `[=${nodef}]`;
      }
      line += '\x00';
      if (line.length > maxlen) maxlen = line.length;
      line += spec.usage;
      if (!defaultIsZero(flag)) {
        line += spec.type === 'string' ? ` (default ${goQuote(flag.defValue)})` : ` (default ${flag.defValue})`;
      }
      if (spec.deprecated) line += ` (DEPRECATED: ${spec.deprecated})`;
      lines.push(line);
    }
    let out = '';
    for (const line of lines) {
      const sidx = line.indexOf('\x00');
      const spacing = ' '.repeat(maxlen - sidx);
      out += `${line.slice(0, sidx)} ${spacing} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
    }
    return out;
  }
}

function noOptDefVal(flag: Flag): string {
  if (flag.spec.noOptDefVal !== undefined) return flag.spec.noOptDefVal;
  return flag.spec.type === 'bool' ? 'true' : '';
}

// pflag's wrapN/wrap: word-wrap usage text to the terminal width.
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nlPos = head.lastIndexOf('\n');
  if (nlPos > 0 && nlPos < w) return [s.slice(0, nlPos), s.slice(nlPos + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll('\n', '\n' + ' '.repeat(i));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.replaceAll('\n', r);
  const slop = 5;
  width -= slop;
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.replaceAll('\n', '\n' + ' '.repeat(i));
  while (s !== '') {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += '\n' + ' '.repeat(i) + t.replaceAll('\n', '\n' + ' '.repeat(i));
  }
  return r;
}

// ---------------------------------------------------------------------------
// Values: pflag's and docker/cli's Value.Set for each kind.

function setValue(flag: Flag, raw: string, env: Map<string, string>): void {
  const spec = flag.spec;
  let text = raw;
  const listLike = !['bool', 'string', 'int', 'int64', 'uint', 'uint16', 'uint64', 'float64', 'duration', 'bytes', 'swapBytes', 'decimal'].includes(spec.type);
  if (spec.validate && !listLike) text = spec.validate(text, env);
  switch (spec.type) {
    case 'bool':
      flag.value = parseGoBool(text);
      return;
    case 'string':
      flag.value = text;
      return;
    case 'int':
    case 'int64':
      flag.value = parseGoInt(text, 64);
      return;
    case 'uint':
    case 'uint64':
      flag.value = parseGoUint(text, 64);
      return;
    case 'uint16':
      flag.value = parseGoUint(text, 16);
      return;
    case 'float64':
      flag.value = parseGoFloat(text);
      return;
    case 'duration':
      flag.value = parseGoDuration(text);
      return;
    case 'bytes':
      flag.value = ramInBytes(text);
      return;
    case 'swapBytes':
      flag.value = text === '-1' ? -1 : ramInBytes(text);
      return;
    case 'decimal':
      flag.value = parseCPUs(text);
      return;
    case 'stringArray': {
      const list = flag.replaced ? (flag.value as string[]) : [];
      flag.value = [...list, text];
      flag.replaced = true;
      return;
    }
    case 'stringSlice': {
      const items = readCsv(text);
      const list = flag.replaced ? (flag.value as string[]) : [];
      flag.value = [...list, ...items];
      flag.replaced = true;
      return;
    }
    case 'map': {
      const v = spec.validate ? spec.validate(text, env) : text;
      const eq = v.indexOf('=');
      const m = { ...(flag.value as Record<string, string>) };
      if (eq >= 0) m[v.slice(0, eq)] = v.slice(eq + 1);
      else m[v] = '';
      flag.value = m;
      return;
    }
    case 'filter': {
      if (text === '') return;
      if (!text.includes('=')) throw new Error('bad format of filter (expected name=value)');
      const eq = text.indexOf('=');
      const name = text.slice(0, eq).trim().toLowerCase();
      const val = text.slice(eq + 1).trim();
      flag.value = [...(flag.value as string[]), `${name}=${val}`];
      return;
    }
    default: {
      const v = spec.validate ? spec.validate(text, env) : defaultValidator(spec.type, text);
      flag.value = [...(flag.value as string[]), v];
    }
  }
}

function defaultValidator(type: FlagType, v: string): string {
  switch (type) {
    case 'ulimit': {
      // docker's units.ParseUlimit (first checks).
      const eq = v.indexOf('=');
      if (eq < 0) throw new Error(`invalid ulimit argument: ${v}`);
      return v;
    }
    case 'mount':
    case 'network': {
      // docker's csv field checks, for the first fields only.
      if (type === 'network' && !v.includes('=')) return v;
      for (const field of readCsv(v)) {
        const eq = field.indexOf('=');
        const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
        if (type === 'mount' && eq < 0 && !['readonly', 'ro', 'bind-nonrecursive'].includes(key)) {
          throw new Error(`invalid field '${field}' must be a key=value pair`);
        }
        if (type === 'network' && !['name', 'alias', 'ip', 'ip6', 'link-local-ip', 'driver-opt', 'gw-priority', 'mac-address'].includes(key)) {
          throw new Error(`invalid field key ${key}`);
        }
      }
      return v;
    }
    case 'gpu-request': {
      for (const field of readCsv(v)) {
        const eq = field.indexOf('=');
        const key = eq < 0 ? '' : field.slice(0, eq);
        const val = eq < 0 ? field : field.slice(eq + 1);
        if (key === '' || key === 'count') {
          if (val !== 'all' && !/^[+-]?\d+$/.test(val)) {
            throw new Error(`invalid count (${val}): value must be either "all" or an integer: invalid syntax`);
          }
        }
      }
      return v;
    }
    default:
      return v;
  }
}

// ---------------------------------------------------------------------------
// Go's strconv, time and text helpers, as far as the CLI needs them.

/** Go's %q of a byte/rune: 'x'. */
function goQuoteRune(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '\\') return "'\\\\'";
  const q = goQuote(c);
  return `'${q.slice(1, -1)}'`;
}

function numError(fn: string, s: string, what: 'invalid syntax' | 'value out of range'): Error {
  return new Error(`strconv.${fn}: parsing ${goQuote(s)}: ${what}`);
}

export function parseGoBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw numError('ParseBool', s, 'invalid syntax');
}

/** Digits of an unsigned Go integer literal with base 0 (prefixes, underscores), or null. */
function goUintDigits(s: string): bigint | null {
  let base = 10;
  let body = s;
  let prefixed = false;
  if (body.length === 0) return null;
  if (body[0] === '0' && body.length > 1) {
    const p = body[1]!.toLowerCase();
    if (p === 'x') {
      base = 16;
      body = body.slice(2);
      prefixed = true;
    } else if (p === 'b') {
      base = 2;
      body = body.slice(2);
      prefixed = true;
    } else if (p === 'o') {
      base = 8;
      body = body.slice(2);
      prefixed = true;
    } else {
      base = 8;
      body = body.slice(1);
      prefixed = true;
    }
  }
  if (body.includes('_')) {
    // underscoreOK: only with a base prefix, each '_' between digits (or after the prefix).
    if (!prefixed) return null;
    if (/__|_$/.test(body)) return null;
    if (body.startsWith('_') && !/^0[xbo]/i.test(s)) return null;
    body = body.replaceAll('_', '');
  }
  if (body.length === 0) return s === '0' ? 0n : null;
  const digits = '0123456789abcdef'.slice(0, base);
  let n = 0n;
  for (const ch of body.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) return null;
    n = n * BigInt(base) + BigInt(d);
  }
  return n;
}

export function parseGoInt(s: string, bits: number): number {
  let body = s;
  let neg = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  const n = goUintDigits(body);
  if (n === null) throw numError('ParseInt', s, 'invalid syntax');
  const limit = 1n << BigInt(bits - 1);
  if ((!neg && n >= limit) || (neg && n > limit)) throw numError('ParseInt', s, 'value out of range');
  return Number(neg ? -n : n);
}

export function parseGoUint(s: string, bits: number): number {
  const n = goUintDigits(s);
  if (n === null) throw numError('ParseUint', s, 'invalid syntax');
  if (n >= 1n << BigInt(bits)) throw numError('ParseUint', s, 'value out of range');
  return Number(n);
}

export function parseGoFloat(s: string): number {
  const t = s.replaceAll('_', '');
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*[pP][+-]?\d+$/.test(t)) {
    throw numError('ParseFloat', s, 'invalid syntax');
  }
  const v = Number(t);
  if (!Number.isFinite(v)) throw numError('ParseFloat', s, 'value out of range');
  return v;
}

function formatGoFloat(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  return String(v).replace(/e\+?/, 'e+').replace('e+-', 'e-');
}

const durationUnits: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's time.ParseDuration, in nanoseconds. */
export function parseGoDuration(s: string): number {
  const orig = s;
  const bad = () => new Error(`time: invalid duration ${goQuote(orig)}`);
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw bad();
  let total = 0;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0]! >= '0' && s[0]! <= '9'))) throw bad();
    const m = /^(\d*)(\.(\d*))?/.exec(s)!;
    const whole = m[1]!;
    const frac = m[3] ?? '';
    if (whole === '' && frac === '') throw bad();
    s = s.slice(m[0].length);
    let i = 0;
    while (i < s.length && s[i] !== '.' && !(s[i]! >= '0' && s[i]! <= '9')) i++;
    const unit = s.slice(0, i);
    s = s.slice(i);
    if (unit === '') throw new Error(`time: missing unit in duration ${goQuote(orig)}`);
    const mult = durationUnits[unit];
    if (mult === undefined) throw new Error(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`);
    total += Number(whole || '0') * mult + (frac ? Number('0.' + frac) * mult : 0);
  }
  if (total > 9223372036854775807) throw bad();
  return neg ? -Math.round(total) : Math.round(total);
}

/** Go's time.Duration.String(). */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let d = Math.abs(ns);
  let out: string;
  if (d < 1e9) {
    const [unit, div] = d < 1e3 ? ['ns', 1] : d < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    out = trimFloat(d / div) + unit;
  } else {
    const h = Math.floor(d / 3600e9);
    d -= h * 3600e9;
    const m = Math.floor(d / 60e9);
    d -= m * 60e9;
    out = (h > 0 ? `${h}h` : '') + (h > 0 || m > 0 ? `${m}m` : '') + trimFloat(d / 1e9) + 's';
  }
  return (neg ? '-' : '') + out;
}

function trimFloat(v: number): string {
  return String(Number(v.toFixed(9)));
}

/** go-units RAMInBytes. */
export function ramInBytes(sizeStr: string): number {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('01234567890. '.includes(sizeStr[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new Error(`invalid size: '${sizeStr}'`);
  let num: string;
  let sfx: string;
  if (sizeStr[sep] !== ' ') {
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  } else {
    num = sizeStr.slice(0, sep);
    sfx = sizeStr.slice(sep + 1);
  }
  let size: number;
  try {
    size = parseGoFloat(num);
  } catch (e) {
    throw e;
  }
  if (size < 0) throw new Error(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return Math.trunc(size);
  const badSuffix = () => new Error(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw badSuffix();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw badSuffix();
    return Math.trunc(size);
  }
  const mul: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
  const m = mul[sfx[0]!];
  if (m === undefined) throw badSuffix();
  size *= m;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) throw badSuffix();
  return Math.trunc(size);
}

/** go-units BytesSize: "1.5GiB". */
function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

/** docker's opts.ParseCPUs: a rational number of CPUs, in nano CPUs. */
export function parseCPUs(value: string): number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value);
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(value);
  if (frac) {
    const num = BigInt(frac[1]!) * 1000000000n;
    const den = BigInt(frac[2]!);
    if (den === 0n) throw new Error(`failed to parse ${value} as a rational number`);
    if (num % den !== 0n) throw new Error('value is too precise');
    return Number(num / den);
  }
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`failed to parse ${value} as a rational number`);
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let exp = Number(m[4] ?? '0') - (m[3] ?? '').length + 9;
  let n = BigInt(digits === '' ? '0' : digits);
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else {
    const div = 10n ** BigInt(-exp);
    if (n % div !== 0n) throw new Error('value is too precise');
    n /= div;
    exp = 0;
  }
  return Number(m[1] === '-' ? -n : n);
}

/** encoding/csv Reader.Read of one record (as pflag's stringSlice uses it). */
export function readCsv(val: string): string[] {
  if (val === '') return [];
  const out: string[] = [];
  let i = 0;
  let field = '';
  while (true) {
    if (val[i] === '"') {
      i++;
      const start = i;
      field = '';
      while (true) {
        const q = val.indexOf('"', i);
        if (q < 0) throw new Error(`parse error on line 1, column ${val.length + 1}: extraneous or missing " in quoted-field`);
        field += val.slice(i, q);
        i = q + 1;
        if (val[i] === '"') {
          field += '"';
          i++;
          continue;
        }
        if (i < val.length && val[i] !== ',') {
          throw new Error(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
        }
        break;
      }
      void start;
    } else {
      const c = val.indexOf(',', i);
      field = c < 0 ? val.slice(i) : val.slice(i, c);
      const bare = field.indexOf('"');
      if (bare >= 0) throw new Error(`parse error on line 1, column ${i + bare + 1}: bare " in non-quoted-field`);
      i = c < 0 ? val.length : c;
    }
    out.push(field);
    if (i >= val.length) break;
    i++; // the comma
    if (i === val.length) {
      out.push('');
      break;
    }
  }
  return out;
}

function writeCsv(vals: string[]): string {
  return vals
    .map((v) => {
      if (v === '' || !/[",\r\n]/.test(v) && !v.startsWith(' ') && !v.startsWith('\t')) return v;
      return `"${v.replaceAll('"', '""')}"`;
    })
    .join(',');
}
