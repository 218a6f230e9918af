// The host's service manager and its neighbours, as on Debian 12 with
// docker-ce: systemctl (systemd 252) and Debian's `service` for
// docker.service, docker.socket and containerd.service; journalctl for
// their journal; sudo (the prompt is root's); dockerd --version.
import type { Program, ProcessContext } from '../engine/runtime/process.ts';
import type { Daemon } from '../engine/daemon.ts';
import { ENGINE_VERSION } from '../engine/daemon.ts';
import type { Fs } from '../engine/fs/types.ts';
import type { DaemonLogEntry } from '../engine/config.ts';
import { DOCKER_UNIT_DESCRIPTION, dockerUnits, startDaemon, stopDaemon, systemdLine, type DockerUnits } from '../engine/dockerd/lifecycle.ts';
import { isConfigFailure, loadDaemonConfig } from '../engine/dockerd/config.ts';
import { catalog, journalLine, relativeTime, systemdTime } from '../engine/dockerd/journal.ts';

export interface SystemHost {
  daemon: Daemon;
  /** The host's file system (daemon.json is read from it). */
  fs: () => Fs;
}

type UnitKey = 'docker' | 'socket' | 'containerd';

/** The units Berth's host has, by systemd name. */
const UNITS: Record<string, UnitKey> = {
  'docker.service': 'docker',
  'docker.socket': 'socket',
  'containerd.service': 'containerd',
};

/** systemctl's name for what was typed: `docker` is docker.service. */
function unitName(arg: string): string {
  return /\.(service|socket|target|timer|mount|path|slice|scope|device|swap)$/.test(arg) ? arg : `${arg}.service`;
}

const DOCKERD_CMD = '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';

const UNIT_INFO: Record<UnitKey, { description: string; file: string; docs: string; cmd: string; comm: string }> = {
  docker: { description: DOCKER_UNIT_DESCRIPTION, file: '/lib/systemd/system/docker.service', docs: 'https://docs.docker.com', cmd: DOCKERD_CMD, comm: 'dockerd' },
  socket: { description: 'Docker Socket for the API', file: '/lib/systemd/system/docker.socket', docs: '', cmd: '', comm: '' },
  containerd: { description: 'containerd container runtime', file: '/lib/systemd/system/containerd.service', docs: 'https://containerd.io', cmd: '/usr/bin/containerd', comm: 'containerd' },
};

const write = (s: { write(t: string): void }, line: string) => s.write(line + '\n');

/** `systemctl status UNIT`: systemd 252's status block, with the unit's last journal lines. */
function status(host: SystemHost, key: UnitKey, name: string, lines: number): { text: string; code: number } {
  const daemon = host.daemon;
  const units = dockerUnits(daemon);
  const u = units[key];
  const info = UNIT_INFO[key];
  const now = daemon.now();
  const dot = u.state === 'active' ? '●' : u.state === 'failed' ? '×' : '○';
  const out: string[] = [];
  out.push(`${dot} ${name} - ${info.description}`);
  out.push(`     Loaded: loaded (${info.file}; ${u.enabled ? 'enabled' : 'disabled'}; preset: enabled)`);
  const since = `since ${systemdTime(u.since)}; ${relativeTime(u.since, now)}`;
  if (key === 'socket') {
    out.push(`     Active: ${u.state === 'active' ? `active (${units.docker.state === 'active' ? 'running' : 'listening'})` : 'inactive (dead)'} ${since}`);
    out.push(`   Triggers: ● docker.service`);
    out.push(`     Listen: /run/docker.sock (Stream)`);
    out.push(`     CGroup: /system.slice/docker.socket`);
  } else {
    const pid = key === 'docker' ? units.docker.pid : units.containerd.pid;
    if (u.state === 'active') out.push(`     Active: active (running) ${since}`);
    else if (u.state === 'failed') out.push(`     Active: failed (Result: exit-code) ${since}`);
    else out.push(`     Active: inactive (dead) ${since}`);
    if (key === 'docker') out.push(`TriggeredBy: ${units.socket.state === 'active' ? '●' : '○'} docker.socket`);
    out.push(`       Docs: ${info.docs}`);
    if (u.state === 'active') {
      out.push(`   Main PID: ${pid} (${info.comm})`);
      out.push(`     CGroup: /system.slice/${name}`);
      out.push(`             └─${pid} ${info.cmd}`);
    } else if (key === 'docker' && pid !== undefined) {
      const exit = u.state === 'failed' ? 'status=1/FAILURE' : 'status=0/SUCCESS';
      out.push(`    Process: ${pid} ExecStart=${info.cmd} (code=exited, ${exit})`);
      out.push(`   Main PID: ${pid} (code=exited, ${exit})`);
    }
  }
  const journal = unitJournal(daemon, key).slice(-lines);
  if (journal.length > 0 && lines > 0) {
    out.push('');
    for (const e of journal) out.push(journalLine(daemon, e, hostnameOf(host)));
  }
  return { text: out.join('\n') + '\n', code: u.state === 'active' ? 0 : 3 };
}

