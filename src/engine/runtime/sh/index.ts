// A POSIX shell for the simulator, in two dialects: busybox ash (Alpine,
// busybox images) and bash (Debian, Ubuntu, the host). Parser → syntax tree
// with line numbers → asynchronous interpreter over a ProcessContext.
//
// Starting it:
//   - As a program: shellProgram({ dialect }) is the `sh`/`bash` Program
//     (programsFor() registers it): `sh -c 'cmd' [name args...]`,
//     `sh script.sh args...`, or commands from stdin (a terminal makes it
//     interactive, with prompts on stderr). Empty stdin: exits 0 at once.
//   - Directly: new Shell(ctx, { dialect, arg0, source: 'c' }).runScript(src)
//     resolves to the exit status (after the EXIT trap); it rejects only with
//     Killed (the process was killed).
//   - A REPL: new ShellSession(new Shell(ctx, { dialect, source: 'interactive' }))
//     then session.feed(line) per typed line (with its newline). Variables,
//     cwd (shell.cwd), functions and traps persist; an unfinished command
//     (open quote, `if` without `fi`, here-document) answers { more: true }
//     and waits for the next line. session.prompt() gives PS1/PS2;
//     session.interrupt() is Ctrl-C.
//
// Children: non-builtins are found with ctx.resolve (PATH lookup) and started
// with options.runProgram(argv, io) — by default ctx.spawn, or ctx.exec for
// `exec cmd` and for the last command of `sh -c` (as ash and bash do, so that
// `sh -c 'nginx ...'` leaves nginx as PID 1). io carries the resolved program
// and an onStart(pid) callback the engine calls with the child's pid ($!).
// #! scripts run their interpreter even if the engine resolved the file.
//
// Signals: `trap` installs handlers with ctx.onSignal; a trapped signal runs
// its action between commands (a `wait` in progress returns 128+N at once).
// Owners holding the Shell can call shell.signal(n) directly: the default
// action kills the shell, except that PID 1 ignores what it does not handle.
// The shell stops at any await when killed: ctx.sleep / ctx.yield rejecting
// with Killed, or (optional, preferred) ctx.abort.onAbort firing. Long loops
// call ctx.yield every 1000 commands; ctx.yield should be tracked by the
// scheduler (scheduler.track) so the virtual clock does not jump meanwhile.
export type * from './ast.ts';
export { Parser, ParseError, syntaxErrorMessage, type Dialect, type ParserOptions } from './parser.ts';
export {
  Shell,
  KillSwitch,
  type Job,
  type ProcessExtras,
  type RunIo,
  type RunProgram,
  type ShellContext,
  type ShellOptions,
  type ShellSource,
} from './interp.ts';
export { ShellSession, shellProgram, expandPrompt, type ShellProgramOptions } from './program.ts';
export { BrokenPipe, Pipe, StringSink, LineReader, lineReader, readAll, stringInput, emptyInput, nullOutput } from './io.ts';
export { signalName, signalNumber, shellQuote } from './util.ts';
