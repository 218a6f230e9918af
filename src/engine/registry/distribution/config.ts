// registry's configuration: the YAML file `registry serve` reads, with the
// REGISTRY_<SECTION>_<KEY> environment overrides (configuration/parser.go),
// reduced to what the simulated server uses.

export interface RegistryConfig {
  /** http.addr (`:5000`). */
  addr: string;
  /** storage.filesystem.rootdirectory. */
  root: string;
  deleteEnabled: boolean;
  /** http.secret ('' when none: a random one, with a warning at start). */
  secret: string;
  /** log.level: debug, info, warn, error. */
  level: string;
  accessLogDisabled: boolean;
  /** log.fields: added to the application's log lines. */
  fields: Array<[string, string]>;
  /** http.headers: added to every API answer. */
  headers: Array<[string, string]>;
  /** storage.cache.blobdescriptor. */
  blobDescriptorCache: string | null;
}

type Yaml = string | Yaml[] | { [k: string]: Yaml };

/** A block YAML subset: nested maps by indentation, scalars, `[a, b]` flow lists and `- item` lists. */
export function parseYaml(text: string): { [k: string]: Yaml } | string {
  const root: { [k: string]: Yaml } = {};
  // each open map, with where it hangs (a `- item` under its key turns it into a list)
  const stack: Array<{ indent: number; node: { [k: string]: Yaml }; owner?: { [k: string]: Yaml }; key?: string }> = [{ indent: -1, node: root }];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/(^|\s)#.*$/, '');
    if (raw.trim() === '') continue;
    if (/^\s*\t/.test(raw)) return `yaml: line ${i + 1}: found character that cannot start any token`;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const top = stack[stack.length - 1]!;
    if (line === '-' || line.startsWith('- ')) {
      if (top.owner === undefined || top.key === undefined) return `yaml: line ${i + 1}: did not find expected key`;
      const cur = top.owner[top.key];
      const list = Array.isArray(cur) ? cur : [];
      list.push(unquote(line.slice(1).trim()));
      top.owner[top.key] = list;
      continue;
    }
    const m = /^([^:]+):(?:\s+(.*))?$/.exec(line);
    if (!m) return `yaml: line ${i + 1}: could not find expected ':'`;
    const key = m[1]!.trim();
    const value = m[2]?.trim() ?? '';
    if (value === '') {
      const child: { [k: string]: Yaml } = {};
      top.node[key] = child;
      stack.push({ indent, node: child, owner: top.node, key });
    } else if (value.startsWith('[') && value.endsWith(']')) {
      top.node[key] = value.slice(1, -1).split(',').map((s) => unquote(s.trim())).filter((s) => s !== '');
    } else top.node[key] = unquote(value);
  }
  return root;
}

function unquote(s: string): string {
  return /^(['"]).*\1$/.test(s) ? s.slice(1, -1) : s;
}

function get(y: Yaml | undefined, ...keys: string[]): Yaml | undefined {
  let cur = y;
  for (const k of keys) {
    if (cur === undefined || typeof cur === 'string' || Array.isArray(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

const str = (y: Yaml | undefined): string | undefined => (typeof y === 'string' ? y : undefined);

/** The configuration from the file's text and the environment; a string is parseConfiguration's error. */
export function readConfig(text: string, env: Map<string, string>): RegistryConfig | string {
  const y = parseYaml(text);
  if (typeof y === 'string') return y;
  const version = str(y['version']);
  if (version === undefined) return 'configuration version not specified';
  if (version !== '0.1') return `unsupported configuration version ${version}`;
  const e = (k: string) => env.get(k);
  const fields = get(y, 'log', 'fields');
  const headers = get(y, 'http', 'headers');
  const bool = (v: string | undefined) => v === 'true';
  const filesystem = get(y, 'storage', 'filesystem');
  if (filesystem === undefined && e('REGISTRY_STORAGE') === undefined && e('REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY') === undefined) {
    return 'no storage configuration provided';
  }
  return {
    addr: e('REGISTRY_HTTP_ADDR') ?? str(get(y, 'http', 'addr')) ?? '',
    root: e('REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY') ?? str(get(filesystem, 'rootdirectory')) ?? '/var/lib/registry',
    deleteEnabled: bool(e('REGISTRY_STORAGE_DELETE_ENABLED') ?? str(get(y, 'storage', 'delete', 'enabled'))),
    secret: e('REGISTRY_HTTP_SECRET') ?? str(get(y, 'http', 'secret')) ?? '',
    level: e('REGISTRY_LOG_LEVEL') ?? str(get(y, 'log', 'level')) ?? 'info',
    accessLogDisabled: bool(e('REGISTRY_LOG_ACCESSLOG_DISABLED') ?? str(get(y, 'log', 'accesslog', 'disabled'))),
    fields: fields && typeof fields === 'object' && !Array.isArray(fields) ? Object.entries(fields).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])) : [],
    headers:
      headers && typeof headers === 'object' && !Array.isArray(headers)
        ? Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => [k, x] as [string, string]) : typeof v === 'string' ? [[k, v] as [string, string]] : []))
        : [],
    blobDescriptorCache: str(get(y, 'storage', 'cache', 'blobdescriptor')) ?? str(get(y, 'storage', 'cache', 'layerinfo')) ?? null,
  };
}
