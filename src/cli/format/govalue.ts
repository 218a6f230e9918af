// How plain JS values stand in for Go values when Docker's Go code would
// format them. JS has one number type and no struct/map distinction, so a
// little extra information is carried where Go's output depends on it:
//
// - numbers: Go prints int 4261550 as "4261550" but float64 4261550 as
//   "4.26155e+06". Data numbers take a NumberMode; GoNumber pins one value.
// - objects: a plain object is a Go map[string]interface{} (fields missing
//   print "<no value>", keys iterate sorted). An object whose GO_TYPE (own or
//   inherited, e.g. from a class prototype) names a non-map type is a Go
//   struct: a missing field is an error naming that type, as Docker's
//   formatter contexts give. GO_TYPE "map[string]string" is a typed map.
// - Map instances are Go maps too (JSON sorts their keys; plain objects keep
//   insertion order in JSON, as Go structs do).
// - null is a nil pointer/slice/interface ("<nil>"); undefined is a missing
//   value ("<no value>"); typedNil('*container.Health') is a nil pointer
//   whose type shows in error messages.

/** Names the Go type of an object, e.g. '*formatter.ContainerContext'. */
export const GO_TYPE: unique symbol = Symbol.for('berth.goType');
/** A method under this symbol makes an object a Go fmt.Stringer. */
export const GO_STRING: unique symbol = Symbol.for('berth.goString');

/** How plain JS numbers in data are typed: JSON-decoded data is float64, Go structs hold ints. */
export type NumberMode = 'float64' | 'int';

export type NumKind = 'int' | 'float64';

/** A number whose Go type is fixed (template literals, len results, ...). */
export class GoNumber {
  constructor(
    readonly kind: NumKind,
    readonly value: number,
  ) {}
}

export const goInt = (n: number): GoNumber => new GoNumber('int', Math.trunc(n));
export const goFloat = (n: number): GoNumber => new GoNumber('float64', n);

/** A nil pointer of a named type. */
export class GoNil {
  constructor(readonly type: string) {}
}

export const typedNil = (type: string): GoNil => new GoNil(type);

/**
 * A nil read out of an interface{} container (JSON null in a map or slice).
 * Go's template engine turns it into a missing value ("<no value>") at the
 * end of a pipeline, but following a field through it is a nil-pointer error.
 */
export const NIL_IFACE: unique symbol = Symbol('nil interface');
export type NilIface = typeof NIL_IFACE;

interface Typed {
  [GO_TYPE]?: string;
}

export function declaredType(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const t = (v as Typed)[GO_TYPE];
  return typeof t === 'string' ? t : undefined;
}

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'float64' | 'string' | 'slice' | 'map' | 'struct' | 'func';

export function numKind(n: number, mode: NumberMode): NumKind {
  return mode === 'int' && Number.isInteger(n) ? 'int' : 'float64';
}

export function kindOf(v: unknown, mode: NumberMode): Kind {
  if (v === undefined) return 'invalid';
  if (v === null || v === NIL_IFACE || v instanceof GoNil) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return numKind(v, mode);
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
  }
  if (v instanceof GoNumber) return v.kind;
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  const t = declaredType(v);
  if (t !== undefined) return t.startsWith('map[') ? 'map' : 'struct';
  // An object literal is a map; an instance of a class is a struct.
  return isPlainObject(v) ? 'map' : 'struct';
}

export function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The Go type name fmt's %T (and many error messages) would print. */
export function typeName(v: unknown, mode: NumberMode): string {
  const t = declaredType(v);
  if (t !== undefined) return t;
  if (v instanceof GoNil) return v.type;
  switch (kindOf(v, mode)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'func':
      return 'func()';
    case 'struct': {
      const name = (v as object).constructor?.name;
      return name ? '*' + name : 'struct {}';
    }
    default:
      return kindOf(v, mode);
  }
}

/** The numeric value of an int/float64 value. */
export function numValue(v: unknown): number {
  if (v instanceof GoNumber) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return v as number;
}

/** Element type of a map or slice type name: 'map[string]string' -> 'string'. */
export function elemType(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  if (type.startsWith('[]')) return type.slice(2);
  if (!type.startsWith('map[')) return undefined;
  let depth = 0;
  for (let i = 3; i < type.length; i++) {
    if (type[i] === '[') depth++;
    else if (type[i] === ']' && --depth === 0) return type.slice(i + 1);
  }
  return undefined;
}

/** True when a container's elements are interface{} (the default for untyped JS data). */
export function holdsInterfaces(container: unknown): boolean {
  const e = elemType(declaredType(container));
  return e === undefined || e === 'interface {}' || e === 'any';
}

/** Go's zero value for a named element type, or undefined when it is nil-like. */
export function zeroOf(type: string | undefined): unknown {
  switch (type) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'float64':
    case 'float32':
      return goFloat(0);
    case 'int':
    case 'int64':
    case 'int32':
    case 'uint':
    case 'uint64':
    case 'uint32':
    case 'uint16':
    case 'uint8':
      return goInt(0);
    default:
      return undefined;
  }
}

/** Map entries of a map-like value, keys sorted the way Go's fmt and range sort them. */
export function sortedEntries(v: object): [unknown, unknown][] {
  const entries: [unknown, unknown][] =
    v instanceof Map ? [...v.entries()] : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
  return entries.sort(([a], [b]) => compareKeys(a, b));
}

function compareKeys(a: unknown, b: unknown): number {
  const na = typeof a === 'number' || a instanceof GoNumber;
  const nb = typeof b === 'number' || b instanceof GoNumber;
  if (na && nb) return numValue(a) - numValue(b);
  const sa = String(a);
  const sb = String(b);
  // Go compares strings bytewise; code point order is the same thing.
  if (sa === sb) return 0;
  const ca = [...sa].map((c) => c.codePointAt(0)!);
  const cb = [...sb].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i]! - cb[i]!;
  return ca.length - cb.length;
}

/** Entries of a struct-like object in field order. */
export function structEntries(v: object): [string, unknown][] {
  return Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
}

/** Whether an object has a field or method of this name (own, or from a class). */
export function hasField(obj: object, name: string): boolean {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return true;
  if (name === 'constructor') return false; // a class's own plumbing, not a Go method
  for (let p = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, name)) return true;
  }
  return false;
}

/** A Stringer's String() result, if the value is one. */
export function stringerText(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const m = (v as { [GO_STRING]?: unknown })[GO_STRING];
  return typeof m === 'function' ? String(m.call(v)) : undefined;
}
