// A POSIX shell for the simulator: busybox ash and bash dialects.
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
