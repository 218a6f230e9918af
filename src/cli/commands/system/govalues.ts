// Go values for templates: structs that print as fmt prints them and encode
// as encoding/json encodes them (JSON names, omitempty), and nil slices and
// maps (printed "[]" and "map[]", encoded null).
import { GO_TYPE } from '../../format/index.ts';

/** A nil slice: prints "[]", encodes as null. */
export function nilSlice<T = unknown>(): T[] {
  const a: T[] = [];
  Object.defineProperty(a, 'toJSON', { value: () => null, enumerable: false });
  return a;
}

/** A nil map: prints "map[]", encodes as null. */
export function nilMap(type = 'map[string]interface {}'): object {
  const m = {};
  Object.defineProperty(m, GO_TYPE, { value: type, enumerable: false });
  Object.defineProperty(m, 'toJSON', { value: () => null, enumerable: false });
  return m;
}

/** A typed map (keys print and encode sorted). */
export function goMap<T extends object>(type: string, entries: T): T {
  Object.defineProperty(entries, GO_TYPE, { value: type, enumerable: false });
  return entries;
}

/**
 * A Go struct: `fields` in declaration order (what fmt prints); `json`
 * gives the JSON object when it differs (renamed or omitted fields).
 */
export function goStruct<T extends object>(type: string, fields: T, json?: (self: T) => unknown): T {
  Object.defineProperty(fields, GO_TYPE, { value: type, enumerable: false });
  if (json) Object.defineProperty(fields, 'toJSON', { value: () => json(fields), enumerable: false });
  return fields;
}
