// `docker ps` rows as docker/cli's ContainerContext shows them, its formats
// (NewContainerFormat and the preprocessing run), and the daemon's filters
// (moby daemon/list.go).
import type { ContainerSummary, Daemon } from '../../../engine/daemon.ts';
import { GO_TYPE, ago, formatGoTime, humanSize, parseTemplate, TemplateError, typedNil, type GoNil } from '../../format/index.ts';
import { CliError } from '../../command.ts';
import { quote } from '../../format/index.ts';
import { ellipsis } from '../../format/ellipsis.ts';
import { lookupImage } from '../../../engine/image/store.ts';
import { boolFilter, filterArgs, matchLabels, validateFilters } from '../image/summaries.ts';
import { familiarName, parseNormalizedNamed, ReferenceError } from '../image/reference.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { parsePortRange, splitProtoPort, type SummaryPort } from '../../../engine/container/ports.ts';

export const PS_FORMAT = {
  // docker/cli's defaultContainerTableFormat, `\t` escapes and all (Context.preFormat turns them into tabs)
  table: 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}',
  headers: {
    ID: 'CONTAINER ID',
    Image: 'IMAGE',
    Command: 'COMMAND',
    CreatedAt: 'CREATED AT',
    RunningFor: 'CREATED',
    Ports: 'PORTS',
    State: 'STATE',
    Status: 'STATUS',
    Size: 'SIZE',
    Names: 'NAMES',
    Labels: 'LABELS',
    Mounts: 'MOUNTS',
    LocalVolumes: 'LOCAL VOLUMES',
    Networks: 'NETWORKS',
    Platform: 'PLATFORM',
  } as Record<string, string>,
};


/**
 * One `docker ps` row as docker/cli's ContainerContext: a struct whose
 * fields are computed only when a format asks for them (the default table
 * reads seven of fifteen), and whose JSON is every field, sorted.
 */
/** A reference familiarised (tag kept, digest dropped); parsed once per distinct text. */
const familiarCache = new Map<string, string>();
function familiarImage(image: string): string {
  let v = familiarCache.get(image);
  if (v !== undefined) return v;
  v = image;
  try {
    const ref = parseNormalizedNamed(image);
    v = ref.tag !== undefined ? `${familiarName(ref)}:${ref.tag}` : familiarName(ref);
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
  }
  if (familiarCache.size > 256) familiarCache.clear();
  familiarCache.set(image, v);
  return v;
}

