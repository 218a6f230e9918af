// `docker search`: Search Docker Hub for images (docker/cli cli/command/registry/search.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const searchCommand: Command = {
  spec: {
    use: 'search [OPTIONS] TERM',
    short: 'Search Docker Hub for images',
    args: exactArgs(1),
    categoryTop: 10,
    flags: [
      { name: 'filter', shorthand: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
      { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
      { name: 'limit', type: 'int', usage: 'Max number of search results' },
      { name: 'no-trunc', type: 'bool', usage: `Don't truncate output` },
    ],
  },
  run: notImplemented,
};
