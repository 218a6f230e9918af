// RUN --mount and --device values: CSV fields (tonistiigi/go-csvvalue, as
// encoding/csv) read as buildkit's parseMount and ParseDevice do. At parse
// time a mount is checked only for its CSV and a variable in `from`; the
// builder checks the rest once variables are known (pass `expand`).

import { parseBool, parseUint, withSuggestion } from './go.ts';
import type { GoResult } from './go.ts';
import { utf8Length } from '../../layer/tree.ts';
import { goQuote } from '../../goquote.ts';

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
const MOUNT_TYPES: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING = ['shared', 'private', 'locked'] as const;

export interface Mount {
  type: MountType;
  from: string;
  source: string;
  target: string;
  readOnly: boolean;
  sizeLimit: number;
  cacheId: string;
  cacheSharing: '' | (typeof SHARING)[number];
  required: boolean;
  env?: string;
  mode?: number;
  uid?: number;
  gid?: number;
}

export interface Device {
  name: string;
  required: boolean;
}

/** One CSV record of a single line, with encoding/csv's errors. */
export function csvFields(input: string): GoResult<string[]> {
  let line = input;
  if (line.endsWith('\r\n')) line = line.slice(0, -2);
  else if (line.endsWith('\n')) line = line.slice(0, -1);
  if (line.length === 0) return { ok: false, error: 'EOF' };
  const err = (pos: number, what: string) => ({ ok: false as const, error: `parse error on line 1, column ${pos + 1}: ${what}` });
  const fields: string[] = [];
  let pos = 0; // byte offset, as Go reports columns
  for (;;) {
    if (line.length === 0 || line[0] !== '"') {
      const i = line.indexOf(',');
      const field = i >= 0 ? line.slice(0, i) : line;
      const j = field.indexOf('"');
      if (j >= 0) return err(pos + utf8Length(field.slice(0, j)), 'bare " in non-quoted-field');
      fields.push(field);
      if (i < 0) break;
      pos += utf8Length(field) + 1;
      line = line.slice(i + 1);
      continue;
    }
    line = line.slice(1);
    pos += 1;
    let field = '';
    for (;;) {
      const i = line.indexOf('"');
      if (i < 0) return err(pos, 'extraneous or missing " in quoted-field');
      field += line.slice(0, i);
      pos += utf8Length(line.slice(0, i)) + 1;
      line = line.slice(i + 1);
      if (line[0] === '"') {
        field += '"';
        line = line.slice(1);
        pos += 1;
        continue;
      }
      if (line[0] === ',') {
        fields.push(field);
        line = line.slice(1);
        pos += 1;
        break;
      }
      if (line.length === 0) {
        fields.push(field);
        return { ok: true, value: fields };
      }
      return err(pos - 1, 'extraneous or missing " in quoted-field');
    }
  }
  return { ok: true, value: fields };
}

const MOUNT_KEYS = [
  'type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid',
  'src', 'dst', 'destination', 'ro', 'rw', 'readwrite', 'env',
];

/**
 * buildkit's parseMount. Without `expand` (parse time) only the CSV and
 * `from=$VAR` are checked; with it every field is.
 */
