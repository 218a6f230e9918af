// `docker ... --help` exactly as docker 28.2 prints it: docker/cli's usage
// template (cli/cobra.go) over cobra's command tree, with flags and commands
// the daemon does not support hidden (hideUnsupportedFeatures).
import type { Command, CommandSpec, FeatureAnnotations, ServerInfo } from './command.ts';
import { commandName } from './command.ts';
import { FlagSet, newFlag } from './flags.ts';
import type { Flag } from './flags.ts';

/** A command in the running tree: cobra's *Command, with its merged flag set. */
export class CommandNode {
  readonly cmd: Command<any>;
  readonly parent: CommandNode | undefined;
  readonly name: string;
  /** The root's persistent `--help` (shared by every command, as cobra shares persistent flags). */
  readonly helpFlag: Flag;
  /** cobra's help command (`docker help ...`), on the root only. */
  readonly isHelpCommand: boolean;
  /** The word that reached this command (cobra CalledAs), once found. */
  calledAs: string | undefined;
  private childNodes: CommandNode[] | undefined;
  private flagSet: FlagSet | undefined;

  constructor(cmd: Command<any>, parent: CommandNode | undefined, helpFlag: Flag, isHelpCommand = false) {
    this.cmd = cmd;
    this.parent = parent;
    this.name = commandName(cmd.spec);
    this.helpFlag = helpFlag;
    this.isHelpCommand = isHelpCommand;
  }

  get spec(): CommandSpec {
    return this.cmd.spec;
  }

  /** Subcommands sorted by name (cobra's Commands()), the help command included at the root. */
  get children(): CommandNode[] {
    if (!this.childNodes) {
      const nodes = (this.cmd.subcommands ?? []).map((c) => new CommandNode(c, this, this.helpFlag));
      if (!this.parent && nodes.length > 0) nodes.push(new CommandNode(helpCommand, this, this.helpFlag, true));
      nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      this.childNodes = nodes;
    }
    return this.childNodes;
  }

  /** The command's flags plus the persistent --help (cobra's Flags() after mergePersistentFlags). */
  get flags(): FlagSet {
    if (!this.flagSet) {
      const fs = new FlagSet(this.spec.flags);
      fs.addIfAbsent(this.helpFlag);
      fs.interspersed = this.spec.interspersed ?? true;
      this.flagSet = fs;
    }
    return this.flagSet;
  }

  get hasSubCommands(): boolean {
    return (this.cmd.subcommands ?? []).length > 0;
  }

  get runnable(): boolean {
    return true;
  }

  /** cobra findNext: a child by name or alias. */
  findNext(word: string): CommandNode | undefined {
    const found = this.children.find((c) => c.name === word || (c.spec.aliases ?? []).includes(word));
    if (found) found.calledAs = word;
    return found;
  }

  get root(): CommandNode {
    return this.parent ? this.parent.root : this;
  }

  /** "docker image ls". */
  get path(): string {
    return this.parent ? `${this.parent.path} ${this.name}` : this.name;
  }

  /** cobra UseLine (flags are never appended: docker disables that). */
  get useLine(): string {
    return this.parent ? `${this.parent.path} ${this.spec.use}` : this.spec.use;
  }
}

/** The root persistent help flag docker/cli declares (hidden, `-h` deprecated). */
export function newHelpFlag(): Flag {
  return newFlag({ name: 'help', shorthand: 'h', type: 'bool', usage: 'Print usage', hidden: true, shorthandDeprecated: 'use --help' });
}

/** docker/cli's help command (cli/cobra.go). Its run lives in dispatch. */
const helpCommand: Command = {
  spec: { use: 'help [command]', short: 'Help about the command', flags: [] },
};

// ---------------------------------------------------------------------------
// Feature gates (cmd/docker/docker.go hideUnsupportedFeatures / isSupported)

