// The `sh` and `bash` programs (sh -c '...', sh script.sh, commands from
// standard input) and ShellSession, which runs typed lines one at a time
// against persistent state for a REPL.
import { FsError } from '../../fs/types.ts';
import type { Program } from '../process.ts';
import { setFlag, setOption } from './builtins.ts';
import { ExitSignal, ShellError } from './control.ts';
import { type RunProgram, Shell, type ShellContext, type ShellSource } from './interp.ts';
import { decodeText, lineReader } from './io.ts';
import { type Dialect, ParseError, Parser } from './parser.ts';
import { basename, resolvePath } from './path.ts';

export interface ShellProgramOptions {
  dialect: Dialect;
  /** Debian's dash: ash grammar with dash's messages. */
  dash?: boolean;
  /** How the shell starts children; default ctx.spawn (ctx.exec for `exec`). */
  runProgram?: RunProgram;
}

/**
 * Runs typed input against one shell. `feed` takes text as it arrives (a
 * line with its newline), runs every complete command in it and keeps an
 * unfinished one (open quote, `if` without `fi`, here-document) for the
 * next call.
 */
export class ShellSession {
  private buffer = '';
  private line = 1;
  /** The exit status once the shell has exited (`exit`, or a fatal error in a script). */
  exited: number | null = null;

  constructor(readonly shell: Shell) {}

  /** Ctrl-C: stops the command line being run (its foreground program should get SIGINT too). */
  interrupt(): void {
    this.shell.interrupt();
    this.buffer = '';
  }

  /** Whether the last feed left an unfinished command (show PS2). */
  get pending(): boolean {
    return this.buffer !== '';
  }

  /** The prompt to show next: PS1, or PS2 inside an unfinished command. */
  async prompt(): Promise<string> {
    const sh = this.shell;
    const raw = sh.getVar(this.pending ? 'PS2' : 'PS1') ?? '';
    return expandPrompt(sh, raw);
  }

  async feed(text: string): Promise<{ status: number; more: boolean; exited: boolean }> {
    const sh = this.shell;
    if (this.exited !== null) return { status: this.exited, more: false, exited: true };
    this.buffer += text;
    const parser = new Parser(this.buffer, { dialect: sh.dialect, interactive: true, line: this.line });
    for (;;) {
      const at = parser.position();
      let list;
      try {
        list = parser.nextCommand();
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        if (e.incomplete) {
          this.buffer = this.buffer.slice(at.offset);
          this.line = at.line;
          return { status: sh.status, more: true, exited: false };
        }
        sh.syntaxError(e, sh.io);
        this.buffer = '';
        this.line = e.line + 1;
        sh.status = 2;
        if (sh.source !== 'interactive') return this.exit(2);
        return { status: 2, more: false, exited: false };
      }
      if (!list) {
        this.buffer = '';
        this.line = parser.line;
        return { status: sh.status, more: false, exited: false };
      }
      try {
        await sh.runTop(list);
      } catch (e) {
        if (e instanceof ExitSignal || e instanceof ShellError) return this.exit(e.status);
        throw e;
      }
    }
  }

  /** End of input: reports an unfinished command, runs the EXIT trap; the final status. */
  async end(): Promise<number> {
    if (this.exited !== null) return this.exited;
    const sh = this.shell;
    if (this.buffer.trim() !== '') {
      try {
        new Parser(this.buffer, { dialect: sh.dialect, line: this.line }).parseAll();
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        sh.syntaxError(e, sh.io, sh.source === 'stdin' && e.tokenKind === 'eof' ? 'interactive' : sh.source);
        sh.status = 2;
      }
      this.buffer = '';
    }
    if (sh.source === 'interactive' && sh.dialect === 'bash') sh.io[2]?.w?.write('exit\n');
    return (this.exited = await sh.finish(sh.status));
  }

  private async exit(status: number) {
    this.exited = await this.shell.finish(status);
    return { status: this.exited, more: false, exited: true };
  }
}

/** PS1 escapes (\w \u \h \$ ...), then parameter expansion. */
export async function expandPrompt(sh: Shell, ps: string): Promise<string> {
  const home = sh.getVar('HOME');
  const cwd = sh.cwd;
  const w = home && (cwd === home || cwd.startsWith(home + '/')) ? '~' + cwd.slice(home.length) : cwd;
  const user = sh.getVar('USER') ?? 'root';
  const text = ps.replace(/\\([a-zA-Z$\\\[\]])/g, (_, c: string) => {
    switch (c) {
      case 'w':
        return w;
      case 'W':
        return cwd === '/' ? '/' : w === '~' ? '~' : basename(cwd);
      case 'u':
        return user;
      case 'h':
        return sh.ctx.hostname.split('.')[0]!;
      case 'H':
        return sh.ctx.hostname;
      case '$':
        return user === 'root' ? '#' : '$';
      case 's':
        return sh.shellName;
      case 'v':
        return '5.2';
      case 'n':
        return '\n';
      case '\\':
        return '\\';
      case '[':
      case ']':
        return '';
      default:
        return '\\' + c;
    }
  });
  if (!text.includes('$') && !text.includes('`')) return text;
  try {
    const word = new Parser(`"${text.replace(/["\\]/g, '\\$&')}"`, { dialect: sh.dialect }).nextCommand();
    const simple = word?.items[0]?.cmd.first.cmds[0];
    if (simple?.type === 'simple' && simple.words[0]) return await sh.expandString(simple.words[0]);
  } catch {
    // show it raw
  }
  return text;
}

