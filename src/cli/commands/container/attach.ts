// `docker attach`: Attach local standard input, output, and error streams to a running container (docker/cli cli/command/container/attach.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const attachCommand: Command = {
  spec: {
    use: 'attach [OPTIONS] CONTAINER',
    aliasesText: 'docker container attach, docker attach',
    short: 'Attach local standard input, output, and error streams to a running container',
    args: exactArgs(1),
    flags: [
      { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
      { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
      { name: 'sig-proxy', type: 'bool', default: true, usage: 'Proxy all received signals to the process' },
    ],
  },
  run: notImplemented,
};