/** Go's versions.LessThan on "1.41"-style versions. */
export function versionLess(a: string, b: string): boolean {
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number(pa[i] ?? 0) || 0;
    const y = Number(pb[i] ?? 0) || 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** Whether a flag or command with these annotations is hidden in help on this server. */
export function unsupported(a: FeatureAnnotations | undefined, server: ServerInfo | null): boolean {
  if (!a || !server) return false;
  if (a.experimental && !server.experimental) return true;
  if (a.ostype !== undefined && server.osType !== '' && a.ostype !== server.osType) return true;
  if (a.swarm !== undefined && server.swarm) {
    if (a.swarm === 'manager' && !server.swarm.controlAvailable) return true;
    if (a.swarm === 'active' && server.swarm.nodeState === 'inactive') return true;
  }
  if (a.version !== undefined && versionLess(server.apiVersion, a.version)) return true;
  return false;
}

/** isSupported: the error for a command or changed flags the daemon cannot do, or null. */
export function supportError(node: CommandNode, server: ServerInfo | null): string | null {
  if (!server) return null;
  for (let cur: CommandNode | undefined = node; cur; cur = cur.parent) {
    const a = cur.spec.annotations;
    if (!a) continue;
    if (a.version !== undefined && versionLess(server.apiVersion, a.version)) {
      return `${node.path} requires API version ${a.version}, but the Docker daemon API version is ${server.apiVersion}`;
    }
    if (a.ostype !== undefined && server.osType !== '' && a.ostype !== server.osType) {
      return `${node.path} is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${server.osType}`;
    }
    if (a.experimental && !server.experimental) {
      return `${node.path} is only supported on a Docker daemon with experimental features enabled`;
    }
  }
  const errs: string[] = [];
  for (const flag of node.flags.sorted()) {
    const a = flag.spec.annotations;
    if (!flag.changed || !a) continue;
    const name = flag.spec.name;
    if (a.version !== undefined && versionLess(server.apiVersion, a.version)) {
      errs.push(`"--${name}" requires API version ${a.version}, but the Docker daemon API version is ${server.apiVersion}`);
      continue;
    }
    if (a.ostype !== undefined && server.osType !== a.ostype) {
      errs.push(`"--${name}" is only supported on a Docker daemon running on ${a.ostype}, but the Docker daemon is running on ${server.osType}`);
      continue;
    }
    if (a.experimental && !server.experimental) {
      errs.push(`"--${name}" is only supported on a Docker daemon with experimental features enabled`);
    }
  }
  return errs.length > 0 ? errs.join('\n') : null;
}

// ---------------------------------------------------------------------------
// The usage template

export interface HelpOptions {
  server: ServerInfo | null;
  /** Terminal width; flag usages wrap at width - 1. */
  columns: number;
}

function isAvailable(node: CommandNode, server: ServerInfo | null): boolean {
  if (node.spec.hidden || node.isHelpCommand) return false;
  if (unsupported(node.spec.annotations, server)) return false;
  return node.runnable || node.children.some((c) => isAvailable(c, server));
}

function isManagement(node: CommandNode): boolean {
  return node.hasSubCommands || node.spec.group === 'management';
}

function rpad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function commandAliases(node: CommandNode): string {
  if (node.spec.aliasesText) return node.spec.aliasesText;
  const parentPath = node.parent ? node.parent.path + ' ' : '';
  return [node.path, ...(node.spec.aliases ?? []).map((a) => parentPath + a)].join(', ');
}

/** The flag lines of the Options (or Global Options) block. */
export function flagUsages(node: CommandNode, opts: HelpOptions): string {
  return node.flags.usagesWrapped(opts.columns - 1, (f) => !f.spec.hidden && !unsupported(f.spec.annotations, opts.server));
}

/** cobra UsageString with docker's template: what `--help` prints. */
export function renderHelp(node: CommandNode, opts: HelpOptions): string {
  const spec = node.spec;
  const parent = node.parent;
  const hasFlags = node.flags.sorted().some((f) => !f.spec.hidden && !unsupported(f.spec.annotations, opts.server));
  let out = 'Usage:';
  if (!node.hasSubCommands) out += `  ${node.useLine}`;
  else out += `  ${node.path}${hasFlags ? ' [OPTIONS]' : ''} COMMAND`;
  out += '\n\n' + (spec.long ? spec.long.trim() : spec.short.trim());
  if ((spec.aliases ?? []).length > 0 || spec.aliasesText) out += `\n\nAliases:\n  ${commandAliases(node)}`;
  if (spec.example) out += `\n\nExamples:\n${spec.example}`;
  if (parent && hasFlags) out += `\n\nOptions:\n${flagUsages(node, opts).trimEnd()}`;

  const available = node.children.filter((c) => isAvailable(c, opts.server));
  const pad = node.children.length > 0 ? Math.max(11, ...node.children.map((c) => c.name.length)) : 11;
  if (!parent) {
    const top = available
      .filter((c) => c.spec.categoryTop !== undefined)
      .sort((a, b) => a.spec.categoryTop! - b.spec.categoryTop!);
    if (top.length > 0) {
      out += '\n\nCommon Commands:';
      for (const c of top) out += `\n  ${rpad(c.name + ' ', pad + 1)}${c.spec.short}`;
    }
  }
  const management = available.filter((c) => isManagement(c) && c.spec.annotations?.swarm === undefined);
  if (management.length > 0) {
    out += '\n\nManagement Commands:';
    for (const c of management) out += `\n  ${rpad(c.name + ' ', pad + 1)}${c.spec.short}`;
  }
  const swarm = available.filter((c) => isManagement(c) && c.spec.annotations?.swarm !== undefined);
  if (swarm.length > 0) {
    out += '\n\nSwarm Commands:';
    for (const c of swarm) out += `\n  ${rpad(c.name + ' ', pad + 1)}${c.spec.short}`;
  }
  const operations = available.filter((c) => !isManagement(c) && (parent !== undefined || c.spec.categoryTop === undefined));
  if (operations.length > 0) {
    out += '\n\nCommands:';
    for (const c of operations) out += `\n  ${rpad(c.name, pad)} ${c.spec.short}`;
  }
  if (!parent && hasFlags) out += `\n\nGlobal Options:\n${flagUsages(node, opts).trimEnd()}`;
  if (node.hasSubCommands) out += `\n\nRun '${node.path} COMMAND --help' for more information on a command.`;
  // docker means this line to be bold on a terminal, but its check never
  // sees one (the stream is no *os.File), so it is always plain.
  if (!parent && spec.additionalHelp) out += '\n\n' + spec.additionalHelp;
  return out + '\n';
}