/** The `sh` (ash) or `bash` program. */
export function shellProgram(opts: ShellProgramOptions): Program {
  return async (c) => {
    const ctx = c as ShellContext;
    const dialect = opts.dialect;
    const bash = dialect === 'bash';
    const argv = ctx.argv;
    const name = argv[0] ?? (bash ? 'bash' : 'sh');
    const err = (msg: string) => ctx.stderr.write(`${name}: ${msg}\n`);
    let i = 1;
    let command: string | null = null;
    let cmdMode = false;
    let forceStdin = false;
    let interactive: boolean | null = null;
    const flags: [string, boolean][] = [];
    const options: [string, boolean][] = [];
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--' || a === '-') {
        i++;
        break;
      }
      if (bash && a.startsWith('--')) {
        if (a === '--version') {
          ctx.stdout.write('GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n');
          return 0;
        }
        continue;
      }
      if ((a[0] !== '-' && a[0] !== '+') || a.length < 2) break;
      const on = a[0] === '-';
      for (const ch of a.slice(1)) {
        if (ch === 'c') cmdMode = true;
        else if (ch === 's') forceStdin = true;
        else if (ch === 'i') interactive = on;
        else if (ch === 'l') continue;
        else if (ch === 'o') {
          const o = argv[++i];
          if (o !== undefined) options.push([o, on]);
        } else if ('euxfavCnhmbBHTPk'.includes(ch)) flags.push([ch, on]);
        else {
          if (bash) {
            err(`${a[0]}${ch}: invalid option`);
            ctx.stderr.write(`Usage:\t${name} [GNU long option] [option] ...\n\t${name} [GNU long option] [option] script-file ...\n`);
          } else err(`illegal option ${a[0]}${ch}`);
          return 2;
        }
      }
    }
    let arg0 = name;
    let positional: string[];
    let script: string | null = null;
    let source: ShellSource;
    if (cmdMode) {
      command = argv[i] ?? null;
      if (command === null) {
        err(bash ? '-c: option requires an argument' : '-c requires an argument');
        return 2;
      }
      arg0 = argv[i + 1] ?? name;
      positional = argv.slice(i + 2);
      source = 'c';
    } else if (!forceStdin && i < argv.length) {
      script = argv[i]!;
      arg0 = script;
      positional = argv.slice(i + 1);
      source = 'script';
    } else {
      positional = argv.slice(i);
      source = interactive ?? ctx.tty ? 'interactive' : 'stdin';
    }
    const sh = new Shell(ctx, { dialect, arg0, shellName: basename(name), positional, source, runProgram: opts.runProgram, dash: opts.dash });
    for (const [f, on] of flags) setFlag(sh, f, on);
    for (const [o, on] of options) setOption(sh, o, on);
    if (command !== null) return sh.runScript(command);
    if (script !== null) {
      let text: string;
      try {
        let path = resolvePath(ctx.cwd, script);
        if (bash && !script.includes('/') && !ctx.fs.exists(path)) path = sh.findInPath(script) ?? path;
        if (ctx.fs.stat(path).type === 'dir') {
          if (!bash) return 0;
          throw new FsError('EISDIR', script);
        }
        text = decodeText(ctx.fs.readFile(path));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        if (bash) {
          if (e.code === 'EISDIR') ctx.stderr.write(`${script}: ${script}: ${e.description}\n`);
          else err(`${script}: ${e.description}`);
          return e.code === 'EISDIR' ? 126 : 127;
        }
        err(`can't open '${script}': ${e.description}`);
        return 2;
      }
      return sh.runScript(text);
    }
    return runInput(sh);
  };
}

/** Commands from standard input, line by line; with a terminal, an interactive prompt. */
async function runInput(sh: Shell): Promise<number> {
  const ctx = sh.ctx;
  const session = new ShellSession(sh);
  const interactive = sh.source === 'interactive';
  if (interactive && sh.dialect === 'bash') {
    for (const rc of ['/etc/bash.bashrc', `${sh.getVar('HOME') ?? '/root'}/.bashrc`]) {
      if (ctx.fs.exists(rc)) {
        try {
          await sh.runTop({ type: 'list', items: [{ bg: false, cmd: sourceCommand(rc) }] });
        } catch (e) {
          if (e instanceof ExitSignal) return sh.finish(e.status);
          throw e;
        }
      }
    }
  }
  const reader = lineReader(ctx.stdin);
  for (;;) {
    if (interactive) ctx.stderr.write(await session.prompt());
    const line = await sh.kills.guard(reader.readLine());
    if (line === null) break;
    const r = await session.feed(line.endsWith('\n') ? line : line + '\n');
    if (r.exited) return r.status;
  }
  return session.end();
}

function sourceCommand(path: string) {
  const list = new Parser(`. '${path.replace(/'/g, `'\\''`)}'`, { dialect: 'bash' }).parseAll();
  return list.items[0]!.cmd;
}
