// JSON as Go's encoding/json writes it for the structs moby saves: fields in
// struct order, `omitempty` honoured, HTML characters escaped.
import type { RunConfig } from '../config.ts';

/** json.Marshal's string escaping: <, > and & as \u003c..., and U+2028/2029. */
export function goJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const nil = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** moby api/types/container.Config in field order (the image's `config` and `container_config`). */
export function goContainerConfig(c: RunConfig | undefined | null): Record<string, unknown> {
  const x = c ?? {};
  const o: Record<string, unknown> = {
    Hostname: x.Hostname ?? '',
    Domainname: x.Domainname ?? '',
    User: x.User ?? '',
    AttachStdin: x.AttachStdin ?? false,
    AttachStdout: x.AttachStdout ?? false,
    AttachStderr: x.AttachStderr ?? false,
  };
  if (x.ExposedPorts && Object.keys(x.ExposedPorts).length > 0) o.ExposedPorts = x.ExposedPorts;
  o.Tty = x.Tty ?? false;
  o.OpenStdin = x.OpenStdin ?? false;
  o.StdinOnce = x.StdinOnce ?? false;
  o.Env = nil(x.Env);
  o.Cmd = nil(x.Cmd);
  if (x.Healthcheck) o.Healthcheck = x.Healthcheck;
  if (x.ArgsEscaped) o.ArgsEscaped = true;
  o.Image = x.Image ?? '';
  o.Volumes = nil(x.Volumes);
  o.WorkingDir = x.WorkingDir ?? '';
  o.Entrypoint = nil(x.Entrypoint);
  o.OnBuild = nil(x.OnBuild);
  o.Labels = nil(x.Labels);
  if (x.StopSignal) o.StopSignal = x.StopSignal;
  if (x.Shell && x.Shell.length > 0) o.Shell = x.Shell;
  return o;
}
