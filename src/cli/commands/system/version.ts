// `docker version`: Show the Docker version information (docker/cli cli/command/system/version.go).
import type { CliContext, Command, RunFn } from '../../command.ts';
import { CliError, noArgs, referenceServer } from '../../command.ts';
import { ENGINE_VERSION, type Daemon } from '../../../engine/daemon.ts';
import { TemplateError, parseTemplate, tabwrite, type TemplateFunc } from '../../format/index.ts';
import { dockerGitCommit, dockerVersion } from '../root.ts';
import { goMap, goStruct } from './govalues.ts';
import { DAEMON_UNREACHABLE } from '../../dispatch.ts';

const defaultVersionTemplate = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:	{{.Version}}
 API version:	{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:	{{.GoVersion}}
 Git commit:	{{.GitCommit}}
 Built:	{{.BuildTime}}
 OS/Arch:	{{.Os}}/{{.Arch}}
 Context:	{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:	{{.Version}}
  API version:	{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:	{{index .Details "GoVersion"}}
  Git commit:	{{index .Details "GitCommit"}}
  Built:	{{index .Details "BuildTime"}}
  OS/Arch:	{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:	{{index .Details "Experimental"}}
  {{- else }}
  Version:	{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:	{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

/** The client Berth plays: the docker 28.2.2 static binary for linux/amd64. */
export const CLIENT = {
  // root.ts imports this module: read its constants when used, not at load
  get version(): string {
    return dockerVersion;
  },
  get gitCommit(): string {
    return dockerGitCommit;
  },
  goVersion: 'go1.24.3',
  /** version.BuildTime as reformatDate shows it (time.ANSIC). */
  buildTime: 'Fri May 30 12:07:14 2025',
  os: 'linux',
  arch: 'amd64',
  defaultAPIVersion: '1.50',
};

/** The engine's platform name and bundled components (Docker 28.2.2 static packages). */
export const SERVER_EXTRA = {
  platformName: 'Docker Engine - Community',
  containerd: { version: 'v1.7.27', gitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  runc: { version: '1.2.6', gitCommit: 'v1.2.6-0-ge89a299' },
  init: { version: '0.19.0', gitCommit: 'de40ad0' },
};

const ANSIC_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ANSIC_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** reformatDate: an RFC 3339 build time as time.ANSIC ("Fri May 30 12:07:26 2025"), in UTC. */
export function reformatDate(buildTime: string): string {
  const t = Date.parse(buildTime);
  if (Number.isNaN(t)) return buildTime;
  const d = new Date(t);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${ANSIC_DAYS[d.getUTCDay()]} ${ANSIC_MONTHS[d.getUTCMonth()]} ${day} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** dockerCli.CurrentContext(): --context, then DOCKER_CONTEXT, then "default". */
export function currentContext(ctx: CliContext): string {
  const flag = ctx.invocation?.globals.context;
  if (typeof flag === 'string' && flag !== '') return flag;
  return ctx.env.get('DOCKER_CONTEXT') || 'default';
}

/** The negotiated API version: the lower of the client's and the daemon's. */
export function negotiatedVersion(ctx: CliContext): string {
  const server = ctx.server === undefined ? referenceServer : ctx.server;
  const theirs = server?.apiVersion ?? CLIENT.defaultAPIVersion;
  const [a, b] = [theirs, CLIENT.defaultAPIVersion].map((v) => v.split('.').map(Number));
  return a![0]! < b![0]! || (a![0] === b![0] && a![1]! < b![1]!) ? theirs : CLIENT.defaultAPIVersion;
}

/** docker/cli's clientVersion. */
export interface ClientVersion {
  Platform: null;
  Version: string;
  APIVersion: string;
  DefaultAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  BuildTime: string;
  Context: string;
}

/** clientVersion (without Platform: the static client has no platform name). */
export function clientVersion(ctx: CliContext, apiVersion: string): ClientVersion {
  return goStruct(
    'system.clientVersion',
    {
      Platform: null,
      Version: CLIENT.version,
      APIVersion: apiVersion,
      DefaultAPIVersion: CLIENT.defaultAPIVersion,
      GitCommit: CLIENT.gitCommit,
      GoVersion: CLIENT.goVersion,
      Os: CLIENT.os,
      Arch: CLIENT.arch,
      BuildTime: CLIENT.buildTime,
      Context: currentContext(ctx),
    },
    (c) => clientVersionJson(c),
  );
}

export function clientVersionJson(c: ClientVersion): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (c.Version) o.Version = c.Version;
  if (c.APIVersion) o.ApiVersion = c.APIVersion;
  if (c.DefaultAPIVersion) o.DefaultAPIVersion = c.DefaultAPIVersion;
  if (c.GitCommit) o.GitCommit = c.GitCommit;
  if (c.GoVersion) o.GoVersion = c.GoVersion;
  if (c.Os) o.Os = c.Os;
  if (c.Arch) o.Arch = c.Arch;
  if (c.BuildTime) o.BuildTime = c.BuildTime;
  o.Context = c.Context;
  return o;
}

function component(name: string, version: string, details: Record<string, string>) {
  return goStruct('types.ComponentVersion', { Name: name, Version: version, Details: goMap('map[string]string', details) });
}

/** GET /version, with the Engine's BuildTime reformatted as the CLI does. */
function serverVersion(daemon: Daemon) {
  const v = ENGINE_VERSION;
  const kernel = daemon.opts.kernel ?? v.KernelVersion;
  return goStruct(
    '*types.Version',
    {
      Platform: goStruct('struct { Name string }', { Name: SERVER_EXTRA.platformName }),
      Components: [
        component('Engine', v.Version, {
          ApiVersion: v.ApiVersion,
          Arch: v.Arch,
          BuildTime: reformatDate(v.BuildTime),
          Experimental: 'false',
          GitCommit: v.GitCommit,
          GoVersion: v.GoVersion,
          KernelVersion: kernel,
          MinAPIVersion: v.MinAPIVersion,
          Os: v.Os,
        }),
        component('containerd', SERVER_EXTRA.containerd.version, { GitCommit: SERVER_EXTRA.containerd.gitCommit }),
        component('runc', SERVER_EXTRA.runc.version, { GitCommit: SERVER_EXTRA.runc.gitCommit }),
        component('docker-init', SERVER_EXTRA.init.version, { GitCommit: SERVER_EXTRA.init.gitCommit }),
      ],
      Version: v.Version,
      APIVersion: v.ApiVersion,
      MinAPIVersion: v.MinAPIVersion,
      GitCommit: v.GitCommit,
      GoVersion: v.GoVersion,
      Os: v.Os,
      Arch: v.Arch,
      KernelVersion: kernel,
      Experimental: false,
      BuildTime: v.BuildTime,
    },
    (s) => ({
      Platform: s.Platform,
      Components: s.Components,
      Version: s.Version,
      ApiVersion: s.APIVersion,
      MinAPIVersion: s.MinAPIVersion,
      GitCommit: s.GitCommit,
      GoVersion: s.GoVersion,
      Os: s.Os,
      Arch: s.Arch,
      KernelVersion: s.KernelVersion,
      BuildTime: s.BuildTime,
    }),
  );
}

const getDetailsOrder: TemplateFunc = {
  params: ['any'],
  fn: ([c]) => Object.keys((c as { Details?: object } | null)?.Details ?? {}).sort(),
};

/** Template errors of `docker version` name the template "version". */
function named(message: string): string {
  return message.replace(/^template: :/, 'template: version:').replace(/executing "" at/, 'executing "version" at');
}

const run: RunFn<Daemon> = async (ctx, opts) => {
  const format = String(opts.format ?? '');
  const text = format === '' ? defaultVersionTemplate : format === 'json' ? '{{json .}}' : format;
  let tmpl;
  try {
    tmpl = parseTemplate(text, { funcs: { getDetailsOrder } });
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`template parsing error: ${named(e.message)}`, 64);
    throw e;
  }
  const data = goStruct('system.versionInfo', {
    Client: clientVersion(ctx, negotiatedVersion(ctx)),
    // dockerd not answering: the client part, then the connection's error
    Server: ctx.daemon.running ? serverVersion(ctx.daemon) : null,
  });
  let err: string | undefined;
  let out = '';
  try {
    out = tmpl.execute(data, { numbers: 'int' });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    err = named(e.message);
  }
  // tabwriter.NewWriter(out, 20, 1, 1, ' ', 0), then a newline
  ctx.stdout.write(tabwrite(out + '\n', { minwidth: 20, tabwidth: 1, padding: 1, padchar: ' ', flags: 0 }));
  if (!ctx.daemon.running) throw new CliError(DAEMON_UNREACHABLE, 1);
  if (err !== undefined) throw new CliError(err, 1);
  return 0;
};

export const versionCommand: Command = {
  spec: {
    use: 'version [OPTIONS]',
    short: 'Show the Docker version information',
    args: noArgs,
    categoryTop: 10,
    flags: [
      { name: 'format', shorthand: 'f', type: 'string', usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
    ],
  },
  run: run as RunFn,
};
