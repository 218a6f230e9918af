// docker/cli's inspect.Inspect (cli/command/inspect/inspector.go): the
// objects as one indented JSON array, `json` compact, or a template run on
// each. A template first runs over the typed Go value; when that fails it
// runs again over the raw JSON (missingkey=error), and only that error is
// reported. Errors of all arguments are joined; what was found still prints.
import type { CliContext } from '../../command.ts';
import { CliError } from '../../command.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { GO_STRING, GO_TYPE, TemplateError, formatGoTime, goJson, goJsonIndent, parseTemplate, type Template } from '../../format/index.ts';
import { nilMap, nilSlice } from './govalues.ts';

export type ObjectKind = 'image' | 'container';

/** Runs `docker ... inspect` for refs; returns the exit status or throws CliError. */
export async function inspect(
  ctx: CliContext,
  refs: string[],
  format: string,
  getRef: (ref: string) => Promise<{ raw: Record<string, unknown>; kind: ObjectKind }>,
): Promise<number> {
  let tmpl: Template | undefined;
  if (format !== '' && format !== 'json') {
    try {
      tmpl = parseTemplate(format);
    } catch (e) {
      if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 64);
      throw e;
    }
  }
  const errors: string[] = [];
  const elements: Record<string, unknown>[] = [];
  let buffer = '';
  for (const ref of refs) {
    let found: { raw: Record<string, unknown>; kind: ObjectKind };
    try {
      found = await getRef(ref);
    } catch (e) {
      if (e instanceof DaemonError) errors.push(`Error response from daemon: ${e.message}`);
      else if (e instanceof CliError) errors.push(e.message);
      else throw e;
      continue;
    }
    if (!tmpl) {
      elements.push(found.raw);
      continue;
    }
    try {
      buffer += executeInspect(tmpl, found.raw, found.kind) + '\n';
    } catch (e) {
      if (e instanceof TemplateError) errors.push(`template parsing error: ${e.message}`);
      else throw e;
    }
  }
  if (tmpl) ctx.stdout.write(buffer === '' ? '\n' : buffer);
  else if (elements.length === 0) ctx.stdout.write('[]\n');
  else {
    const objects = elements.map((e) => jsonView(e, ''));
    ctx.stdout.write((format === 'json' ? goJson(objects) : goJsonIndent(objects)) + '\n');
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'), 1);
  return 0;
}

/** TemplateInspector.Inspect: the typed value first, then the raw JSON with missingkey=error. */
function executeInspect(tmpl: Template, raw: Record<string, unknown>, kind: ObjectKind): string {
  try {
    return tmpl.execute(typedView(raw, kind), { numbers: 'int' });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
  }
  return tmpl.execute(rawView(raw), { numbers: 'int', missingKey: 'error' });
}

/** The object as the daemon's encoder wrote it: the keys of Go maps sorted. */
function jsonView(v: unknown, key: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((e) => jsonView(e, ''));
  const isMap = MAP_KEYS.has(key);
  const out: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) out[k] = jsonView(e, isMap ? '' : k);
  if (isMap) Object.defineProperty(out, GO_TYPE, { value: 'map[string]interface {}', enumerable: false });
  return out;
}

// ---------------------------------------------------------------------------
// The raw JSON as json.Decoder (UseNumber) gives it: maps of interface{}.

function rawView(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v)) as unknown;
}

// ---------------------------------------------------------------------------
// The typed value: Go structs (a missing field is an error), maps where the
// API types have maps, and the fields the JSON omits (omitempty) back with
// their zero values, so {{.Config.Volumes}} prints "map[]" as in docker.

const MAP_KEYS = new Set([
  'Labels',
  'ExposedPorts',
  'Volumes',
  'Data',
  'Ports',
  'Networks',
  'PortBindings',
  'Sysctls',
  'StorageOpt',
  'Tmpfs',
  'DriverOpts',
  'Annotations',
  'Options',
]);
const SLICE_KEYS = new Set([
  'RepoTags',
  'RepoDigests',
  'Args',
  'ExecIDs',
  'Env',
  'Cmd',
  'Entrypoint',
  'OnBuild',
  'Shell',
  'Layers',
  'Binds',
  'Links',
  'CapAdd',
  'CapDrop',
  'Dns',
  'DnsOptions',
  'DnsSearch',
  'ExtraHosts',
  'GroupAdd',
  'SecurityOpt',
  'VolumesFrom',
  'Mounts',
  'Devices',
  'DeviceCgroupRules',
  'DeviceRequests',
  'Ulimits',
  'MaskedPaths',
  'ReadonlyPaths',
  'SecondaryIPAddresses',
  'SecondaryIPv6Addresses',
  'Aliases',
  'DNSNames',
  'Links',
  'BlkioWeightDevice',
  'BlkioDeviceReadBps',
  'BlkioDeviceWriteBps',
  'BlkioDeviceReadIOps',
  'BlkioDeviceWriteIOps',
  'ConsoleSize',
]);