export function parseMount(value: string, expand?: (word: string) => GoResult<string>): GoResult<Mount> {
  const fields = csvFields(value);
  if (!fields.ok) return { ok: false, error: `failed to parse csv mounts: ${fields.error}` };
  const m: Mount = { type: 'bind', from: '', source: '', target: '', readOnly: false, sizeLimit: 0, cacheId: '', cacheSharing: '', required: false };
  let roAuto = true;
  const fail = (error: string) => ({ ok: false as const, error });
  for (const field of fields.value) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    let val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (!expand) continue;
      if (key === 'readonly' || key === 'ro') {
        m.readOnly = true;
        roAuto = false;
        continue;
      }
      if (key === 'readwrite' || key === 'rw') {
        m.readOnly = false;
        roAuto = false;
        continue;
      }
      if (key === 'required') {
        if (m.type === 'secret' || m.type === 'ssh') {
          m.required = true;
          continue;
        }
        return fail(`unexpected key '${key}' for mount type '${m.type}'`);
      }
      return fail(`invalid field '${field}' must be a key=value pair`);
    }
    if (expand) {
      const r = expand(val);
      if (!r.ok) return r;
      val = r.value;
    } else if (key === 'from') {
      const i = val.indexOf('$');
      if (i !== -1 && i !== val.length - 1) return fail(`'${key}' doesn't support variable expansion, define alias stage instead`);
      continue;
    } else {
      continue;
    }
    switch (key) {
      case 'type': {
        const t = val.toLowerCase() as MountType;
        if (!MOUNT_TYPES.includes(t)) return fail(withSuggestion(`unsupported mount type ${goQuote(val)}`, val, MOUNT_TYPES, true));
        m.type = t;
        break;
      }
      case 'from':
        m.from = val;
        break;
      case 'source':
      case 'src':
        m.source = val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = val;
        break;
      case 'readonly':
      case 'ro': {
        const b = parseBool(val);
        if (b === undefined) return fail(`invalid value for ${key}: ${val}`);
        m.readOnly = b;
        roAuto = false;
        break;
      }
      case 'readwrite':
      case 'rw': {
        const b = parseBool(val);
        if (b === undefined) return fail(`invalid value for ${key}: ${val}`);
        m.readOnly = !b;
        roAuto = false;
        break;
      }
      case 'required': {
        if (m.type !== 'secret' && m.type !== 'ssh') return fail(`unexpected key '${key}' for mount type '${m.type}'`);
        const b = parseBool(val);
        if (b === undefined) return fail(`invalid value for ${key}: ${val}`);
        m.required = b;
        break;
      }
      case 'size': {
        if (m.type !== 'tmpfs') return fail(`unexpected key '${key}' for mount type '${m.type}'`);
        const n = ramInBytes(val);
        if (n === undefined) return fail(`invalid value for ${key}: ${val}`);
        m.sizeLimit = n;
        break;
      }
      case 'id':
        m.cacheId = val;
        break;
      case 'sharing': {
        const v = val.toLowerCase();
        if (!(SHARING as readonly string[]).includes(v)) return fail(withSuggestion(`unsupported sharing value ${goQuote(val)}`, val, SHARING, true));
        m.cacheSharing = v as Mount['cacheSharing'];
        break;
      }
      case 'mode': {
        const r = parseUint(val, 8, 32);
        if (!r.ok) return fail(`invalid value ${val} for mode`);
        m.mode = r.value;
        break;
      }
      case 'uid':
      case 'gid': {
        const r = parseUint(val, 10, 32);
        if (!r.ok) return fail(`invalid value ${val} for ${key}`);
        m[key] = r.value;
        break;
      }
      case 'env':
        m.env = val;
        break;
      default:
        return fail(withSuggestion(`unexpected key '${key}' in '${field}'`, key, MOUNT_KEYS, true));
    }
  }
  if (m.type !== 'secret' && m.type !== 'ssh' && m.type !== 'cache') {
    if (m.mode !== undefined) return fail(`mode not allowed for "${m.type}" type mounts`);
    if (m.uid !== undefined) return fail(`uid not allowed for "${m.type}" type mounts`);
    if (m.gid !== undefined) return fail(`gid not allowed for "${m.type}" type mounts`);
  }
  if (roAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.type === 'secret') {
    if (m.from !== '') return fail('secret mount should not have a from');
    if (m.cacheSharing !== '') return fail('secret mount should not define sharing');
    if (m.source === '' && m.target === '' && m.cacheId === '') return fail('invalid secret mount. one of source, target required');
    if (m.source !== '' && m.cacheId !== '') return fail("both source and id can't be set");
  }
  if (m.cacheSharing !== '' && m.type !== 'cache') return fail(`invalid cache sharing set for ${m.type} mount`);
  return { ok: true, value: m };
}

/** docker/go-units RAMInBytes: `64m`, `1.5GiB`, `512`; binary multiples. */
function ramInBytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  const mul: Record<string, number> = { k: 1 << 10, m: 1 << 20, g: 1 << 30, t: 2 ** 40, p: 2 ** 50 };
  return Math.trunc(n * (m[2] ? mul[m[2].toLowerCase()] : 1));
}

/** buildkit's ParseDevice (RUN --device). */
export function parseDevice(value: string): GoResult<Device> {
  const fields = csvFields(value);
  if (!fields.ok) return { ok: false, error: `failed to parse csv devices: ${fields.error}` };
  const d: Device = { name: '', required: false };
  for (const field of fields.value) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'required') {
        d.required = true;
        continue;
      }
      if (d.name === '') {
        d.name = field;
        continue;
      }
      return { ok: false, error: `invalid field '${field}' must be a key=value pair` };
    }
    if (key === 'name') {
      if (d.name !== '') return { ok: false, error: `device name already set to ${d.name}` };
      d.name = val;
    } else if (key === 'required') {
      const b = parseBool(val);
      if (b === undefined) return { ok: false, error: `invalid value for ${key}: ${val}` };
      d.required = b;
    } else if (d.name === '') {
      d.name = field;
    } else {
      return { ok: false, error: withSuggestion(`unexpected key '${key}' in '${field}'`, key, ['name', 'required'], true) };
    }
  }
  return { ok: true, value: d };
}