/** The host's name (journal lines carry it). */
function hostnameOf(host: SystemHost): string {
  try {
    return new TextDecoder().decode(host.fs().readFile('/etc/hostname')).trim() || 'berth';
  } catch {
    return 'berth';
  }
}

/** The journal lines of a unit (`journalctl -u`): docker.service has dockerd's and systemd's about it. */
function unitJournal(daemon: Daemon, key: UnitKey | undefined): DaemonLogEntry[] {
  const debug = daemon.config.debug;
  return daemon.log.filter((e) => {
    if (e.level === 'debug' && !debug) return false;
    if (key === undefined) return true;
    if (key !== 'docker') return false;
    return true;
  });
}

/** Runs systemctl's verb on one unit; writes what systemctl prints and returns its status. */
async function unitVerb(host: SystemHost, ctx: ProcessContext, verb: string, name: string): Promise<number> {
  const key = UNITS[name];
  const daemon = host.daemon;
  const units = dockerUnits(daemon);
  const notFound = () => {
    write(ctx.stderr, `Failed to ${verb} ${name}: Unit ${name} not found.`);
    return 5;
  };
  const jobFailed = () => {
    write(ctx.stderr, `Job for ${name} failed because the control process exited with error code.`);
    write(ctx.stderr, `See "systemctl status ${name}" and "journalctl -xeu ${name}" for details.`);
    return 1;
  };
  switch (verb) {
    case 'start':
    case 'restart':
    case 'try-restart':
    case 'reload-or-restart': {
      if (!key) return notFound();
      if (verb === 'try-restart' && units[key].state !== 'active') return 0;
      if (key === 'docker') {
        if (verb !== 'start') await stopDaemon(daemon);
        return (await startDaemon(daemon, host.fs())) ? 0 : jobFailed();
      }
      if (key === 'socket') {
        if (verb !== 'start' && units.socket.state === 'active') {
          // docker.service Requires= docker.socket: restarting the socket restarts the service
          const wasRunning = daemon.running;
          await stopDaemon(daemon);
          setUnit(daemon, units, 'socket', 'inactive');
          setUnit(daemon, units, 'socket', 'active');
          if (wasRunning && !(await startDaemon(daemon, host.fs()))) return jobFailed();
          return 0;
        }
        if (units.socket.state !== 'active') {
          systemdLine(daemon, 'Listening on docker.socket - Docker Socket for the API.');
          setUnit(daemon, units, 'socket', 'active');
        }
        return 0;
      }
      if (verb !== 'start' || units.containerd.state !== 'active') {
        setUnit(daemon, units, 'containerd', 'inactive');
        setUnit(daemon, units, 'containerd', 'active');
      }
      return 0;
    }
    case 'stop': {
      if (!key) {
        write(ctx.stderr, `Failed to stop ${name}: Unit ${name} not loaded.`);
        return 5;
      }
      if (key === 'docker') {
        await stopDaemon(daemon);
        if (units.socket.state === 'active') {
          write(ctx.stderr, `Warning: Stopping docker.service, but it can still be activated by:`);
          write(ctx.stderr, `  docker.socket`);
        }
        return 0;
      }
      if (key === 'socket') {
        // docker.service Requires= docker.socket: it stops with it
        await stopDaemon(daemon);
        if (units.socket.state === 'active') {
          systemdLine(daemon, 'docker.socket: Deactivated successfully.');
          systemdLine(daemon, 'Closed docker.socket - Docker Socket for the API.');
          setUnit(daemon, units, 'socket', 'inactive');
        }
        return 0;
      }
      setUnit(daemon, units, 'containerd', 'inactive');
      return 0;
    }
    case 'reload': {
      if (!key) return notFound();
      if (key !== 'docker') {
        write(ctx.stderr, `Failed to reload ${name}: Job type reload is not applicable for unit ${name}.`);
        return 1;
      }
      if (!daemon.running) {
        write(ctx.stderr, `${name} is not active, cannot reload.`);
        return 1;
      }
      reloadConfig(host);
      return 0;
    }
    case 'enable':
    case 'disable': {
      if (!key) {
        write(ctx.stderr, `Failed to ${verb} unit: Unit file ${name} does not exist.`);
        return 1;
      }
      if (key === 'docker') {
        write(ctx.stderr, 'Synchronizing state of docker.service with SysV service script with /lib/systemd/systemd-sysv-install.');
        write(ctx.stderr, `Executing: /lib/systemd/systemd-sysv-install ${verb} docker`);
      }
      const enable = verb === 'enable';
      if (units[key].enabled !== enable) {
        const target = key === 'socket' ? 'sockets.target' : 'multi-user.target';
        if (enable) write(ctx.stderr, `Created symlink /etc/systemd/system/${target}.wants/${name} → ${UNIT_INFO[key].file}.`);
        else write(ctx.stderr, `Removed "/etc/systemd/system/${target}.wants/${name}".`);
        units[key].enabled = enable;
      }
      return 0;
    }
    case 'is-active': {
      const state = key ? units[key].state : 'inactive';
      write(ctx.stdout, state);
      return state === 'active' ? 0 : 3;
    }
    case 'is-failed': {
      const state = key ? units[key].state : 'inactive';
      write(ctx.stdout, state);
      return state === 'failed' ? 0 : 1;
    }
    case 'is-enabled': {
      if (!key) {
        write(ctx.stderr, `Failed to get unit file state for ${name}: No such file or directory`);
        return 1;
      }
      write(ctx.stdout, units[key].enabled ? 'enabled' : 'disabled');
      return units[key].enabled ? 0 : 1;
    }
  }
  return 1;
}

