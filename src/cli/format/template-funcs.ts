// The functions a Docker --format template can call: Go's builtins and the
// ones docker/cli adds (templates.go in docker/cli 28: json, split, join,
// title, lower, upper, pad, truncate), with Go's argument checking.

import { goJson } from './json.ts';
import { formatValue, sprint, sprintf, sprintln } from './gofmt.ts';
import { byteSlice, compareStrings, isPrint, utf8Bytes, utf8Length } from './strconv.ts';
import {
  GoNil,
  GoNumber,
  NIL_IFACE,
  declaredType,
  elemType,
  goInt,
  holdsInterfaces,
  kindOf,
  numValue,
  sortedEntries,
  typeName,
  zeroOf,
  type NumberMode,
} from './govalue.ts';

/**
 * A parameter's Go type, as far as argument checking goes. 'value' is Go's
 * reflect.Value (gets a missing value as is); 'any' is interface{} (gets a
 * missing value as nil).
 */
export type ParamType = 'value' | 'any' | 'string' | 'int' | 'bool' | '[]string';

export interface CallContext {
  mode: NumberMode;
}

export interface TemplateFunc {
  params: ParamType[];
  /** Element type of a final variadic parameter. */
  variadic?: ParamType;
  /** Throwing an Error makes the template fail with "error calling <name>: <message>". */
  fn: (args: unknown[], ctx: CallContext) => unknown;
}

/** Thrown by a function for Go's own failures, whose text is fixed. */
export class FuncError extends Error {}

const fail = (msg: string): never => {
  throw new FuncError(msg);
};

/** Go's truth: non-zero, non-empty, non-nil. */
export function isTrue(v: unknown, mode: NumberMode): boolean {
  switch (kindOf(v, mode)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float64':
      return numValue(v) !== 0;
    case 'string':
      return (v as string).length > 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return v instanceof Map ? v.size > 0 : Object.keys(v as object).length > 0;
    default:
      return true; // structs and functions
  }
}

const isNilish = (v: unknown): boolean => v === undefined || v === null || v === NIL_IFACE || v instanceof GoNil;

function intArg(v: unknown, mode: NumberMode, what: string): number {
  if (v === undefined) return fail(`cannot ${what} slice/array with nil`);
  if (kindOf(v, mode) !== 'int') return fail(`cannot ${what} slice/array with type ${typeName(v, mode)}`);
  return numValue(v);
}

/** An element read from a container: interface nils and typed numbers as Go would hold them. */
export function elementOf(container: unknown, v: unknown, mode: NumberMode): unknown {
  if (v === null && holdsInterfaces(container)) return NIL_IFACE;
  if (typeof v === 'number') {
    const e = elemType(declaredType(container));
    const z = zeroOf(e);
    if (z instanceof GoNumber) return new GoNumber(z.kind, v);
    return new GoNumber(mode === 'int' && Number.isInteger(v) ? 'int' : 'float64', v);
  }
  return v;
}

/** Reads a map entry; undefined when the key is absent. */
export function mapLookup(m: object, key: string): { found: boolean; value: unknown } {
  if (m instanceof Map) return { found: m.has(key), value: m.get(key) };
  const found = Object.prototype.hasOwnProperty.call(m, key) && (m as Record<string, unknown>)[key] !== undefined;
  return { found, value: found ? (m as Record<string, unknown>)[key] : undefined };
}

