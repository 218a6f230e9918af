// Reading a Dockerfile: text to directives, an AST with line numbers, then
// typed instructions grouped in stages, or the error Docker 28's builder
// reports. Stage one is ast.ts, stage two instructions.ts; variable
// substitution (../lex.ts) belongs to the builder, which knows each
// instruction's environment.

import { dumpNode, parseAst } from './ast.ts';
import type { Directive, Node, ParseWarning } from './ast.ts';
import { parseInstructions } from './instructions.ts';
import type { ArgInstruction, Stage } from './instructions.ts';
import type { EscapeToken } from '../lex.ts';

export type { Directive, Heredoc, Node, ParseWarning } from './ast.ts';
export type { ArgInstruction, CommandLine, Healthcheck, Instruction, KeyValue, SourceContent, Stage } from './instructions.ts';
export type { Device, Mount } from './mount.ts';
export { parseMount, parseDevice } from './mount.ts';
export { chompHeredocContent, dumpNode, parseAst, parseWords } from './ast.ts';

export interface Dockerfile {
  directives: Directive[];
  escapeToken: EscapeToken;
  /** ARG instructions before the first FROM. */
  metaArgs: ArgInstruction[];
  stages: Stage[];
  /** The legacy builder prints these as `[WARNING]: <short>`; BuildKit reports them as the NoEmptyContinuation check. */
  warnings: ParseWarning[];
  /** The AST the instructions came from. */
  nodes: Node[];
}

/**
 * Where reading stopped: Docker's message and the lines it points at.
 * Instruction errors read `dockerfile parse error on line N: ...`; errors of
 * the text itself (`unterminated heredoc`, JSON with non-strings) are bare
 * messages, as buildkit's parser returns them with only a location.
 */
export interface DockerfileError {
  message: string;
  startLine: number;
  endLine: number;
}

export type ParseResult = { ok: true; dockerfile: Dockerfile } | { ok: false; error: DockerfileError };

/** Reads a Dockerfile as Docker 28's BuildKit frontend does before building anything. */
export function parse(text: string): ParseResult {
  if (text.length === 0) return { ok: false, error: { message: 'the Dockerfile cannot be empty', startLine: 0, endLine: 0 } };
  const ast = parseAst(text);
  if (!ast.ok) return ast;
  const ins = parseInstructions(ast.ast.children);
  if (!ins.ok) return ins;
  if (ins.value.stages.length === 0) return { ok: false, error: { message: 'dockerfile contains no stages to build', startLine: 0, endLine: 0 } };
  const { directives, escapeToken, warnings, children } = ast.ast;
  return { ok: true, dockerfile: { directives, escapeToken, metaArgs: ins.value.metaArgs, stages: ins.value.stages, warnings, nodes: children } };
}

/** The legacy builder's warning lines for a parse (empty when there are none). */
export function warningLines(warnings: ParseWarning[]): string[] {
  if (warnings.length === 0) return [];
  return [...warnings.map((w) => `[WARNING]: ${w.short}`), '[WARNING]: Empty continuation lines will become errors in a future release.'];
}

/** buildkit's AST dump, one line per instruction. */
export function dump(nodes: Node[]): string[] {
  return nodes.map(dumpNode);
}

export { StageChecks, staticChecks } from './lint.ts';
export type { LintWarning } from './lint.ts';