function setUnit(daemon: Daemon, units: DockerUnits, key: 'socket' | 'containerd', state: 'active' | 'inactive'): void {
  units[key].state = state;
  units[key].since = daemon.now();
}

/**
 * SIGHUP to dockerd (docker.service's ExecReload): daemon.json read again;
 * registry mirrors, insecure registries, debug and the other reloadable
 * settings applied; a file it cannot use is logged and changes nothing.
 */
function reloadConfig(host: SystemHost): void {
  const daemon = host.daemon;
  const pid = dockerUnits(daemon).docker.pid;
  systemdLine(daemon, `Reloading docker.service - ${DOCKER_UNIT_DESCRIPTION}...`);
  daemon.log.push({ time: daemon.now(), level: 'info', msg: 'Got signal to reload configuration, reloading from: /etc/docker/daemon.json', pid });
  const loaded = loadDaemonConfig(host.fs());
  if (isConfigFailure(loaded)) {
    daemon.log.push({ time: daemon.now(), level: 'error', msg: loaded.message.replace(/^failed to start daemon: /, ''), pid });
  } else {
    daemon.config = loaded.config;
    for (const w of loaded.warnings) daemon.log.push({ time: daemon.now(), level: 'warning', msg: w, pid });
  }
  systemdLine(daemon, `Reloaded docker.service - ${DOCKER_UNIT_DESCRIPTION}.`);
}

