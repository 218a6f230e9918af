// The servers in containers of the simulated host: docker run -d, logs,
// exec, stop. The images here are busybox with the server's binary copied
// in under its name, which is how the engine recognises a program.
import { describe, expect, it } from 'vitest';
import { testHost } from '../../../../node/test-host.ts';

async function host() {
  return (await testHost('busybox')).sh;
}

describe('servers under docker run', () => {
  it('redis-server: start-up in docker logs, redis-cli ping through exec, docker stop exits 0 with the shutdown lines', async () => {
    const sh = await host();
    const run = await sh(`docker run -d --name cache -w /data busybox sh -c 'mkdir -p /data && cp /bin/busybox /bin/redis-server && cp /bin/busybox /bin/redis-cli && exec redis-server'`);
    expect(run.status).toBe(0);
    await sh('sleep 1');
    const logs = (await sh('docker logs cache')).out;
    expect(logs).toMatch(/^1:C \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n/);
    expect(logs).toMatch(/1:M .* \* Ready to accept connections tcp\n$/);
    expect(await sh('docker exec cache redis-cli ping')).toEqual({ out: 'PONG\n', status: 0 });
    expect(await sh('docker exec cache redis-cli incr hits')).toEqual({ out: '1\n', status: 0 });
    expect(await sh('docker stop cache')).toEqual({ out: 'cache\n', status: 0 });
    expect((await sh(`docker ps -a --format '{{.Names}} {{.Status}}'`)).out).toMatch(/^cache Exited \(0\) /);
    const after = (await sh('docker logs cache')).out;
    expect(after).toMatch(/1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.\n.*\* User requested shutdown\.\.\.\n.*\* Saving the final RDB snapshot before exiting\.\n.*\* DB saved on disk\n.*# Redis is now ready to exit, bye bye\.\.\.\n$/);
    // the keys survive a restart through dump.rdb
    await sh('docker start cache');
    await sh('sleep 1');
    expect(await sh('docker exec cache redis-cli get hits')).toEqual({ out: '1\n', status: 0 });
  });

  it('nginx: master and workers in ps, notices in docker logs, docker stop (SIGTERM) exits 0', async () => {
    const sh = await host();
    await sh(
      `docker run -d --name web busybox sh -c 'cp /bin/busybox /usr/sbin/nginx && mkdir -p /usr/share/nginx/html /etc/nginx && echo hi > /usr/share/nginx/html/index.html && echo "error_log /dev/stderr notice;" > /etc/nginx/nginx.conf && exec nginx -g "daemon off;"'`,
    );
    await sh('sleep 1');
    const ps = (await sh('docker exec web ps')).out;
    expect(ps).toMatch(/\n\s+1 root\s+nginx: master process nginx -g daemon off;\n/);
    expect(ps.match(/nginx: worker process/g)?.length).toBe(2);
    const logs = (await sh('docker logs web')).out;
    expect(logs).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: using the "epoll" event method\n/);
    expect(logs).toContain('[notice] 1#1: start worker processes\n');
    expect(await sh('docker stop web')).toEqual({ out: 'web\n', status: 0 });
    expect((await sh(`docker inspect -f '{{.State.ExitCode}}' web`)).out).toBe('0\n');
    expect((await sh('docker logs web')).out).toMatch(/\[notice\] 1#1: signal 15 \(SIGTERM\) received, exiting\n[\s\S]*\[notice\] 1#1: exit\n$/);
  });
});