function index(args: unknown[], { mode }: CallContext): unknown {
  let item = args[0] === NIL_IFACE ? undefined : args[0];
  if (item === undefined) return fail('index of untyped nil');
  for (const rawIdx of args.slice(1)) {
    const idx = rawIdx === NIL_IFACE ? undefined : rawIdx;
    if (item instanceof GoNil) return fail('index of nil pointer');
    if (item === null) item = [];
    const kind = kindOf(item, mode);
    if (kind === 'slice' || kind === 'string') {
      const len = kind === 'string' ? utf8Length(item as string) : (item as unknown[]).length;
      const x = intArg(idx, mode, 'index');
      if (x < 0 || x > len) return fail(`index out of range: ${x}`);
      // Go checks against the capacity, then reflect panics on the length itself.
      if (x === len) return fail(`reflect: ${kind === 'string' ? 'string' : 'slice'} index out of range`);
      item =
        kind === 'string' ? goInt(utf8Bytes(item as string)[x]!) : elementOf(item, (item as unknown[])[x], mode);
    } else if (kind === 'map') {
      if (idx === undefined) return fail('value is nil; should be of type string');
      if (typeof idx !== 'string') return fail(`value has type ${typeName(idx, mode)}; should be string`);
      const { found, value } = mapLookup(item as object, idx);
      item = found ? elementOf(item, value, mode) : zeroOrNil(item);
    } else {
      return fail(`can't index item of type ${typeName(item, mode)}`);
    }
  }
  return item;
}

// The zero value of a map's element type; interface{} elements are nil interfaces.
function zeroOrNil(m: unknown): unknown {
  const e = elemType(declaredType(m));
  const z = zeroOf(e);
  return z === undefined && holdsInterfaces(m) ? NIL_IFACE : (z ?? null);
}

function slice(args: unknown[], { mode }: CallContext): unknown {
  const item = args[0] === NIL_IFACE ? undefined : args[0];
  if (item === undefined) return fail('slice of untyped nil');
  const idxs = args.slice(1);
  if (idxs.length > 3) return fail(`too many slice indexes: ${idxs.length}`);
  const kind = kindOf(item, mode);
  if (kind !== 'string' && kind !== 'slice') return fail(`can't slice item of type ${typeName(item, mode)}`);
  if (kind === 'string' && idxs.length === 3) return fail('cannot 3-index slice a string');
  const len = kind === 'string' ? utf8Length(item as string) : (item as unknown[]).length;
  const idx = [0, len, len];
  idxs.forEach((v, i) => {
    const x = intArg(v === NIL_IFACE ? undefined : v, mode, 'index');
    if (x < 0 || x > len) fail(`index out of range: ${x}`);
    idx[i] = x;
  });
  if (idx[0]! > idx[1]!) return fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (idxs.length === 3 && idx[1]! > idx[2]!) return fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (kind === 'string') return byteSlice(item as string, idx[0], idx[1]);
  return (item as unknown[]).slice(idx[0], idx[1]);
}

function length([item]: unknown[], { mode }: CallContext): unknown {
  if (item === undefined || item === NIL_IFACE) return fail('reflect: call of reflect.Value.Type on zero Value');
  if (item instanceof GoNil) return fail('len of nil pointer');
  if (item === null) return goInt(0);
  switch (kindOf(item, mode)) {
    case 'string':
      return goInt(utf8Length(item as string));
    case 'slice':
      return goInt((item as unknown[]).length);
    case 'map':
      return goInt(sortedEntries(item as object).length);
    default:
      return fail(`len of type ${typeName(item, mode)}`);
  }
}

type BasicKind = 'bool' | 'int' | 'float64' | 'string' | undefined;

function basicKind(v: unknown, mode: NumberMode): BasicKind {
  const k = kindOf(v, mode);
  return k === 'bool' || k === 'int' || k === 'float64' || k === 'string' ? k : undefined;
}

// Go's reflect kinds, for deciding whether two non-basic values can be compared.
function reflectKind(v: unknown, mode: NumberMode): string {
  if (v === undefined || v === NIL_IFACE) return 'invalid';
  if (v === null || v instanceof GoNil) return 'ptr';
  const k = kindOf(v, mode);
  return k === 'struct' && typeName(v, mode).startsWith('*') ? 'ptr' : k;
}

