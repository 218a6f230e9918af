// The `docker` root command: global options and the command tree, as
// cmd/docker/docker.go and cli/command/commands/commands.go assemble them
// (docker 28.2.2, no CLI plugins installed).
import type { Command, CommandSpec, FeatureAnnotations, FlagSpec } from '../command.ts';
import { containerCommand } from './container/cmd.ts';
import { attachCommand } from './container/attach.ts';
import { commitCommand } from './container/commit.ts';
import { cpCommand } from './container/cp.ts';
import { createCommand } from './container/create.ts';
import { diffCommand } from './container/diff.ts';
import { execCommand } from './container/exec.ts';
import { exportCommand } from './container/export.ts';
import { killCommand } from './container/kill.ts';
import { psCommand } from './container/list.ts';
import { logsCommand } from './container/logs.ts';
import { pauseCommand } from './container/pause.ts';
import { portCommand } from './container/port.ts';
import { renameCommand } from './container/rename.ts';
import { restartCommand } from './container/restart.ts';
import { rmCommand } from './container/rm.ts';
import { runCommand } from './container/run.ts';
import { startCommand } from './container/start.ts';
import { statsCommand } from './container/stats.ts';
import { stopCommand } from './container/stop.ts';
import { topCommand } from './container/top.ts';
import { unpauseCommand } from './container/unpause.ts';
import { updateCommand } from './container/update.ts';
import { waitCommand } from './container/wait.ts';
import { buildCommand } from './image/build.ts';
import { imageCommand } from './image/cmd.ts';
import { builderCommand } from './builder/cmd.ts';
import { historyCommand } from './image/history.ts';
import { importCommand } from './image/import.ts';
import { imagesCommand } from './image/list.ts';
import { loadCommand } from './image/load.ts';
import { pullCommand } from './image/pull.ts';
import { pushCommand } from './image/push.ts';
import { rmiCommand } from './image/remove.ts';
import { saveCommand } from './image/save.ts';
import { tagCommand } from './image/tag.ts';
import { loginCommand } from './registry/login.ts';
import { logoutCommand } from './registry/logout.ts';
import { searchCommand } from './registry/search.ts';
import { systemCommand } from './system/cmd.ts';
import { eventsCommand } from './system/events.ts';
import { infoCommand } from './system/info.ts';
import { inspectCommand } from './system/inspect.ts';
import { versionCommand } from './system/version.ts';

export const dockerVersion = '28.2.2';
export const dockerGitCommit = 'e6534b4';

/** Management commands Berth lists at the root but does not model yet. */
function stub(use: string, short: string, annotations?: FeatureAnnotations): Command {
  const spec: CommandSpec = { use, short, flags: [], group: 'management' };
  if (annotations) spec.annotations = annotations;
  return { spec };
}

const stubs: Command[] = [
  stub('checkpoint', 'Manage checkpoints', { experimental: true, ostype: 'linux', version: '1.25' }),
  stub('context', 'Manage contexts'),
  stub('manifest COMMAND', 'Manage Docker image manifests and manifest lists'),
  stub('network', 'Manage networks', { version: '1.21' }),
  stub('plugin', 'Manage plugins', { version: '1.25' }),
  stub('trust', 'Manage trust on Docker images'),
  stub('volume COMMAND', 'Manage volumes', { version: '1.21' }),
  stub('config', 'Manage Swarm configs', { version: '1.30', swarm: 'manager' }),
  stub('node', 'Manage Swarm nodes', { version: '1.24', swarm: 'manager' }),
  stub('secret', 'Manage Swarm secrets', { version: '1.25', swarm: 'manager' }),
  stub('service', 'Manage Swarm services', { version: '1.24', swarm: 'manager' }),
  stub('stack [OPTIONS]', 'Manage Swarm stacks', { version: '1.25', swarm: 'manager' }),
  stub('swarm', 'Manage Swarm', { version: '1.24', swarm: '' }),
];

/** `docker bake`: a stub for `docker buildx bake`, hidden while buildx is missing (dispatch answers it). */
const bakeStub: Command = {
  spec: {
    use: 'bake [OPTIONS] [TARGET...]',
    short: 'Build from a file',
    aliasesText: 'docker buildx bake',
    categoryTop: 5,
    hidden: true,
    annotations: { version: '1.31' },
    flags: [],
  },
};

