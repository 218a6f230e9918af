// `docker tag`: Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE (docker/cli cli/command/image/tag.go).
import type { Command, RunFn } from '../../command.ts';
import { CliError, exactArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { quote } from '../../format/index.ts';
import { ReferenceError, parseAnyReference, parseNormalizedNamed, referenceString, tagNameOnly } from './reference.ts';

/** The API client's ImageTag checks both references before calling the daemon. */
function checkReferences(source: string, target: string): string {
  try {
    parseAnyReference(source);
  } catch (e) {
    if (e instanceof ReferenceError) throw new CliError(`Error parsing reference: ${quote(source)} is not a valid repository/tag: ${e.message}`, 1);
    throw e;
  }
  let ref;
  try {
    ref = parseNormalizedNamed(target);
  } catch (e) {
    if (e instanceof ReferenceError) throw new CliError(`Error parsing reference: ${quote(target)} is not a valid repository/tag: ${e.message}`, 1);
    throw e;
  }
  if (ref.digest !== undefined) throw new CliError('refusing to create a tag with a digest reference', 1);
  return referenceString(tagNameOnly(ref));
}

const run: RunFn<Daemon> = async (ctx, _opts, args) => {
  const target = checkReferences(args[0]!, args[1]!);
  ctx.daemon.imageService.tag(args[0]!, target);
  return 0;
};

export const tagCommand: Command = {
  spec: {
    use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    aliasesText: 'docker image tag, docker tag',
    short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    args: exactArgs(2),
    interspersed: false,
    flags: [],
  },
  run: run as RunFn,
};
