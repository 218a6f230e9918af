// `docker ARGS...`: global options, the command tree, flag and argument
// errors, help, and the command's run — in the order and with the texts of
// docker 28.2.2 (cmd/docker/docker.go over cobra 1.9 and pflag 1.0.6).
// Loaded on first use through dispatch.ts.
import type { ArgsRule, CliContext, Command, Invocation } from './command.ts';
import { CliError, buildkitFromEnv, markChanged, notImplemented, referenceServer } from './command.ts';
import { FlagError } from './flags.ts';
import { legacyDeprecationNotice } from './commands/image/build/legacy.ts';
import { DaemonError } from '../engine/errors/errors.ts';
import type { FlagSet } from './flags.ts';
import { CommandNode, newHelpFlag, renderHelp, supportError } from './help.ts';
import type { HelpOptions } from './help.ts';
import { dockerGitCommit, dockerVersion, newRootCommand } from './commands/root.ts';

export { newRootCommand };
/** For Tab completion (shell/complete.ts), which loads them with the CLI. */
export { CommandNode, newHelpFlag, unsupported } from './help.ts';

/** Runs one `docker` command line (argv without the leading `docker`); resolves to the exit status. */
export async function runDocker(argv: string[], ctx: CliContext): Promise<number> {
  try {
    return await execute(argv, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      if (e.message !== '') ctx.stderr.write(e.message + '\n');
      return e.status;
    }
    if (e instanceof DaemonError) {
      ctx.stderr.write(`Error response from daemon: ${e.message}\n`);
      return 1;
    }
    if (e instanceof Error) {
      ctx.stderr.write(e.message + '\n');
      return 1;
    }
    throw e;
  }
}

const logLevels = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];

/** The tree and state of one invocation. */
class Session {
  readonly root: CommandNode;
  readonly help: HelpOptions;
  constructor(readonly ctx: CliContext) {
    this.root = new CommandNode(newRootCommand(ctx.env), undefined, newHelpFlag());
    this.help = {
      server: ctx.server === undefined ? referenceServer : ctx.server,
      columns: ctx.columns ?? 80,
    };
  }
}

async function execute(argv: string[], ctx: CliContext): Promise<number> {
  const session = new Session(ctx);
  const root = session.root;

  // HandleGlobalFlags: the root's flags, up to the first command word.
  const global = root.flags;
  global.env = ctx.env;
  global.interspersed = false;
  let globalError: FlagError | undefined;
  try {
    global.parse(argv);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    globalError = e;
  }
  for (const w of global.warnings) ctx.stderr.write(w);
  global.warnings = [];
  global.interspersed = true;
  initialize(global);
  if (globalError) throw flagError(root, globalError);
  const args = global.args;

  // processBuilder: `docker build` without buildx (the legacy builder).
  builderNotice(args, ctx);

  // cobra Traverse: find the command, parsing each parent's flags on the way.
  const [node, flags] = traverse(root, args, ctx);
  return await executeNode(session, node, flags);
}

/** dockerCli.Initialize: the checks that fail before any command runs. */
function initialize(global: FlagSet): void {
  const level = global.lookup('log-level')!.value as string;
  if (level !== '' && !logLevels.includes(level.toLowerCase())) {
    throw new CliError(`Unable to parse logging level: ${level}`, 1);
  }
  const hosts = global.lookup('host')!.value as string[];
  const context = global.lookup('context')!.value as string;
  if (hosts.length > 0 && context !== '') {
    throw new CliError('conflicting options: cannot specify both --host and --context', 1);
  }
}

const buildxMissingError = `ERROR: BuildKit is enabled but the buildx component is missing or broken.
       Install the buildx component to build images with BuildKit:
       https://docs.docker.com/go/buildx/`;
const bakeMissingError = `ERROR: docker bake requires the buildx component but it is missing or broken.
       Install the buildx component to use bake:
       https://docs.docker.com/go/buildx/`;

