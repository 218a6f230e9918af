// The form a parse takes in the case files (cases/<name>/expected.json):
// buildkit's AST dump and line range per instruction, heredocs, directives,
// warnings, and each typed instruction without its source text.

import type { Dockerfile } from './index.ts';
import { dumpNode } from './ast.ts';

export function golden(df: Dockerfile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  out.nodes = df.nodes.map((n) => ({
    lines: [n.startLine, n.endLine],
    dump: dumpNode(n),
    ...(n.heredocs.length > 0 ? { heredocs: n.heredocs } : {}),
  }));
  if (df.directives.length > 0) out.directives = df.directives;
  if (df.escapeToken !== '\\') out.escapeToken = df.escapeToken;
  if (df.warnings.length > 0) out.warnings = df.warnings.map((w) => `line ${w.line}: ${w.short}`);
  const typed: unknown[] = [];
  const strip = (o: object) => {
    const { command: _c, original: _o, startLine: _s, endLine: _e, ...rest } = o as Record<string, unknown>;
    return rest;
  };
  for (const a of df.metaArgs) typed.push(strip(a));
  for (const s of df.stages) {
    const { commands, sourceCode: _src, ...stage } = s;
    typed.push({ kind: 'FROM', ...strip(stage) });
    for (const c of commands) typed.push(strip(c));
  }
  out.instructions = typed;
  return out;
}
