// `docker ps` rows as docker/cli's ContainerContext shows them, and its
// filters (status, name, id, ancestor, exited, label, before, since).
import type { ContainerSummary, Daemon } from '../../../engine/daemon.ts';
import { CliError } from '../../command.ts';
import { GO_TYPE, ago, formatGoTime, humanSize } from '../../format/index.ts';
import { quote } from '../../format/index.ts';
import { ellipsis } from '../../format/ellipsis.ts';
import { lookupImage } from '../../../engine/image/store.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';

export const PS_FORMAT = {
  table: 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
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
  } as Record<string, string>,
};


/**
 * One `docker ps` row as docker/cli's ContainerContext: a struct whose
 * fields are computed only when a format asks for them (the default table
 * reads seven of fourteen), and whose JSON is every field, sorted.
 */
class ContainerRow {
  constructor(
    private readonly c: ContainerSummary,
    private readonly now: number,
    private readonly trunc: boolean,
  ) {}
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
  get Image(): string {
    return this.c.image;
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
  get Ports(): string {
    return '';
  }
  get RunningFor(): string {
    return ago(this.now - this.c.created);
  }
  get Size(): string {
    return `${humanSize(this.c.sizeRw)} (virtual ${humanSize(this.c.sizeRootFs)})`;
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
  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of JSON_FIELDS) out[k] = this[k];
    return out;
  }
}

const JSON_FIELDS = ['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names', 'Networks', 'Ports', 'RunningFor', 'Size', 'State', 'Status'] as const;

export function containerRows(list: ContainerSummary[], now: number, trunc: boolean): object[] {
  return list.map((c) => new ContainerRow(c, now, trunc));
}

function parseFilters(filters: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of filters) {
    const i = f.indexOf('=');
    if (i < 0) throw new CliError(`Error: bad format of filter (expected name=value)`, 1);
    const k = f.slice(0, i).toLowerCase();
    m.set(k, [...(m.get(k) ?? []), f.slice(i + 1)]);
  }
  return m;
}

const PS_FILTERS = new Set(['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume']);
const STATUSES = new Set(['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']);

export function filterContainers(daemon: Daemon, list: ContainerSummary[], filters: string[], all: boolean): ContainerSummary[] {
  if (filters.length === 0) {
    return all ? list : list.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
  }
  const f = parseFilters(filters);
  for (const k of f.keys()) {
    if (!PS_FILTERS.has(k)) throw new DaemonError('invalid-parameter', `invalid filter '${k}'`);
  }
  for (const s of f.get('status') ?? []) {
    if (!STATUSES.has(s)) {
      throw new DaemonError('invalid-parameter', `invalid filter 'status=${s}'`);
    }
  }
  const showAll = all || f.has('status') || f.has('exited');
  const position = (ref: string): number => {
    const c = daemon.container(ref);
    return list.findIndex((x) => x.id === c.id);
  };
  const before = f.get('before')?.map(position);
  const since = f.get('since')?.map(position);
  return list.filter((c, i) => {
    if (!showAll && c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting') return false;
    const any = (key: string, test: (v: string) => boolean) => {
      const vs = f.get(key);
      return vs === undefined || vs.some(test);
    };
    if (!any('status', (s) => s === c.state)) return false;
    if (!any('name', (n) => new RegExp(n).test(c.name))) return false;
    if (!any('id', (p) => c.id.startsWith(p))) return false;
    if (!any('exited', (code) => c.state === 'exited' && Number(code) === c.exitCode)) return false;
    if (!any('label', (l) => {
      const [k, v] = l.includes('=') ? [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] : [l, undefined];
      return k in c.labels && (v === undefined || c.labels[k] === v);
    })) return false;
    if (!any('ancestor', (a) => isAncestor(daemon, a, c.imageId))) return false;
    if (before && !before.every((p) => i > p)) return false;
    if (since && !since.every((p) => i < p)) return false;
    return true;
  });
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
