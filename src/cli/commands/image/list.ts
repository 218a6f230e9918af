// `docker images`: List images (docker/cli cli/command/image/list.go).
import type { Command } from '../../command.ts';
import { maxArgs, notImplemented, withUse } from '../../command.ts';

export const imagesCommand: Command = {
  spec: {
    use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
    aliasesText: 'docker image ls, docker image list, docker images',
    short: 'List images',
    args: maxArgs(1),
    categoryTop: 7,
    flags: [
      { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
      { name: 'digests', type: 'bool', usage: 'Show digests' },
      { name: 'filter', shorthand: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates` },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
      { name: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)', annotations: { version: '1.47' } },
    ],
  },
  run: notImplemented,
};

/** `docker image ls` (also `list`): the same command under another name. */
export const imageLsCommand: Command = withUse(imagesCommand, 'ls [OPTIONS] [REPOSITORY[:TAG]]', ['list']);
