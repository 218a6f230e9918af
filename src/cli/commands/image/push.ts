// `docker push`: Upload an image to a registry (docker/cli cli/command/image/push.go).
import type { Command } from '../../command.ts';
import { exactArgs, notImplemented } from '../../command.ts';

export const pushCommand: Command = {
  spec: {
    use: 'push [OPTIONS] NAME[:TAG]',
    aliasesText: 'docker image push, docker push',
    short: 'Upload an image to a registry',
    args: exactArgs(1),
    categoryTop: 6,
    flags: [
      { name: 'all-tags', shorthand: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
      { name: 'disable-content-trust', type: 'bool', default: true, usage: 'Skip image signing' },
      { name: 'platform', type: 'string', usage: `Push a platform-specific manifest as a single-platform image to the registry.
Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`, annotations: { version: '1.46' } },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress verbose output' },
    ],
  },
  run: notImplemented,
};