function builderNotice(args: string[], ctx: CliContext): void {
  const forwarded =
    args[0] === 'bake' || args[0] === 'builder' || args[0] === 'build' || (args[0] === 'image' && args[1] === 'build');
  const setting = buildkitFromEnv(ctx.env);
  let buildkitDisabled = setting === false;
  const useBuilder = setting === true;
  if (buildkitDisabled && args[0] === 'bake') buildkitDisabled = false;
  if (!forwarded) return;
  if (buildkitDisabled) {
    ctx.stderr.write(legacyDeprecationNotice('disabled'));
    return;
  }
  // with buildx installed, build goes to BuildKit and prints no notice
  if (ctx.buildx) return;
  if (args[0] === 'bake') throw new CliError(bakeMissingError, 1);
  if (useBuilder) throw new CliError(buildxMissingError, 1);
  ctx.stderr.write(legacyDeprecationNotice('buildx-missing'));
}

function hasNoOptDefVal(name: string, fs: FlagSet): boolean {
  const f = fs.lookup(name);
  return f !== undefined && (f.spec.noOptDefVal ?? (f.spec.type === 'bool' ? 'true' : '')) !== '';
}

function shortHasNoOptDefVal(name: string, fs: FlagSet): boolean {
  if (name.length === 0) return false;
  const f = fs.shorthandLookup(name[0]!);
  return f !== undefined && (f.spec.noOptDefVal ?? (f.spec.type === 'bool' ? 'true' : '')) !== '';
}

function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg.startsWith('--')) || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-');
}

/** cobra Command.Traverse. */
function traverse(node: CommandNode, args: string[], ctx: CliContext): [CommandNode, string[]] {
  const flags: string[] = [];
  let inFlag = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--') && !arg.includes('=')) {
      inFlag = !hasNoOptDefVal(arg.slice(2), node.flags);
      flags.push(arg);
      continue;
    }
    if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && !shortHasNoOptDefVal(arg.slice(1), node.flags)) {
      inFlag = true;
      flags.push(arg);
      continue;
    }
    if (inFlag) {
      inFlag = false;
      flags.push(arg);
      continue;
    }
    if (isFlagArg(arg)) {
      flags.push(arg);
      continue;
    }
    const next = node.findNext(arg);
    if (!next) return [node, args];
    const fs = node.flags;
    fs.env = ctx.env;
    try {
      fs.parse(flags);
    } catch (e) {
      if (e instanceof FlagError) throw new CliError(e.message, 1);
      throw e;
    }
    for (const w of fs.warnings) ctx.stdout.write(w);
    fs.warnings = [];
    return traverse(next, args.slice(i + 1), ctx);
  }
  return [node, args];
}

/** docker/cli's FlagErrorFunc: the flag error, the usage line and a pointer to --help; status 125. */
function flagError(node: CommandNode, err: FlagError): CliError {
  return new CliError(`${err.message}\n\nUsage:  ${node.useLine}\n\nRun '${node.path} --help' for more information`, 125);
}

function pluralize(word: string, n: number): string {
  return n === 1 ? word : word + 's';
}