/** Fields the API types declare but the JSON may omit, with their zero values, per object path. */
const OMITTED: Record<string, Record<string, () => unknown>> = {
  'image.': {
    Created: () => '',
    Container: () => '',
    ContainerConfig: () => null,
    Variant: () => '',
    OsVersion: () => '',
    VirtualSize: () => 0,
    Descriptor: () => null,
    Manifests: () => nilSlice(),
  },
  'image.Config': {
    User: () => '',
    ExposedPorts: () => nilMap('map[string]struct {}'),
    Env: () => nilSlice(),
    Entrypoint: () => nilSlice(),
    Cmd: () => nilSlice(),
    Volumes: () => nilMap('map[string]struct {}'),
    WorkingDir: () => '',
    Labels: () => nilMap('map[string]string'),
    StopSignal: () => '',
    ArgsEscaped: () => false,
    Healthcheck: () => null,
    OnBuild: () => nilSlice(),
    Shell: () => nilSlice(),
  },
  'image.RootFS': { Type: () => '', Layers: () => nilSlice() },
  'container.': { SizeRw: () => null, SizeRootFs: () => null, ImageManifestDescriptor: () => null },
  'container.State': { Health: () => null },
  'container.Config': {
    ExposedPorts: () => nilMap('map[nat.Port]struct {}'),
    Healthcheck: () => null,
    ArgsEscaped: () => false,
    NetworkDisabled: () => false,
    MacAddress: () => '',
    StopSignal: () => '',
    StopTimeout: () => null,
    Shell: () => nilSlice(),
  },
};

/** Fields the API types declare as time.Time (a template prints them with String(); JSON keeps RFC 3339). */
const TIME_PATHS = new Set(['container.State.Health.Log.Start', 'container.State.Health.Log.End']);

function goTimeValue(rfc3339: string): unknown {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  return Object.defineProperties({}, {
    [GO_TYPE]: { value: 'time.Time', enumerable: false },
    [GO_STRING]: { value: () => formatGoTime(ms), enumerable: false },
    toJSON: { value: () => rfc3339, enumerable: false },
  });
}

function typedView(raw: Record<string, unknown>, kind: ObjectKind): unknown {
  return typed(raw, `${kind}.`, '');
}

function typed(v: unknown, path: string, key: string): unknown {
  if (v === null) {
    if (MAP_KEYS.has(key)) return nilMap();
    if (SLICE_KEYS.has(key)) return nilSlice();
    return null;
  }
  if (Array.isArray(v)) return v.map((e) => typed(e, path, ''));
  if (typeof v === 'string' && TIME_PATHS.has(path)) return goTimeValue(v);
  if (typeof v !== 'object') return v;
  const obj = v as Record<string, unknown>;
  const isMap = MAP_KEYS.has(key);
  const out: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(obj)) out[k] = typed(e, isMap ? path : `${path}${path.endsWith('.') ? '' : '.'}${k}`, isMap ? '' : k);
  const fill = OMITTED[path];
  if (fill && !isMap) for (const [k, zero] of Object.entries(fill)) if (!(k in out)) Object.defineProperty(out, k, { value: zero(), enumerable: false });
  Object.defineProperty(out, GO_TYPE, { value: isMap ? 'map[string]interface {}' : 'struct', enumerable: false });
  if (path === 'image.Config' && !isMap) return imageConfig(out, obj);
  return out;
}

const OCI_FIELDS = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped'];
const EXT_FIELDS = ['Healthcheck', 'OnBuild', 'Shell'];

/**
 * An image's Config is a DockerOCIImageConfig: ocispec.ImageConfig and
 * DockerOCIImageConfigExt embedded, so {{.Config}} prints two nested structs
 * while {{.Config.Cmd}} reaches through them.
 */
function imageConfig(fields: Record<string, unknown>, raw: Record<string, unknown>): object {
  const part = (type: string, names: string[]) => {
    const o: Record<string, unknown> = {};
    for (const n of names) o[n] = fields[n];
    Object.defineProperty(o, GO_TYPE, { value: type, enumerable: false });
    return o;
  };
  const out: Record<string, unknown> = {
    ImageConfig: part('v1.ImageConfig', OCI_FIELDS),
    DockerOCIImageConfigExt: part('v1.DockerOCIImageConfigExt', EXT_FIELDS),
  };
  for (const n of [...OCI_FIELDS, ...EXT_FIELDS]) Object.defineProperty(out, n, { value: fields[n], enumerable: false });
  Object.defineProperty(out, GO_TYPE, { value: '*v1.DockerOCIImageConfig', enumerable: false });
  Object.defineProperty(out, 'toJSON', { value: () => jsonView(raw, 'Config'), enumerable: false });
  return out;
}
