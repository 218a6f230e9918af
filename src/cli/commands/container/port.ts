// `docker port`: List port mappings or a specific mapping for the container (docker/cli cli/command/container/port.go).
import type { Command } from '../../command.ts';
import { CliError, rangeArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import type { PortMap } from '../../../engine/container/ports.ts';

export const portCommand: Command = {
  spec: {
    use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
    aliasesText: 'docker container port, docker port',
    short: 'List port mappings or a specific mapping for the container',
    args: rangeArgs(1, 2),
    flags: [],
  },
  run: async (ctx, _opts, args) => {
    const daemon = ctx.daemon as Daemon;
    const [ref, wanted] = args as [string, string | undefined];
    const settings = daemon.inspectContainer(ref).NetworkSettings as { Ports: PortMap };
    const ports = settings.Ports;
    const out: string[] = [];
    if (wanted !== undefined && wanted !== '') {
      const slash = wanted.indexOf('/');
      const port = slash < 0 ? wanted : wanted.slice(0, slash);
      const proto = slash < 0 || wanted.slice(slash + 1) === '' ? 'tcp' : wanted.slice(slash + 1);
      const invalid = parseUint16Error(port);
      if (invalid) throw new CliError(`Error: invalid port (${port}): ${invalid}`, 1);
      const frontends = ports[`${port}/${proto}`];
      if (!frontends || frontends.length === 0) throw new CliError(`Error: No public port '${wanted}' published for ${ref}`, 1);
      for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
    } else {
      for (const [from, frontends] of Object.entries(ports)) {
        for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
      }
    }
    if (out.length > 0) {
      out.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
      ctx.stdout.write(out.join('\n') + '\n');
    }
    return 0;
  },
};

/** strconv.ParseUint(s, 10, 16)'s error, if any. */
function parseUint16Error(s: string): string | undefined {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  if (Number(s) > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return undefined;
}

/** net.JoinHostPort: an IPv6 address in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** fvbommel/sortorder's NaturalLess: runs of digits compare as numbers, digits before other characters. */
export function naturalLess(s1: string, s2: string): boolean {
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1]!;
    const c2 = s2[i2]!;
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < s1.length && s1[i1] === '0') i1++;
    while (i2 < s2.length && s2[i2] === '0') i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < s1.length && isDigit(s1[i1])) i1++;
    while (i2 < s2.length && isDigit(s2[i2])) i2++;
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2;
    const n1 = s1.slice(nz1, i1);
    const n2 = s2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}
