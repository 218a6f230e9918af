// `docker container`: Manage containers (docker/cli cli/command/container/cmd.go).
import type { Command } from '../../command.ts';
import { noArgs } from '../../command.ts';
import { attachCommand } from './attach.ts';
import { commitCommand } from './commit.ts';
import { cpCommand } from './cp.ts';
import { createCommand } from './create.ts';
import { diffCommand } from './diff.ts';
import { execCommand } from './exec.ts';
import { exportCommand } from './export.ts';
import { containerInspectCommand } from './inspect.ts';
import { killCommand } from './kill.ts';
import { containerLsCommand } from './list.ts';
import { logsCommand } from './logs.ts';
import { pauseCommand } from './pause.ts';
import { portCommand } from './port.ts';
import { containerPruneCommand } from './prune.ts';
import { renameCommand } from './rename.ts';
import { restartCommand } from './restart.ts';
import { rmCommand } from './rm.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { statsCommand } from './stats.ts';
import { stopCommand } from './stop.ts';
import { topCommand } from './top.ts';
import { unpauseCommand } from './unpause.ts';
import { updateCommand } from './update.ts';
import { waitCommand } from './wait.ts';

export const containerCommand: Command = {
  spec: { use: 'container', short: 'Manage containers', args: noArgs, flags: [] },
  subcommands: [
    attachCommand,
    commitCommand,
    cpCommand,
    createCommand,
    diffCommand,
    execCommand,
    exportCommand,
    killCommand,
    logsCommand,
    pauseCommand,
    portCommand,
    renameCommand,
    restartCommand,
    rmCommand,
    runCommand,
    startCommand,
    statsCommand,
    stopCommand,
    topCommand,
    unpauseCommand,
    updateCommand,
    waitCommand,
    containerLsCommand,
    containerInspectCommand,
    containerPruneCommand,
  ],
};