/** cobra's hidden `completion` command (Berth has no shell completion). */
const completionStub: Command = {
  spec: { use: 'completion', short: 'Generate the autocompletion script for the specified shell', hidden: true, flags: [] },
};

/** The client's configuration directory: $DOCKER_CONFIG or ~/.docker. */
export function configDir(env: Map<string, string>): string {
  const dir = env.get('DOCKER_CONFIG');
  if (dir) return dir;
  return `${env.get('HOME') || '/root'}/.docker`;
}

/** Global options (cli/flags/options.go InstallFlags, plus -v/--version). */
export function globalFlags(env: Map<string, string>): FlagSpec[] {
  const dir = configDir(env);
  const certPath = env.get('DOCKER_CERT_PATH') || dir;
  return [
    { name: 'config', type: 'string', default: dir, usage: 'Location of client config files' },
    { name: 'debug', shorthand: 'D', type: 'bool', usage: 'Enable debug mode' },
    { name: 'log-level', shorthand: 'l', type: 'string', default: 'info', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")' },
    { name: 'tls', type: 'bool', default: (env.get('DOCKER_TLS') ?? '') !== '', usage: 'Use TLS; implied by --tlsverify' },
    { name: 'tlsverify', type: 'bool', default: (env.get('DOCKER_TLS_VERIFY') ?? '') !== '', usage: 'Use TLS and verify the remote' },
    { name: 'tlscacert', type: 'string', default: `${certPath}/ca.pem`, usage: 'Trust certs signed only by this CA' },
    { name: 'tlscert', type: 'string', default: `${certPath}/cert.pem`, usage: 'Path to TLS certificate file' },
    { name: 'tlskey', type: 'string', default: `${certPath}/key.pem`, usage: 'Path to TLS key file' },
    { name: 'host', shorthand: 'H', type: 'list', usage: 'Daemon socket to connect to' },
    {
      name: 'context',
      shorthand: 'c',
      type: 'string',
      usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
    },
    { name: 'version', shorthand: 'v', type: 'bool', usage: 'Print version information and quit' },
  ];
}

/**
 * docker's hide(): with DOCKER_HIDE_LEGACY_COMMANDS set, the top-level
 * shorthands of container/image/system commands leave the help listing and
 * lose their aliases (they still run).
 */
function hide(cmd: Command, env: Map<string, string>): Command {
  if ((env.get('DOCKER_HIDE_LEGACY_COMMANDS') ?? '') === '') return cmd;
  return {
    spec: { ...cmd.spec, hidden: true, aliases: [] },
    get run() {
      return cmd.run;
    },
  };
}

/** The whole `docker` command tree. Global flag defaults follow the environment (HOME, DOCKER_CONFIG, ...). */
export function newRootCommand(env: Map<string, string>): Command {
  return {
    spec: {
      use: 'docker [OPTIONS] COMMAND [ARG...]',
      short: 'A self-sufficient runtime for containers',
      additionalHelp: 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/',
      flags: globalFlags(env),
    },
    subcommands: [
      // commonly used shorthands
      runCommand,
      execCommand,
      psCommand,
      buildCommand,
      pullCommand,
      pushCommand,
      imagesCommand,
      loginCommand,
      logoutCommand,
      searchCommand,
      versionCommand,
      infoCommand,
      // management commands
      bakeStub,
      containerCommand,
      imageCommand,
      builderCommand,
      systemCommand,
      ...stubs,
      completionStub,
      // legacy commands may be hidden
      hide(attachCommand, env),
      hide(commitCommand, env),
      hide(cpCommand, env),
      hide(createCommand, env),
      hide(diffCommand, env),
      hide(exportCommand, env),
      hide(killCommand, env),
      hide(logsCommand, env),
      hide(pauseCommand, env),
      hide(portCommand, env),
      hide(renameCommand, env),
      hide(restartCommand, env),
      hide(rmCommand, env),
      hide(startCommand, env),
      hide(statsCommand, env),
      hide(stopCommand, env),
      hide(topCommand, env),
      hide(unpauseCommand, env),
      hide(updateCommand, env),
      hide(waitCommand, env),
      hide(historyCommand, env),
      hide(importCommand, env),
      hide(loadCommand, env),
      hide(rmiCommand, env),
      hide(saveCommand, env),
      hide(tagCommand, env),
      hide(eventsCommand, env),
      hide(inspectCommand, env),
    ],
  };
}