class ContainerRow {
  /** Whether the format read .Size (docker/cli's FieldsUsed, for the preprocessing run). */
  #sizeUsed = false;
  constructor(
    private readonly c: ContainerSummary,
    private readonly now: number,
    private readonly trunc: boolean,
    /** Whether the daemon was asked for sizes: without, SizeRw and SizeRootFs are 0. */
    private readonly size: boolean,
  ) {}
  /** Static, so that no template reaches it. */
  static sizeUsed(row: ContainerRow): boolean {
    return row.#sizeUsed;
  }
  get [GO_TYPE](): string {
    return '*formatter.ContainerContext';
  }
  get Command(): string {
    return quote(this.trunc ? ellipsis(this.c.command, 20) : this.c.command);
  }
  get CreatedAt(): string {
    return formatGoTime(Math.floor(this.c.created / 1000) * 1000);
  }
  get ID(): string {
    return this.trunc ? this.c.id.slice(0, 12) : this.c.id;
  }
  /**
   * docker/cli's ContainerContext.Image over moby's Image (the reference the
   * container was created with, or the image ID once that no longer names
   * the image) and ImageID: truncated, the short ID when both name the same
   * ID, else the reference familiarised (tag kept, digest dropped).
   */
  get Image(): string {
    const image = this.c.image;
    if (image === '') return '<no image>';
    if (this.trunc) {
      const short = truncateId(this.c.imageId);
      if (short === truncateId(image)) return short;
      return familiarImage(image);
    }
    return image;
  }
  get Labels(): string {
    return Object.entries(this.c.labels)
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join(',');
  }
  get LocalVolumes(): string {
    return '0';
  }
  get Mounts(): string {
    return '';
  }
  get Names(): string {
    return this.c.name;
  }
  get Networks(): string {
    return 'bridge';
  }
  /** The image manifest's platform: moby reports one only with the containerd image store, not overlay2's. */
  get Platform(): GoNil {
    return typedNil('*formatter.Platform');
  }
  /**
   * docker/cli's DisplayablePorts: ports sorted (private port, address,
   * public port, protocol); per address and protocol a run of consecutive
   * ports published to the same numbers is one range, a run a gap ends is
   * listed at once, the last runs at the end in first-seen order, and
   * ports published to other numbers after everything.
   */
  get Ports(): string {
    const ports = [...this.c.ports].sort(comparePorts);
    const groups = new Map<string, { first: number; last: number }>();
    const out: string[] = [];
    const hostMappings: string[] = [];
    for (const p of ports) {
      const current = p.privatePort;
      let key = p.type;
      if (p.ip) {
        if (p.publicPort !== current) {
          hostMappings.push(`${joinHostPort(p.ip, String(p.publicPort ?? 0))}->${p.privatePort}/${p.type}`);
          continue;
        }
        key = `${p.ip}/${p.type}`;
      }
      const g = groups.get(key);
      if (!g) {
        groups.set(key, { first: current, last: current });
        continue;
      }
      if (current === g.last + 1) {
        g.last = current;
        continue;
      }
      out.push(formGroup(key, g.first, g.last));
      groups.set(key, { first: current, last: current });
    }
    for (const [key, g] of groups) out.push(formGroup(key, g.first, g.last));
    return [...out, ...hostMappings].join(', ');
  }
  get RunningFor(): string {
    return ago(this.now - this.c.created);
  }
  get Size(): string {
    this.#sizeUsed = true;
    const rw = this.size ? this.c.sizeRw : 0;
    const rootFs = this.size ? this.c.sizeRootFs : 0;
    return rootFs > 0 ? `${humanSize(rw)} (virtual ${humanSize(rootFs)})` : humanSize(rw);
  }
  get State(): string {
    return this.c.state;
  }
  get Status(): string {
    return this.c.status;
  }
  Label(name: string): string {
    return this.c.labels[name] ?? '';
  }
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of JSON_FIELDS) out[k] = this[k];
    return out;
  }
}

