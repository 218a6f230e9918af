// `docker builder`: Manage builds (docker/cli cli/command/builder/cmd.go).
import type { Command } from '../../command.ts';
import { noArgs } from '../../command.ts';
import { buildCommand } from '../image/build.ts';

export const builderCommand: Command = {
  spec: { use: 'builder', short: 'Manage builds', args: noArgs, flags: [], group: 'management', annotations: { version: '1.31' } },
  subcommands: [buildCommand],
};
