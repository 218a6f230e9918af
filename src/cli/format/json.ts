// Go's encoding/json output for JS values (value model in govalue.ts).
//
// Which Docker output uses which form:
// - `docker inspect` (no --format): the daemon's JSON (encoded with
//   SetEscapeHTML(false)) re-indented by json.Indent(dst, src, "", "    "),
//   printed as one array. That is goJsonIndent over the array of objects,
//   plus a newline; with nothing found it prints "[]". See inspectOutput.
// - `{{json .}}` in --format: json.Encoder with SetEscapeHTML(false), trailing
//   newline trimmed. That is goJson(v).
// - json.Marshal (escapeHTML: true) turns <, > and & into \u003c, \u003e, \u0026.
// In all of them U+2028 and U+2029 are escaped, map keys are sorted, struct
// fields keep declaration order, empty slices are [] and nil ones null.

import { formatFloat } from './strconv.ts';
import { GoNil, GoNumber, NIL_IFACE, declaredType, sortedEntries } from './govalue.ts';

export interface JsonOptions {
  /** json.Marshal's default HTML escaping; Docker's own output turns it off. */
  escapeHTML?: boolean;
}

/** Compact JSON, as Go's encoder writes it (no spaces). */
export function goJson(value: unknown, options: JsonOptions = {}): string {
  return encode(value, options.escapeHTML ?? false, undefined, '');
}

/** json.MarshalIndent(v, "", indent); Docker uses four spaces. */
export function goJsonIndent(value: unknown, indent = '    ', options: JsonOptions = {}): string {
  return encode(value, options.escapeHTML ?? false, indent, '');
}

/** The whole of `docker inspect`'s default output for the objects found. */
export function inspectOutput(objects: unknown[]): string {
  return (objects.length === 0 ? '[]' : goJsonIndent(objects)) + '\n';
}

/** Error thrown for values Go's encoder rejects (NaN, infinities). */
export class JsonError extends Error {}

function encode(v: unknown, escapeHTML: boolean, indent: string | undefined, prefix: string): string {
  if (v === undefined || v === null || v === NIL_IFACE || v instanceof GoNil) return 'null';
  if (typeof v === 'string') return quoteJson(v, escapeHTML);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' || v instanceof GoNumber) return encodeNumber(v);
  if (typeof v !== 'object') return 'null';
  // toJSON plays the part of Go's MarshalJSON.
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return encode((v as { toJSON: () => unknown }).toJSON(), escapeHTML, indent, prefix);
  }
  const inner = indent === undefined ? undefined : prefix + indent;
  const open = (items: string[], l: string, r: string): string => {
    if (items.length === 0) return l + r;
    if (inner === undefined) return l + items.join(',') + r;
    return `${l}\n${inner}${items.join(`,\n${inner}`)}\n${prefix}${r}`;
  };
  if (Array.isArray(v)) return open(v.map((e) => encode(e, escapeHTML, indent, inner ?? '')), '[', ']');
  const sep = indent === undefined ? ':' : ': ';
  // Go sorts map keys; struct fields (plain objects here) keep their order.
  const isMap = v instanceof Map || declaredType(v)?.startsWith('map[') === true;
  const entries = isMap ? sortedEntries(v) : Object.entries(v);
  const items = entries
    .filter(([, e]) => e !== undefined)
    .map(([k, e]) => quoteJson(String(k instanceof GoNumber ? k.value : k), escapeHTML) + sep + encode(e, escapeHTML, indent, inner ?? ''));
  return open(items, '{', '}');
}

function encodeNumber(v: number | GoNumber): string {
  const n = v instanceof GoNumber ? v.value : v;
  if (!Number.isFinite(n)) throw new JsonError(`json: unsupported value: ${formatFloat(n, 'g', -1)}`);
  if (v instanceof GoNumber && v.kind === 'int') return String(Math.trunc(n));
  // Go: 'f' format unless the magnitude is below 1e-6 or at least 1e21, then 'e'
  // with the exponent unpadded ("1e-07" becomes "1e-7"), just like JS's own rule.
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return formatFloat(n, 'e', -1).replace(/e([+-])0(\d)$/, 'e$1$2');
  return formatFloat(n, 'f', -1);
}

const HEX = '0123456789abcdef';

/** A JSON string literal the way Go's encoder escapes it. */
export function quoteJson(s: string, escapeHTML = false): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) {
      switch (c) {
        case 0x22:
          out += '\\"';
          break;
        case 0x5c:
          out += '\\\\';
          break;
        case 0x08:
          out += '\\b';
          break;
        case 0x0c:
          out += '\\f';
          break;
        case 0x0a:
          out += '\\n';
          break;
        case 0x0d:
          out += '\\r';
          break;
        case 0x09:
          out += '\\t';
          break;
        default:
          out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
      }
    } else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) {
      out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    } else if (c === 0x2028 || c === 0x2029) {
      out += '\\u202' + HEX[c & 15];
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A valid pair passes through; a lone surrogate is invalid UTF-8 to Go.
      const next = s.charCodeAt(i + 1);
      if (c < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else out += '\\ufffd';
    } else out += s[i];
  }
  return out + '"';
}
