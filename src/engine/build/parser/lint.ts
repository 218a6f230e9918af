// BuildKit's build checks that need no image or variables (Docker 28 prints
// them as "N warnings found"; the legacy builder prints none of them, only
// the `[WARNING]: Empty continuation line` lines). Rule names, messages and
// URLs as buildkit's linter/ruleset.go; when each fires as
// instructions/parse.go and dockerfile2llb/convert.go decide.
//
// Static checks come from `staticChecks`; the ones buildkit runs while
// dispatching an instruction of a stage it builds come from `StageChecks`.

import type { Dockerfile, Instruction } from './index.ts';
import { EMPTY_CONTINUATION_URL } from './ast.ts';

export interface LintWarning {
  rule: string;
  message: string;
  url: string;
  /** First line of the instruction the warning is about (1-based). */
  line: number;
}

const url = (slug: string) => `https://docs.docker.com/go/dockerfile/rule/${slug}/`;

const warn = (rule: string, slug: string, message: string, line: number): LintWarning => ({ rule, message, url: url(slug), line });

const selfConsistent = (s: string) => s === s.toLowerCase() || s === s.toUpperCase();

/** Checks of the text: continuation lines, casing, stage names, MAINTAINER. */
export function staticChecks(df: Dockerfile): LintWarning[] {
  const out: LintWarning[] = [];
  for (const w of df.warnings) {
    if (w.url === EMPTY_CONTINUATION_URL) out.push(warn('NoEmptyContinuation', 'no-empty-continuation', 'Empty continuation line', w.line));
  }
  for (const n of df.nodes) {
    const cmd = n.value.toLowerCase();
    if (cmd === 'maintainer') {
      out.push(warn('MaintainerDeprecated', 'maintainer-deprecated', 'Maintainer instruction is deprecated in favor of using label', n.startLine));
    }
    if (cmd !== 'from') continue;
    const args: string[] = [];
    for (let a = n.next; a; a = a.next) args.push(a.value);
    if (args.length === 3 && args[2] !== args[2].toLowerCase()) {
      out.push(warn('StageNameCasing', 'stage-name-casing', `Stage name '${args[2]}' should be lowercase`, n.startLine));
    }
    if (args.length >= 3) {
      const lower = n.value === n.value.toLowerCase();
      const upper = n.value === n.value.toUpperCase();
      const as = args[1];
      if ((lower && as !== as.toLowerCase()) || (!lower && upper && as !== as.toUpperCase())) {
        out.push(warn('FromAsCasing', 'from-as-casing', `'${as}' and '${n.value}' keywords' casing do not match`, n.startLine));
      }
    }
  }
  const names = new Set<string>();
  for (const s of df.stages) {
    if (s.name === '') continue;
    if (s.name === 'context' || s.name === 'scratch') {
      out.push(warn('ReservedStageName', 'reserved-stage-name', `Stage name should not use the same name as reserved stage "${s.name}"`, s.startLine));
    }
    if (names.has(s.name)) {
      out.push(warn('DuplicateStageName', 'duplicate-stage-name', `Duplicate stage name "${s.name}", stage names should be unique`, s.startLine));
    }
    names.add(s.name);
  }
  let lowerCount = 0;
  let upperCount = 0;
  const count = (name: string) => {
    if (!selfConsistent(name)) return;
    if (name === name.toLowerCase()) lowerCount++;
    else upperCount++;
  };
  for (const s of df.stages) {
    count(s.command);
    for (const c of s.commands) count(c.command);
  }
  const majorityLower = lowerCount > upperCount;
  const caseMatch = (name: string, line: number) => {
    let correct = '';
    if (majorityLower && name.toLowerCase() !== name) correct = 'lowercase';
    else if (!majorityLower && name.toUpperCase() !== name) correct = 'uppercase';
    if (correct !== '') {
      out.push(warn('ConsistentInstructionCasing', 'consistent-instruction-casing', `Command '${name}' should match the case of the command majority (${correct})`, line));
    }
  };
  for (const s of df.stages) {
    caseMatch(s.command, s.startLine);
    for (const c of s.commands) caseMatch(c.command, c.startLine);
  }
  return out;
}

const secret = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const allowed = /(?:_|^)(?:public)(?:_|$)/i;

/** The checks buildkit makes while it dispatches one stage's instructions, in order. */
export class StageChecks {
  private last: Partial<Record<'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', number>> = {};

  /**
   * `shellSet`: the image being built has a SHELL (from its base or a SHELL
   * instruction); a shell-form CMD or ENTRYPOINT then draws no warning.
   */
  check(c: Instruction, shellSet: boolean): LintWarning[] {
    const out: LintWarning[] = [];
    if (c.kind === 'ENV' || c.kind === 'LABEL') {
      for (const kv of c.kind === 'ENV' ? c.env : c.labels) {
        if (kv.noDelim) {
          out.push(warn('LegacyKeyValueFormat', 'legacy-key-value-format', `"${c.command} key=value" should be used instead of legacy "${c.command} key value" format`, c.startLine));
        }
        if (c.kind === 'ENV') out.push(...secretCheck('ENV', kv.key, c.startLine));
      }
    }
    if (c.kind === 'ARG') for (const a of c.args) out.push(...secretCheck('ARG', a.key, c.startLine));
    if (c.kind === 'CMD' || c.kind === 'ENTRYPOINT' || c.kind === 'HEALTHCHECK') {
      const previous = this.last[c.kind];
      if (previous !== undefined) {
        out.push(warn('MultipleInstructionsDisallowed', 'multiple-instructions-disallowed', `Multiple ${c.command} instructions should not be used in the same stage because only the last one will be used`, previous));
      }
      this.last[c.kind] = c.startLine;
    }
    if ((c.kind === 'CMD' || c.kind === 'ENTRYPOINT') && c.prependShell && !shellSet) {
      out.push(warn('JSONArgsRecommended', 'json-args-recommended', `JSON arguments recommended for ${c.command} to prevent unintended behavior related to OS signals`, c.startLine));
    }
    return out;
  }
}

function secretCheck(instruction: string, key: string, line: number): LintWarning[] {
  if (!secret.test(key) || allowed.test(key)) return [];
  return [warn('SecretsUsedInArgOrEnv', 'secrets-used-in-arg-or-env', `Do not use ARG or ENV instructions for sensitive data (${instruction} "${key}")`, line)];
}