/** docker/cli's PositionalArgs (cli/required.go), typo in RequiresMaxArgs included. */
function argsError(node: CommandNode, rule: ArgsRule | undefined, args: string[]): string | null {
  if (!rule) return null;
  const path = node.path;
  const use = node.useLine;
  switch (rule.kind) {
    case 'any':
      return null;
    case 'none':
      if (args.length === 0) return null;
      if (node.hasSubCommands) {
        return `docker: unknown command: ${path} ${args[0]}\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
      }
      return `docker: '${path}' accepts no arguments\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
    case 'min':
      if (args.length >= rule.n) return null;
      return `docker: '${path}' requires at least ${rule.n} ${pluralize('argument', rule.n)}\n\nUsage:  ${use}\n\nSee '${path} --help' for more information`;
    case 'max':
      if (args.length <= rule.n) return null;
      return `docker: '${path}' requires at most ${rule.n} ${pluralize('argument', rule.n)}\n\nUsage:  ${use}\n\nSRun '${path} --help' for more information`;
    case 'exact':
      if (args.length === rule.n) return null;
      return `docker: '${path}' requires ${rule.n} ${pluralize('argument', rule.n)}\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
    case 'range':
      if (args.length >= rule.min && args.length <= rule.max) return null;
      return `docker: '${path}' requires at least ${rule.min} and at most ${rule.max} ${pluralize('argument', rule.max)}\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
  }
}

/** cobra Command.execute for the found command. */
async function executeNode(session: Session, node: CommandNode, flagArgs: string[]): Promise<number> {
  const ctx = session.ctx;
  const server = session.help.server;
  const fs = node.flags;
  fs.env = ctx.env;
  try {
    fs.parse(flagArgs);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    const unsupported = supportError(node, server);
    if (unsupported) throw new CliError(unsupported, 1);
    throw flagError(node, e);
  }
  for (const w of fs.warnings) ctx.stdout.write(w);
  fs.warnings = [];

  // Commands Berth lists but does not model yet answer nothing else, not even --help.
  const invocation: Invocation = {
    path: node.path,
    calledAs: node.calledAs ?? node.name,
    useLine: node.useLine,
    globals: session.root.flags.values(),
  };
  if (node.spec.group === 'management' && !node.hasSubCommands) return await notImplemented({ ...ctx, invocation }, {}, []);

  if (fs.lookup('help')?.value === true) {
    const unsupported = supportError(node, server);
    if (unsupported) ctx.stdout.write(unsupported + '\n');
    else ctx.stdout.write(renderHelp(node, session.help));
    return 0;
  }
  const args = fs.args;

  if (!node.parent) {
    if (fs.lookup('version')!.value === true) {
      ctx.stdout.write(`Docker version ${dockerVersion}, build ${dockerGitCommit}\n`);
      return 0;
    }
    if (args.length === 0) {
      ctx.stderr.write(renderHelp(node, session.help));
      return 0;
    }
    throw new CliError(`docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information`, 1);
  }

  const unsupported = supportError(node, server);
  if (unsupported) throw new CliError(unsupported, 1);
  const bad = argsError(node, node.spec.args, args);
  if (bad) throw new CliError(bad, 1);

  if (node.isHelpCommand) return helpTopic(session, args);

  const cmd: Command<unknown> = node.cmd;
  if (!cmd.run && node.hasSubCommands) {
    // command.ShowHelp(dockerCli.Err())
    ctx.stderr.write(renderHelp(node, session.help));
    return 0;
  }
  const opts = fs.values();
  markChanged(opts, fs.changedNames());
  const run = cmd.run ?? notImplemented;
  return await run({ ...ctx, invocation }, opts, [...args]);
}

// cobra Find (for `docker help ...`): stripFlags, argsMinusFirstX, legacyArgs.

function stripFlags(args: string[], node: CommandNode): string[] {
  const commands: string[] = [];
  const fs = node.flags;
  let rest = args;
  while (rest.length > 0) {
    const s = rest[0]!;
    rest = rest.slice(1);
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(s.slice(2), fs);
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !shortHasNoOptDefVal(s.slice(1), fs);
    if (longWithValue || shortWithValue) {
      if (rest.length <= 1) break;
      rest = rest.slice(1);
      continue;
    }
    if (s !== '' && !s.startsWith('-')) commands.push(s);
  }
  return commands;
}

function argsMinusFirstX(args: string[], node: CommandNode, x: string): string[] {
  const fs = node.flags;
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos]!;
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && !hasNoOptDefVal(s.slice(2), fs);
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !shortHasNoOptDefVal(s.slice(1), fs);
    if (longWithValue || shortWithValue) {
      pos++;
      continue;
    }
    if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return args;
}

function find(root: CommandNode, args: string[]): { node: CommandNode; rest: string[]; error: boolean } {
  let node = root;
  let rest = args;
  for (;;) {
    const words = stripFlags(rest, node);
    if (words.length === 0) break;
    const next = node.findNext(words[0]!);
    if (!next) break;
    rest = argsMinusFirstX(rest, node, words[0]!);
    node = next;
  }
  let error = false;
  if (node.spec.args === undefined && node.hasSubCommands && !node.parent && stripFlags(rest, node).length > 0) error = true;
  return { node, rest, error };
}

/** docker's help command: `docker help [COMMAND...]`. */
function helpTopic(session: Session, args: string[]): number {
  const { node, rest, error } = find(session.root, args);
  if (error || rest.length > 0) throw new CliError(`unknown help topic: ${rest.join(' ')}`, 1);
  session.ctx.stdout.write(renderHelp(node, session.help));
  return 0;
}
