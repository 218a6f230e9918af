// JSON as Go's encoding/json reads it (go1.24): Unmarshal first checks the
// whole text with its scanner, and a syntax error names the first byte the
// scanner refuses and the state it was in ("invalid character '{' after
// top-level value"). dockerd reads /etc/docker/daemon.json this way.

/** A decoded JSON value; objects keep their keys in file order (a later duplicate replaces the value in place). */
export type GoJsonValue = null | boolean | number | string | GoJsonValue[] | GoJsonObject;
export type GoJsonObject = Map<string, GoJsonValue>;

export class GoJsonSyntaxError extends Error {}

/** Go's quoteChar: how the scanner names a byte in its errors. */
export function goQuoteByte(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  return `'${goQuoteRune(c)}'`;
}

/** strconv.Quote of one rune, without the double quotes. */
function goQuoteRune(r: number): string {
  switch (r) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
    case 0x5c: return '\\\\';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${r.toString(16).padStart(2, '0')}`;
  // U+0080–U+00A0 and the soft hyphen are not printable for strconv.IsPrint
  if ((r >= 0x80 && r <= 0xa0) || r === 0xad) return `\\u${r.toString(16).padStart(4, '0')}`;
  return String.fromCodePoint(r);
}

/** json.Unmarshal's parse of a whole document (after checkValid): the value, or Go's syntax error. */
export function parseGoJson(bytes: Uint8Array): GoJsonValue {
  let i = 0;
  const n = bytes.length;
  const eof = (): never => {
    throw new GoJsonSyntaxError('unexpected end of JSON input');
  };
  const bad = (context: string): never => {
    throw new GoJsonSyntaxError(`invalid character ${goQuoteByte(bytes[i]!)} ${context}`);
  };
  const ws = () => {
    while (i < n && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  };
  const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

  const literal = (word: string, value: GoJsonValue): GoJsonValue => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= n) eof();
      if (bytes[i] !== word.charCodeAt(k)) bad(`in literal ${word} (expecting '${word[k]}')`);
    }
    i++;
    return value;
  };

  const string = (): string => {
    // at the opening quote
    i++;
    const start = i;
    for (;;) {
      if (i >= n) eof();
      const c = bytes[i]!;
      if (c === 0x22) break;
      if (c === 0x5c) {
        i++;
        if (i >= n) eof();
        const e = bytes[i]!;
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) eof();
            if (!/[0-9a-fA-F]/.test(String.fromCharCode(bytes[i]!))) bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) bad('in string escape code');
      } else if (c < 0x20) bad('in string literal');
      i++;
    }
    const raw = new TextDecoder().decode(bytes.subarray(start, i));
    i++;
    return JSON.parse(`"${raw}"`) as string;
  };

  const number = (): number => {
    const start = i;
    if (bytes[i] === 0x2d) {
      i++;
      if (i >= n) eof();
      if (!isDigit(bytes[i])) bad('in numeric literal');
    }
    if (bytes[i] === 0x30) i++;
    else while (isDigit(bytes[i])) i++;
    if (bytes[i] === 0x2e) {
      i++;
      if (i >= n) eof();
      if (!isDigit(bytes[i])) bad('after decimal point in numeric literal');
      while (isDigit(bytes[i])) i++;
    }
    if (bytes[i] === 0x65 || bytes[i] === 0x45) {
      i++;
      if (i >= n) eof();
      if (bytes[i] === 0x2b || bytes[i] === 0x2d) {
        i++;
        if (i >= n) eof();
      }
      if (!isDigit(bytes[i])) bad('in exponent of numeric literal');
      while (isDigit(bytes[i])) i++;
    }
    return Number(new TextDecoder().decode(bytes.subarray(start, i)));
  };

  const value = (): GoJsonValue => {
    ws();
    if (i >= n) eof();
    const c = bytes[i]!;
    if (c === 0x7b) return object();
    if (c === 0x5b) return array();
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    if (c === 0x74) return literal('true', true);
    if (c === 0x66) return literal('false', false);
    if (c === 0x6e) return literal('null', null);
    return bad('looking for beginning of value');
  };

  const object = (): GoJsonObject => {
    i++;
    const o: GoJsonObject = new Map();
    ws();
    if (i >= n) eof();
    if (bytes[i] === 0x7d) {
      i++;
      return o;
    }
    for (;;) {
      ws();
      if (i >= n) eof();
      if (bytes[i] !== 0x22) bad('looking for beginning of object key string');
      const key = string();
      ws();
      if (i >= n) eof();
      if (bytes[i] !== 0x3a) bad('after object key');
      i++;
      o.set(key, value());
      ws();
      if (i >= n) eof();
      if (bytes[i] === 0x2c) {
        i++;
        continue;
      }
      if (bytes[i] === 0x7d) {
        i++;
        return o;
      }
      bad('after object key:value pair');
    }
  };

  const array = (): GoJsonValue[] => {
    i++;
    const a: GoJsonValue[] = [];
    ws();
    if (i >= n) eof();
    if (bytes[i] === 0x5d) {
      i++;
      return a;
    }
    for (;;) {
      a.push(value());
      ws();
      if (i >= n) eof();
      if (bytes[i] === 0x2c) {
        i++;
        continue;
      }
      if (bytes[i] === 0x5d) {
        i++;
        return a;
      }
      bad('after array element');
    }
  };

  const v = value();
  ws();
  if (i < n) bad('after top-level value');
  return v;
}

/** How an UnmarshalTypeError names a JSON value: "string", "number", "bool", "array", "object". */
export function goJsonKind(v: GoJsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}