/** docker/cli's comparePorts. */
function comparePorts(a: SummaryPort, b: SummaryPort): number {
  if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
  const ai = a.ip ?? '';
  const bi = b.ip ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  if ((a.publicPort ?? 0) !== (b.publicPort ?? 0)) return (a.publicPort ?? 0) - (b.publicPort ?? 0);
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

/** docker/cli's formGroup: `80-81/tcp`, or `0.0.0.0:80-81->80-81/tcp` with an address. */
function formGroup(key: string, first: number, last: number): string {
  // the address may hold colons, the protocol never does
  const slash = key.lastIndexOf('/');
  const ip = slash >= 0 ? key.slice(0, slash) : '';
  const type = slash >= 0 ? key.slice(slash + 1) : key;
  let group = first === last ? String(first) : `${first}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}

/** net.JoinHostPort: an IPv6 address in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const JSON_FIELDS = ['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names', 'Networks', 'Platform', 'Ports', 'RunningFor', 'Size', 'State', 'Status'] as const;

/** stringid.TruncateID: the part after any "algorithm:", at most 12 characters. */
function truncateId(id: string): string {
  const i = id.indexOf(':');
  return (i >= 0 ? id.slice(i + 1) : id).slice(0, 12);
}

export function containerRows(list: ContainerSummary[], now: number, trunc: boolean, size: boolean): object[] {
  return list.map((c) => new ContainerRow(c, now, trunc, size));
}

const EMPTY_SUMMARY: ContainerSummary = {
  id: '',
  name: '',
  image: '',
  imageId: '',
  command: '',
  created: 0,
  status: '',
  state: '',
  exitCode: 0,
  labels: {},
  sizeRw: 0,
  sizeRootFs: 0,
  ports: [],
};

/**
 * docker/cli's buildContainerListOptions: a --format, as typed ("table "
 * and `\t` included), is parsed and run once over an empty
 * ContainerContext before the daemon is asked; its errors are "failed to
 * parse template" and "failed to execute template". Returns whether the
 * format reads .Size.
 */
export function preprocessPsFormat(format: string, now: number): boolean {
  let tmpl;
  try {
    tmpl = parseTemplate(format);
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`failed to parse template: ${e.message}`, 1);
    throw e;
  }
  const probe = new ContainerRow(EMPTY_SUMMARY, now, false, false);
  try {
    tmpl.execute(probe, { numbers: 'int' });
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`failed to execute template: ${e.message}`, 1);
    throw e;
  }
  return ContainerRow.sizeUsed(probe);
}

const RAW_FORMAT = `container_id: {{.ID}}
image: {{.Image}}
command: {{.Command}}
created_at: {{.CreatedAt}}
state: {{- pad .State 1 0}}
status: {{- pad .Status 1 0}}
names: {{.Names}}
labels: {{- pad .Labels 1 0}}
ports: {{- pad .Ports 1 0}}
`;

/** docker/cli's NewContainerFormat: the format `docker ps` renders with. */
export function containerFormat(source: string, quiet: boolean, size: boolean): string {
  switch (source) {
    case 'table':
    case '':
      if (quiet) return '{{.ID}}';
      return size ? PS_FORMAT.table + '\\t{{.Size}}' : PS_FORMAT.table;
    case 'raw':
      if (quiet) return 'container_id: {{.ID}}';
      return size ? RAW_FORMAT + 'size: {{.Size}}\\n' : RAW_FORMAT;
    default:
      return quiet ? '{{.ID}}' : source;
  }
}

const PS_FILTERS = ['ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status', 'health', 'since', 'volume', 'network', 'is-task', 'publish', 'expose'];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const HEALTHS = ['none', 'starting', 'healthy', 'unhealthy'];

const invalid = (message: string) => new DaemonError('invalid-parameter', message);

/** moby's Container.Running: true while paused or restarting too. */
const isRunning = (c: ContainerSummary) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting';

/**
 * The containers GET /containers/json answers (moby daemon/list.go
 * Containers), newest first: the filters are checked in moby's order and
 * with its error texts. Only `status=` shows stopped containers without
 * `all` (it sets All); `limit` > 0 (`-n`, `-l`) does too, and keeps the
 * first `limit`.
 */
export function filterContainers(daemon: Daemon, list: ContainerSummary[], filterValues: string[], all: boolean, limit = -1): ContainerSummary[] {
  const f = filterArgs(filterValues);
  validateFilters(f, PS_FILTERS);
  const exitAllowed = (f.get('exited') ?? []).map((v) => {
    const code = atoi(v);
    if (typeof code === 'string') throw invalid(`invalid filter 'exited=${v}': ${code}`);
    return code;
  });
  for (const v of f.get('status') ?? []) {
    if (!STATES.includes(v)) {
      throw invalid(`invalid filter 'status=${v}': invalid value for state (${v}): must be one of ${STATES.join(', ')}`);
    }
    all = true;
  }
  const isTask = f.has('is-task') ? boolFilter(f, 'is-task', false) : undefined;
  for (const v of f.get('health') ?? []) {
    if (!HEALTHS.includes(v)) {
      throw invalid(`invalid filter 'health=${v}': invalid value for health (${v}): must be one of ${HEALTHS.join(', ')}`);
    }
  }
  const idOrName = (value: string): string => {
    const name = value.replace(/^\//, '');
    const c = list.find((x) => x.id === value) ?? list.find((x) => x.name === name);
    if (!c) throw new DaemonError('not-found', `No such container: ${value}`);
    return c.id;
  };
  let before = (f.get('before') ?? []).map(idOrName).pop();
  const since = (f.get('since') ?? []).map(idOrName).pop();
  const publish = new Set((f.get('publish') ?? []).flatMap((v) => portFilter('publish', v)));
  const expose = new Set((f.get('expose') ?? []).flatMap((v) => portFilter('expose', v)));
  const nameMatch = goMatcher(f.get('name'));
  const idMatch = goMatcher(f.get('id'));
  // filterByNameIDMatches: an id value names the one container its prefix picks
  let byId: Set<string> | undefined;
  if (f.has('id')) {
    byId = new Set();
    for (const p of f.get('id')!) {
      const found = p === '' ? [] : list.filter((c) => c.id.startsWith(p));
      if (found.length === 1) byId.add(found[0]!.id);
    }
  }
  const out: ContainerSummary[] = [];
  for (const c of list) {
    if (before !== undefined) {
      if (c.id === before) before = undefined;
      continue;
    }
    if (since !== undefined && c.id === since) break;
    if (!isRunning(c) && !all && limit <= 0) continue;
    if (byId && !byId.has(c.id)) continue;
    if (!nameMatch(`/${c.name}`) && !nameMatch(c.name)) continue;
    if (!idMatch(c.id)) continue;
    // no container of Berth's is a swarm task
    if (isTask === true) continue;
    if (!matchLabels(f, 'label', c.labels)) continue;
    if (limit > 0 && out.length === limit) break;
    if (exitAllowed.length > 0 && !(c.state === 'exited' && exitAllowed.includes(c.exitCode))) continue;
    if (f.has('status') && !f.get('status')!.includes(c.state)) continue;
    if (f.has('health') && !f.get('health')!.includes(c.health ?? 'none')) continue;
    // no volumes
    if (f.has('volume')) continue;
    // moby: a port whose public number a publish= value names, or whose private number an expose= value names
    if ((publish.size > 0 || expose.size > 0) && !c.ports.some((p) => publish.has(`${p.publicPort ?? 0}/${p.type}`) || expose.has(`${p.privatePort}/${p.type}`))) continue;
    if (f.has('ancestor') && !f.get('ancestor')!.some((a) => isAncestor(daemon, a, c.imageId))) continue;
    // every container is on the default bridge network
    if (f.has('network') && !f.get('network')!.includes('bridge')) continue;
    out.push(c);
  }
  return out;
}

/**
 * filters.Args.Match: a value equal to the text, or a Go regular expression
 * found in it; a value that does not compile matches nothing (moby skips it,
 * no error). No values: everything matches.
 */
function goMatcher(values: string[] | undefined): (text: string) => boolean {
  if (!values || values.length === 0) return () => true;
  const res = values.map(goRegexp);
  return (text) => values.includes(text) || res.some((re) => re !== null && re.test(text));
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/**
 * A Go (RE2) regular expression as a JavaScript one, or null where Go's
 * regexp.Compile fails: look-arounds and back-references (which JavaScript
 * would accept), and whatever JavaScript cannot compile either.
 */
export function goRegexp(pattern: string): RegExp | null {
  let flags = '';
  let body = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    if (lead[1]!.includes('U')) return null;
    flags = [...new Set(lead[1]!)].join('');
    body = body.slice(lead[0].length);
  }
  if (/\(\?[=!]|\(\?<[=!]|\\[1-9]/.test(body)) return null;
  body = body
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '(?![\\s\\S])')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      // a negated class ([:^alpha:]) has no JavaScript spelling inside brackets: left as it is
      return cls === undefined || neg ? m : cls;
    });
  try {
    return new RegExp(body, flags);
  } catch {
    return null;
  }
}

/** strconv.Atoi (64-bit int): the number, or the error text. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${quote(s)}: invalid syntax`;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return `strconv.Atoi: parsing ${quote(s)}: value out of range`;
  return Number(n);
}

/** moby's portOp: a `publish=`/`expose=` value is a port or range with an optional protocol; the ports it names ("80/tcp"). */
function portFilter(key: string, value: string): string[] {
  if (value.includes(':')) throw new DaemonError('system', `filter for '${key}' should not contain ':': ${value}`);
  const [proto, port] = splitProtoPort(value);
  try {
    const [start, end] = parsePortRange(port);
    const out: string[] = [];
    for (let i = start; i <= end; i++) out.push(`${i}/${proto}`);
    return out;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    throw new DaemonError('system', `error while looking up for ${key} ${value}: ${e.message}`);
  }
}

function isAncestor(daemon: Daemon, ref: string, imageId: string): boolean {
  let target: string;
  try {
    target = lookupImage(daemon.images, daemon.refs, ref).image.id;
  } catch {
    return false;
  }
  for (let id: string | undefined = imageId; id; id = daemon.images.get(id)?.parent) {
    if (id === target) return true;
  }
  return false;
}
