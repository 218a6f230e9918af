// A Host that can take its prompt before the real one exists: the page draws
// the banner and the first prompt while the workspace is still being opened
// and restored. Every terminal's shell starts in /root, so the prompt is the
// real one; a command typed before the host is ready runs as soon as it is.
import type { Host, HostIO } from '../../shell/host.ts';

const START_DIRECTORY = '/root';

export interface PendingHost extends Host {
  interrupt(): void;
  close(): void;
  /** The real host, once it is ready. */
  readonly ready: Host | null;
}

export function pendingHost(host: Promise<Host>): PendingHost {
  let ready: Host | null = null;
  let closed = false;
  /** Bumped by Ctrl-C before the host exists: the commands waiting for it do not run. */
  let interrupts = 0;
  void host.then(
    (h) => {
      ready = h;
      if (closed) h.close?.();
    },
    () => undefined,
  );
  return {
    get ready() {
      return ready;
    },
    cwd: () => ready?.cwd() ?? START_DIRECTORY,
    async run(command: string, io: HostIO): Promise<number> {
      if (ready) return ready.run(command, io);
      const seen = interrupts;
      const h = await host;
      // interrupted while it waited: as bash, status 130 (the terminal echoed ^C)
      if (interrupts !== seen) return 130;
      return h.run(command, io);
    },
    interrupt: () => {
      if (ready) ready.interrupt?.();
      else interrupts++;
    },
    close: () => {
      closed = true;
      ready?.close?.();
    },
  };
}