/** systemctl [OPTIONS] VERB [UNIT...] */
function systemctl(host: SystemHost): Program {
  return async (ctx) => {
    const args: string[] = [];
    let lines = 10;
    for (let i = 1; i < ctx.argv.length; i++) {
      const a = ctx.argv[i]!;
      if (a === '-n' || a === '--lines') lines = Number(ctx.argv[++i] ?? '10');
      else if (a.startsWith('--lines=')) lines = Number(a.slice(8));
      else if (['--no-pager', '-l', '--full', '--now', '-q', '--quiet', '--no-block', '--system', '--no-legend'].includes(a)) continue;
      else if (a.startsWith('-')) {
        write(ctx.stderr, `systemctl: unrecognized option '${a}'`);
        return 1;
      } else args.push(a);
    }
    const now = ctx.argv.includes('--now');
    const quiet = ctx.argv.includes('-q') || ctx.argv.includes('--quiet');
    const [verb, ...names] = args;
    if (verb === undefined) {
      write(ctx.stderr, 'systemctl: listing every unit is not simulated by Berth; try systemctl status docker');
      return 1;
    }
    if (verb === 'daemon-reload' || verb === 'daemon-reexec') {
      return 0;
    }
    const verbs = ['start', 'stop', 'restart', 'try-restart', 'reload-or-restart', 'reload', 'status', 'is-active', 'is-enabled', 'is-failed', 'enable', 'disable'];
    if (!verbs.includes(verb)) {
      write(ctx.stderr, `Unknown command verb '${verb}'.`);
      return 1;
    }
    if (names.length === 0) {
      if (verb === 'status') return statusAll(host, ctx, lines);
      write(ctx.stderr, `Too few arguments.`);
      return 1;
    }
    let code = 0;
    for (const arg of names) {
      const name = unitName(arg);
      if (verb === 'status') {
        const key = UNITS[name];
        if (!key) {
          write(ctx.stderr, `Unit ${name} could not be found.`);
          code = 4;
          continue;
        }
        const s = status(host, key, name, lines);
        ctx.stdout.write(s.text);
        if (code === 0) code = s.code;
        continue;
      }
      const out = quiet && (verb === 'is-active' || verb === 'is-enabled' || verb === 'is-failed') ? { ...ctx, stdout: { write: () => {} } } : ctx;
      const c = await unitVerb(host, out as ProcessContext, verb, name);
      if (c === 0 && now && (verb === 'enable' || verb === 'disable')) {
        const c2 = await unitVerb(host, ctx, verb === 'enable' ? 'start' : 'stop', name);
        if (c2 !== 0) code = c2;
      }
      if (c !== 0 && code === 0) code = c;
    }
    return code;
  };
}

/** `systemctl status` with no unit: the docker units one after the other. */
function statusAll(host: SystemHost, ctx: ProcessContext, lines: number): number {
  const parts = (['docker', 'socket', 'containerd'] as const).map((k) => status(host, k, Object.keys(UNITS).find((n) => UNITS[n] === k)!, lines).text);
  ctx.stdout.write(parts.join('\n'));
  return 0;
}

