// `docker image`: Manage images (docker/cli cli/command/image/cmd.go).
import type { Command } from '../../command.ts';
import { noArgs } from '../../command.ts';
import { buildCommand } from './build.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { imageInspectCommand } from './inspect.ts';
import { imageLsCommand } from './list.ts';
import { loadCommand } from './load.ts';
import { imagePruneCommand } from './prune.ts';
import { pullCommand } from './pull.ts';
import { pushCommand } from './push.ts';
import { imageRmCommand } from './remove.ts';
import { saveCommand } from './save.ts';
import { tagCommand } from './tag.ts';

export const imageCommand: Command = {
  spec: { use: 'image', short: 'Manage images', args: noArgs, flags: [] },
  subcommands: [
    buildCommand,
    historyCommand,
    importCommand,
    loadCommand,
    pullCommand,
    pushCommand,
    saveCommand,
    tagCommand,
    imageLsCommand,
    imageRmCommand,
    imageInspectCommand,
    imagePruneCommand,
  ],
};