function eq(args: unknown[], { mode }: CallContext): unknown {
  const a = args[0] === NIL_IFACE ? undefined : args[0];
  if (args.length < 2) return fail('missing argument for comparison');
  const k1 = basicKind(a, mode);
  for (const raw of args.slice(1)) {
    const b = raw === NIL_IFACE ? undefined : raw;
    const k2 = basicKind(b, mode);
    let truth: boolean;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) {
        return fail(`incompatible types for comparison: ${typeName(a, mode)} and ${typeName(b, mode)}`);
      }
      truth = false;
    } else if (k1 === 'string') truth = a === b;
    else if (k1 !== undefined) truth = k1 === 'bool' ? a === b : numValue(a) === numValue(b);
    else {
      const ra = reflectKind(a, mode);
      const rb = reflectKind(b, mode);
      if (ra !== rb && ra !== 'invalid' && rb !== 'invalid') {
        return fail(
          `non-comparable types ${formatValue(a, mode)}: ${typeName(a, mode)}, ${typeName(b, mode)}: ${formatValue(b, mode)}`,
        );
      }
      if (isNilish(a) || isNilish(b)) truth = isNilish(a) === isNilish(b);
      else if (rb === 'slice' || rb === 'map' || rb === 'func') {
        return fail(`non-comparable type ${formatValue(b, mode)}: ${typeName(b, mode)}`);
      } else truth = a === b;
    }
    if (truth) return true;
  }
  return false;
}

function lt([a0, b0]: unknown[], { mode }: CallContext): boolean {
  const a = a0 === NIL_IFACE ? undefined : a0;
  const b = b0 === NIL_IFACE ? undefined : b0;
  const k1 = basicKind(a, mode);
  const k2 = basicKind(b, mode);
  if (k1 === undefined || k2 === undefined) return fail('invalid type for comparison');
  if (k1 !== k2) return fail(`incompatible types for comparison: ${typeName(a, mode)} and ${typeName(b, mode)}`);
  if (k1 === 'bool') return fail('invalid type for comparison');
  if (k1 === 'string') return compareStrings(a as string, b as string) < 0;
  return numValue(a) < numValue(b);
}

/**
 * Go's evalArgs: one string argument as is, anything else through fmt.Sprint
 * after the template's own printing rules (a nil interface is "<no value>").
 */
function evalArgs(args: unknown[], mode: NumberMode): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(
    args.map((a) => (a === undefined ? '<no value>' : a)),
    mode,
    true,
  );
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) =>
    c === '\0' ? '\ufffd' : c === '"' ? '&#34;' : c === "'" ? '&#39;' : c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;',
  );
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (JS_ESCAPES[ch] !== undefined) out += JS_ESCAPES[ch];
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp < 0x80 || isPrint(ch)) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** strings.Title: upper-cases the first letter of each word. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  if (ch.codePointAt(0)! <= 0x7f) return !/[A-Za-z0-9_]/.test(ch);
  if (/^[\p{L}\p{Nd}]$/u.test(ch)) return false;
  return /^\s$/u.test(ch);
}

const num = (v: unknown): number => numValue(v);

