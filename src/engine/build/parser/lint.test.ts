import { describe, expect, it } from 'vitest';
import { parse } from './index.ts';
import type { Dockerfile } from './index.ts';
import { StageChecks, staticChecks } from './lint.ts';

const read = (text: string): Dockerfile => {
  const r = parse(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.dockerfile;
};
const brief = (ws: { rule: string; message: string; line: number }[]) => ws.map((w) => `${w.rule} (line ${w.line}): ${w.message}`);

describe('checks of the text', () => {
  it('finds casing, stage names, MAINTAINER and empty continuations', () => {
    const df = read(['FROM busybox as Build', 'MAINTAINER me', 'run echo a \\', '', '  b', 'FROM busybox AS build', 'FROM busybox AS scratch', 'Cmd ["x"]'].join('\n') + '\n');
    expect(brief(staticChecks(df))).toEqual([
      'NoEmptyContinuation (line 5): Empty continuation line',
      "StageNameCasing (line 1): Stage name 'Build' should be lowercase",
      "FromAsCasing (line 1): 'as' and 'FROM' keywords' casing do not match",
      'MaintainerDeprecated (line 2): Maintainer instruction is deprecated in favor of using label',
      'DuplicateStageName (line 6): Duplicate stage name "build", stage names should be unique',
      'ReservedStageName (line 7): Stage name should not use the same name as reserved stage "scratch"',
      "ConsistentInstructionCasing (line 3): Command 'run' should match the case of the command majority (uppercase)",
      "ConsistentInstructionCasing (line 8): Command 'Cmd' should match the case of the command majority (uppercase)",
    ]);
  });

  it('finds nothing in a tidy Dockerfile', () => {
    expect(staticChecks(read('FROM busybox AS base\nRUN echo hi\nCMD ["sh"]\n'))).toEqual([]);
  });
});

describe('checks while a stage is built', () => {
  it('flags shell-form CMD, legacy ENV, secrets and repeated CMDs', () => {
    const df = read('FROM busybox\nENV API_KEY value\nARG PUBLIC_KEY\nARG db_password=x\nCMD echo one\nCMD ["two"]\nENTRYPOINT run\n');
    const checks = new StageChecks();
    const out = df.stages[0].commands.flatMap((c) => checks.check(c, false));
    expect(brief(out)).toEqual([
      'LegacyKeyValueFormat (line 2): "ENV key=value" should be used instead of legacy "ENV key value" format',
      'SecretsUsedInArgOrEnv (line 2): Do not use ARG or ENV instructions for sensitive data (ENV "API_KEY")',
      'SecretsUsedInArgOrEnv (line 4): Do not use ARG or ENV instructions for sensitive data (ARG "db_password")',
      'JSONArgsRecommended (line 5): JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
      'MultipleInstructionsDisallowed (line 5): Multiple CMD instructions should not be used in the same stage because only the last one will be used',
      'JSONArgsRecommended (line 7): JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals',
    ]);
  });

  it('says nothing about shell form once the image has a SHELL', () => {
    const df = read('FROM busybox\nSHELL ["/bin/sh", "-c"]\nCMD echo hi\n');
    expect(new StageChecks().check(df.stages[0].commands[1], true)).toEqual([]);
  });
});
