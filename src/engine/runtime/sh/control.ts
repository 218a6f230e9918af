// Control flow that unwinds the interpreter's call stack.

/** `exit N` (or a fatal error): ends the shell or subshell. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** `return N`: ends a function or sourced file. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `break N` / `continue N`: `levels` loops still to leave. */
export class BreakSignal {
  constructor(public levels: number) {}
}

export class ContinueSignal {
  constructor(public levels: number) {}
}

/**
 * An error that aborts the current command line: printed where it happened,
 * it exits a non-interactive shell with `status`.
 */
export class ShellError {
  constructor(readonly status: number) {}
}