/** Go's builtin functions. "and" and "or" are evaluated lazily by the executor. */
export const builtinFuncs: Record<string, TemplateFunc> = {
  and: { params: ['value'], variadic: 'value', fn: () => undefined },
  or: { params: ['value'], variadic: 'value', fn: () => undefined },
  not: { params: ['value'], fn: ([v], { mode }) => !isTrue(v === NIL_IFACE ? undefined : v, mode) },
  len: { params: ['value'], fn: length },
  index: { params: ['value'], variadic: 'value', fn: index },
  slice: { params: ['value'], variadic: 'value', fn: slice },
  print: { params: [], variadic: 'any', fn: (args, { mode }) => sprint(args, mode) },
  printf: { params: ['string'], variadic: 'any', fn: ([f, ...args], { mode }) => sprintf(f as string, args, mode) },
  println: { params: [], variadic: 'any', fn: (args, { mode }) => sprintln(args, mode) },
  html: { params: [], variadic: 'any', fn: (args, { mode }) => htmlEscape(evalArgs(args, mode)) },
  js: { params: [], variadic: 'any', fn: (args, { mode }) => jsEscape(evalArgs(args, mode)) },
  urlquery: { params: [], variadic: 'any', fn: (args, { mode }) => queryEscape(evalArgs(args, mode)) },
  eq: { params: ['value'], variadic: 'value', fn: eq },
  ne: { params: ['value', 'value'], fn: (args, ctx) => !eq(args, ctx) },
  lt: { params: ['value', 'value'], fn: lt },
  le: { params: ['value', 'value'], fn: (args, ctx) => lt(args, ctx) || (eq(args, ctx) as boolean) },
  gt: { params: ['value', 'value'], fn: (args, ctx) => !(lt(args, ctx) || (eq(args, ctx) as boolean)) },
  ge: { params: ['value', 'value'], fn: (args, ctx) => !lt(args, ctx) },
  call: {
    params: ['value'],
    variadic: 'value',
    fn: ([f, ...args]) => {
      if (isNilish(f)) return fail('call of nil');
      if (typeof f !== 'function') return fail(`non-function of type ${typeName(f, 'float64')}`);
      return (f as (...a: unknown[]) => unknown)(...args);
    },
  },
};

/** docker/cli's template functions (templates.basicFunctions, Docker 28). */
export const dockerFuncs: Record<string, TemplateFunc> = {
  // json.Encoder with SetEscapeHTML(false), trailing newline trimmed
  json: { params: ['any'], fn: ([v]) => goJson(v) },
  split: { params: ['string', 'string'], fn: ([s, sep]) => split(s as string, sep as string) },
  join: { params: ['[]string', 'string'], fn: ([a, sep]) => ((a as string[] | null) ?? []).join(sep as string) },
  title: { params: ['string'], fn: ([s]) => title(s as string) },
  lower: { params: ['string'], fn: ([s]) => mapRunes(s as string, (c) => c.toLowerCase()) },
  upper: { params: ['string'], fn: ([s]) => mapRunes(s as string, (c) => c.toUpperCase()) },
  pad: {
    params: ['string', 'int', 'int'],
    fn: ([s, pre, post]) => (s === '' ? '' : ' '.repeat(Math.max(num(pre), 0)) + s + ' '.repeat(Math.max(num(post), 0))),
  },
  truncate: {
    params: ['string', 'int'],
    fn: ([s, n]) => {
      const len = num(n);
      if (utf8Length(s as string) < len) return s;
      if (len < 0) return fail(`runtime error: slice bounds out of range [:${len}]`);
      return byteSlice(s as string, 0, len); // bytes, as Go slices strings
    },
  },
};

/**
 * Go's strings.ToUpper/ToLower map rune by rune (simple case mapping): no
 * "ß" -> "SS" expansion and no final-sigma context, unlike JS.
 */
function mapRunes(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const m = f(c);
    if ([...m].length === 1) out += m;
    else out += c === '\u0130' ? 'i' : c; // İ lowers to a plain i in Go
  }
  return out;
}

function split(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

const identity: TemplateFunc['fn'] = ([v]) => v;

/**
 * docker/cli's templates.HeaderFunctions: how a table's header row is
 * rendered from the same template, so that e.g. {{.Names | upper}} keeps
 * its "NAMES" header and {{join .Networks ","}} its "NETWORKS".
 */
export const headerFuncs: Record<string, TemplateFunc> = {
  json: { params: ['string'], fn: identity },
  split: { params: ['string', 'string'], fn: identity },
  join: { params: ['string', 'string'], fn: identity },
  title: { params: ['string'], fn: identity },
  lower: { params: ['string'], fn: identity },
  upper: { params: ['string'], fn: identity },
  truncate: { params: ['string', 'int'], fn: identity },
};