/** Debian's `service NAME ACTION`: systemctl ACTION NAME.service under systemd. */
function service(host: SystemHost): Program {
  const sc = systemctl(host);
  return async (ctx) => {
    const [, name, action, ...rest] = ctx.argv;
    if (name === undefined || name === '--help' || name === '-h') {
      write(ctx.stderr, 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]');
      return name === undefined ? 1 : 0;
    }
    if (name === '--status-all') {
      const u = dockerUnits(host.daemon);
      write(ctx.stdout, ` [ ${u.docker.state === 'active' ? '+' : '-'} ]  docker`);
      return 0;
    }
    if (action === undefined) {
      write(ctx.stderr, `/usr/sbin/service: ${name}: unrecognized service`);
      return 1;
    }
    const unit = unitName(name);
    if (!UNITS[unit]) {
      write(ctx.stderr, `${name}: unrecognized service`);
      return 1;
    }
    const verb = action === 'force-reload' ? 'reload-or-restart' : action === '--full-restart' ? 'restart' : action;
    if (!['start', 'stop', 'restart', 'reload', 'status', 'reload-or-restart', 'try-restart'].includes(verb)) {
      write(ctx.stderr, `Usage: /etc/init.d/${name} {start|stop|restart|status}`);
      return 1;
    }
    return sc({ ...ctx, argv: ['systemctl', ...(verb === 'status' ? ['--no-pager'] : []), verb, unit, ...rest] });
  };
}

/** journalctl [-u UNIT] [-e] [-x] [-n N] [--no-pager] */
function journalctl(host: SystemHost): Program {
  return async (ctx) => {
    let unit: string | undefined;
    let lines: number | undefined;
    let explain = false;
    let end = false;
    const argv = ctx.argv.slice(1);
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a.startsWith('--')) {
        const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
        if (flag === '--unit') unit = inline ?? argv[++i];
        else if (flag === '--lines') lines = Number(inline ?? argv[++i]);
        else if (flag === '--catalog') explain = true;
        else if (flag === '--pager-end') end = true;
        else if (flag === '--no-pager' || flag === '--no-hostname' || flag === '--follow' || flag === '--boot' || flag === '--system') continue;
        else {
          write(ctx.stderr, `journalctl: unrecognized option '${a}'`);
          return 1;
        }
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let k = 1; k < a.length; k++) {
          const c = a[k]!;
          if (c === 'x') explain = true;
          else if (c === 'e') end = true;
          else if (c === 'f' || c === 'b' || c === 'q') continue;
          else if (c === 'u' || c === 'n') {
            const value = a.slice(k + 1) || argv[++i];
            if (value === undefined) {
              write(ctx.stderr, `journalctl: option requires an argument -- '${c}'`);
              return 1;
            }
            if (c === 'u') unit = value;
            else lines = Number(value);
            break;
          } else {
            write(ctx.stderr, `journalctl: invalid option -- '${c}'`);
            return 1;
          }
        }
        continue;
      }
      write(ctx.stderr, `Failed to add match '${a}': Invalid argument`);
      return 1;
    }
    if (lines !== undefined && !(Number.isInteger(lines) && lines >= 0)) {
      write(ctx.stderr, `Failed to parse lines '${String(lines)}'`);
      return 1;
    }
    // -e without -n shows the last 1000 lines
    if (end && lines === undefined) lines = 1000;
    const name = unit === undefined ? undefined : unitName(unit);
    const key = name === undefined ? undefined : UNITS[name];
    const daemon = host.daemon;
    let entries = name !== undefined && !key ? [] : unitJournal(daemon, key);
    // the job each systemd line belongs to, counted from the first
    const jobs = new Map<DaemonLogEntry, number>();
    let job = 1200;
    for (const e of daemon.log) {
      if (e.source === 'systemd' && /^(Starting|Stopping|Reloading) /.test(e.msg)) job += 37 + (job % 11);
      jobs.set(e, job);
    }
    if (lines !== undefined) entries = lines === 0 ? [] : entries.slice(-lines);
    if (entries.length === 0) {
      write(ctx.stdout, '-- No entries --');
      return 0;
    }
    const hostname = hostnameOf(host);
    for (const e of entries) {
      write(ctx.stdout, journalLine(daemon, e, hostname));
      if (explain) for (const l of catalog(e, name ?? 'docker.service', jobs.get(e) ?? job)) write(ctx.stdout, l);
    }
    return 0;
  };
}

