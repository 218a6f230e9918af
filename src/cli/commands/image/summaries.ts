// The image list the daemon answers GET /images/json with (moby
// daemon/images/image_list.go): filters, intermediate images hidden without
// --all, newest first. Berth's Daemon.listImages has no filters, so the CLI
// reads the stores the same way moby does.
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { lookupImage, type ImageRecord } from '../../../engine/image/store.ts';
import { BadPatternError, familiarMatch, familiarString, type NamedRef } from './reference.ts';

/** image.Summary, as far as the CLI uses it. */
export interface ImageSummary {
  /** sha256:... */
  id: string;
  parentId: string;
  repoTags: string[];
  repoDigests: string[];
  /** Unix seconds. */
  created: number;
  size: number;
  labels: Record<string, string>;
}

/** Docker's filters.Args: a set of values per key, in the order given. */
export type FilterArgs = Map<string, string[]>;

/** The `--filter` values (already `name=value`, name lower-cased) as filters.Args. */
export function filterArgs(values: string[]): FilterArgs {
  const m: FilterArgs = new Map();
  for (const v of values) {
    const eq = v.indexOf('=');
    const k = v.slice(0, eq);
    const val = v.slice(eq + 1);
    const list = m.get(k) ?? [];
    if (!list.includes(val)) list.push(val);
    m.set(k, list);
  }
  return m;
}

const invalid = (m: string) => new DaemonError('invalid-parameter', m);

/** filters.Args.Validate. */
export function validateFilters(f: FilterArgs, accepted: string[]): void {
  for (const k of f.keys()) if (!accepted.includes(k)) throw invalid(`invalid filter '${k}'`);
}

/** filters.Args.GetBoolOrDefault. */
export function boolFilter(f: FilterArgs, key: string, def: boolean): boolean {
  const values = f.get(key);
  if (!values) return def;
  const isFalse = values.includes('0') || values.includes('false');
  const isTrue = values.includes('1') || values.includes('true');
  if (isFalse === isTrue) throw invalid(`invalid filter '${key}=[${values.join(' ')}]'`);
  return isTrue;
}

/** filters.Args.MatchKVList over an image's labels. */
export function matchLabels(f: FilterArgs, key: string, labels: Record<string, string> | null | undefined): boolean {
  const values = f.get(key);
  if (!values || values.length === 0) return true;
  const src = labels ?? {};
  if (Object.keys(src).length === 0) return false;
  for (const v of values) {
    const eq = v.indexOf('=');
    const k = eq < 0 ? v : v.slice(0, eq);
    if (!Object.prototype.hasOwnProperty.call(src, k)) return false;
    if (eq >= 0 && src[k] !== v.slice(eq + 1)) return false;
  }
  return true;
}

/** Creation time of an image config in ms (0 when it has none). */
export function createdMs(img: ImageRecord): number {
  const t = Date.parse(img.config.created);
  return Number.isNaN(t) ? 0 : t;
}

const GO_DURATION = /^([0-9]*(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$/;
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** api/types/time.GetTimestamp + ParseTimestamps, as ms (the `until` filter). */
export function timestampMs(value: string, now: number): number {
  if (value !== '' && GO_DURATION.test(value)) {
    let ms = 0;
    for (const m of value.matchAll(/([0-9]*(?:\.[0-9]*)?)(ns|us|µs|ms|s|m|h)/g)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
    return now - ms;
  }
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  if (!Number.isNaN(t)) return t;
  throw invalid(`failed to parse value as time or duration: "${value}"`);
}

export interface ListOptions {
  all: boolean;
  filters: FilterArgs;
}

/** ImageService.Images. */
export function imageSummaries(daemon: Daemon, opts: ListOptions): ImageSummary[] {
  const f = opts.filters;
  validateFilters(f, ['dangling', 'label', 'before', 'since', 'reference', 'until']);
  const danglingOnly = boolFilter(f, 'dangling', false);
  let before = 0;
  for (const v of f.get('before') ?? []) {
    const t = createdMs(lookupImage(daemon.images, daemon.refs, v).image);
    if (before === 0 || before > t) before = t;
  }
  for (const v of f.get('until') ?? []) {
    const t = timestampMs(v, daemon.now());
    if (before === 0 || before > t) before = t;
  }
  let since = 0;
  for (const v of f.get('since') ?? []) {
    const t = createdMs(lookupImage(daemon.images, daemon.refs, v).image);
    if (since < t) since = t;
  }
  const hasChildren = (id: string) => daemon.images.children(id).length > 0;
  let selected = daemon.images.all();
  if (danglingOnly) selected = selected.filter((i) => !hasChildren(i.id));

  const out: Array<ImageSummary & { added: number; createdMs: number }> = [];
  for (const img of selected) {
    const created = createdMs(img);
    if (before !== 0 && !(created < before)) continue;
    if (since !== 0 && !(created > since)) continue;
    if (f.has('label') && !matchLabels(f, 'label', img.config.config.Labels)) continue;
    const repoTags: string[] = [];
    const repoDigests: string[] = [];
    for (const ref of daemon.refs.refsOf(img.id)) {
      const named: NamedRef = ref;
      if (f.has('reference')) {
        let found = false;
        for (const pattern of f.get('reference')!) {
          try {
            found = familiarMatch(pattern, named);
          } catch (e) {
            if (e instanceof BadPatternError) throw invalid(e.message);
            throw e;
          }
          if (found) break;
        }
        if (!found) continue;
      }
      if (ref.digest !== undefined) repoDigests.push(familiarString(named));
      if (ref.tag !== undefined) repoTags.push(familiarString(named));
    }
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if (opts.all || !hasChildren(img.id)) {
        if (f.has('dangling') && !danglingOnly) continue;
        if (f.has('reference')) continue;
      } else continue;
    } else if (danglingOnly && repoTags.length > 0) continue;
    out.push({
      id: img.id,
      parentId: img.parent,
      repoTags,
      repoDigests,
      created: Math.floor(created / 1000),
      size: img.size,
      labels: img.config.config.Labels ?? {},
      added: img.added,
      createdMs: created,
    });
  }
  // sort.Sort(sort.Reverse(byCreated)): newest first (Berth breaks ties by arrival, newest first)
  out.sort((a, b) => b.created - a.created || b.added - a.added);
  return out.map(({ added: _a, createdMs: _c, ...s }) => s);
}
