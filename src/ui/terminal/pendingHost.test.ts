import { describe, expect, it } from 'vitest';
import type { Host, HostIO } from '../../shell/host.ts';
import { pendingHost } from './pendingHost.ts';

const io: HostIO = { stdout: { write() {} }, stderr: { write() {} } };

function deferredHost() {
  const ran: string[] = [];
  let interrupts = 0;
  let closes = 0;
  const host: Host = {
    cwd: () => '/srv',
    run: async (command) => {
      ran.push(command);
      return 0;
    },
    interrupt: () => void interrupts++,
    close: () => void closes++,
  };
  let resolve!: (h: Host) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Host>((res, rej) => ((resolve = res), (reject = rej)));
  return { host, promise, ran, resolve: () => resolve(host), reject, counts: () => ({ interrupts, closes }) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('pendingHost', () => {
  it('prompts in /root before the host exists, then follows the host', async () => {
    const d = deferredHost();
    const p = pendingHost(d.promise);
    expect(p.cwd()).toBe('/root');
    expect(p.ready).toBeNull();
    d.resolve();
    await settle();
    expect(p.ready).toBe(d.host);
    expect(p.cwd()).toBe('/srv');
  });

  it('runs a command typed early as soon as the host is ready', async () => {
    const d = deferredHost();
    const p = pendingHost(d.promise);
    const status = p.run('docker ps', io);
    await settle();
    expect(d.ran).toEqual([]);
    d.resolve();
    expect(await status).toBe(0);
    expect(d.ran).toEqual(['docker ps']);
  });

  it('Ctrl-C before the host exists: the waiting command does not run (status 130)', async () => {
    const d = deferredHost();
    const p = pendingHost(d.promise);
    const status = p.run('sleep 100', io);
    p.interrupt();
    d.resolve();
    expect(await status).toBe(130);
    expect(d.ran).toEqual([]);
    expect(await p.run('echo after', io)).toBe(0);
    expect(d.ran).toEqual(['echo after']);
    p.interrupt();
    expect(d.counts().interrupts).toBe(1);
  });

  it('a host that fails to start fails the commands waiting for it', async () => {
    const d = deferredHost();
    const p = pendingHost(d.promise);
    const status = p.run('docker ps', io);
    d.reject(new Error('no engine'));
    await expect(status).rejects.toThrow('no engine');
    expect(p.cwd()).toBe('/root');
  });

  it('a terminal closed before its host exists closes the host when it comes', async () => {
    const d = deferredHost();
    const p = pendingHost(d.promise);
    p.close();
    d.resolve();
    await settle();
    expect(d.counts().closes).toBe(1);
  });
});