/** sudo [-E] [-H] [-u root] CMD...: the prompt's user is root already, so the command runs as it is. */
function sudo(): Program {
  return async (ctx) => {
    const argv = ctx.argv.slice(1);
    let i = 0;
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (a === '-u' || a === '-g') {
        const who = argv[++i];
        if (who !== 'root' && who !== '0' && who !== '#0') {
          write(ctx.stderr, `sudo: unknown ${a === '-u' ? 'user' : 'group'} ${who ?? ''}`);
          return 1;
        }
        continue;
      }
      if (a === '-i' || a === '-s') {
        if (i + 1 >= argv.length) return ctx.spawn(['bash'], {});
        continue;
      }
      if (/^-[EHnSPkb]+$/.test(a) || a === '--preserve-env' || a.startsWith('--preserve-env=')) continue;
      if (a === '-h' || a === '--help' || a === '-V' || a === '--version') {
        write(ctx.stdout, a === '-V' || a === '--version' ? 'Sudo version 1.9.13p3' : 'usage: sudo -h | -K | -k | -V');
        return 0;
      }
      if (a.startsWith('-')) {
        write(ctx.stderr, `sudo: invalid option -- '${a.slice(1, 2)}'`);
        write(ctx.stderr, 'usage: sudo -h | -K | -k | -V');
        return 1;
      }
      break;
    }
    const cmd = argv.slice(i);
    if (cmd.length === 0) {
      write(ctx.stderr, 'usage: sudo -h | -K | -k | -V');
      write(ctx.stderr, 'usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]');
      write(ctx.stderr, 'usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]');
      write(ctx.stderr, 'usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [<command>]');
      write(ctx.stderr, 'usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...');
      return 1;
    }
    // VAR=value before the command sets it in the command's environment
    const env = new Map(ctx.env);
    while (cmd.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[0]!)) {
      const kv = cmd.shift()!;
      env.set(kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1));
    }
    if (cmd.length === 0) return 0;
    // sudo runs programs, found on its secure_path: a shell builtin or a missing program is not found
    const name = cmd[0]!;
    const found = name.includes('/') ? ctx.fs.exists(name) : ctx.resolve(name, env) !== null;
    if (!found) {
      write(ctx.stderr, `sudo: ${name}: command not found`);
      return 1;
    }
    return ctx.spawn(cmd, { env });
  };
}

/** dockerd: its version; the daemon itself runs under systemd. */
function dockerd(host: SystemHost): Program {
  return async (ctx) => {
    const a = ctx.argv[1];
    if (a === '--version' || a === '-v') {
      write(ctx.stdout, `Docker version ${ENGINE_VERSION.Version}, build ${ENGINE_VERSION.GitCommit}`);
      return 0;
    }
    if (a === '--validate') {
      const loaded = loadDaemonConfig(host.fs());
      if (isConfigFailure(loaded) && loaded.stage === 'file') {
        write(ctx.stderr, loaded.message);
        return 1;
      }
      write(ctx.stderr, 'configuration OK');
      return 0;
    }
    if (host.daemon.running) {
      write(ctx.stderr, `failed to start daemon, ensure docker is not running or delete /var/run/docker.pid: process with PID ${dockerUnits(host.daemon).docker.pid} is still running`);
      return 1;
    }
    write(ctx.stderr, 'dockerd: Berth runs the daemon under systemd only: systemctl start docker');
    return 1;
  };
}

/** The host's system programs, by name (the host adds them to its prompt's programs). */
export function systemPrograms(host: SystemHost): Map<string, Program> {
  return new Map<string, Program>([
    ['systemctl', systemctl(host)],
    ['service', service(host)],
    ['journalctl', journalctl(host)],
    ['sudo', sudo()],
    ['dockerd', dockerd(host)],
  ]);
}
