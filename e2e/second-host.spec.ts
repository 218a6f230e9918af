// A second machine in the page: it reaches the same Docker Hub as the first
// (push on berth, pull on berth2) but starts with no images of its own.
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, openTerminal, run, waitIdle } from './terminal.ts';

test.describe.configure({ timeout: 120_000 });

function tabText(page: Page, i: number): Promise<string> {
  return page.evaluate((n) => window.__berth!.tab(n).screenText(), i);
}

test('push on berth, pull and run on berth2', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'mkdir app && cd app && printf \'FROM busybox\\nCMD ["echo", "hello from the Hub"]\\n\' > Dockerfile');
  await waitIdle(page);
  await run(page, 'docker build -q -t alice/hello:v1 .');
  await waitIdle(page, 60_000);
  // the Hub refuses an upload without a login
  await run(page, 'docker push alice/hello:v1');
  await expectScreen(page, /denied: requested access to the resource is denied\n/, 30_000);
  await waitIdle(page);
  await run(page, 'echo s3cret | docker login -u alice --password-stdin');
  await expectScreen(page, /Login Succeeded\n/);
  await waitIdle(page);
  await run(page, 'docker push alice/hello:v1');
  await expectScreen(page, /v1: digest: sha256:[0-9a-f]{64} size: \d+\n/, 30_000);
  await waitIdle(page);

  // a terminal on the second machine: its own prompt, no images
  await page.getByRole('button', { name: /Open a terminal on a second machine \(berth2\)/ }).click();
  const tab = page.getByRole('tab', { name: 'berth2: Terminal 1' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => tabText(page, 1), { timeout: 20_000 }).toContain('root@berth2:~#');
  expect(await tabText(page, 1)).toContain('berth2 (192.168.1.11) is a second machine on the same network as\nberth (192.168.1.10)');
  await waitIdle(page);
  await run(page, 'hostname && docker images');
  await expect.poll(() => tabText(page, 1)).toMatch(/berth2\nREPOSITORY +TAG +IMAGE ID +CREATED +SIZE\nroot@berth2:~#$/);
  await run(page, 'docker pull alice/hello:v1');
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toContain('Status: Downloaded newer image for alice/hello:v1');
  await waitIdle(page);
  await run(page, 'docker run --rm alice/hello:v1');
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toMatch(/\nhello from the Hub\nroot@berth2:~#$/);
  await waitIdle(page);
  await run(page, 'docker images alice/hello');
  await expect.poll(() => tabText(page, 1)).toMatch(/alice\/hello +v1 +[0-9a-f]{12} /);
  await waitIdle(page);
  await page.locator('.terminal-pane').screenshot({ path: 'docs/screenshots/second-host.png' });

  // logging in at the prompt there (asked for the password) lets berth2 push into alice's namespace
  await run(page, 'docker tag alice/hello:v1 alice/hello:v2 && docker login -u alice');
  await expect.poll(() => tabText(page, 1)).toMatch(/Password:$/);
  await run(page, 's3cret');
  await expect.poll(() => tabText(page, 1)).toMatch(/\nLogin Succeeded\nroot@berth2:~#$/);
  await waitIdle(page);
  await run(page, 'docker push -q alice/hello:v2');
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toMatch(/\ndocker\.io\/alice\/hello:v2\nroot@berth2:~#$/);
  await waitIdle(page);

  // the first machine's terminal is still berth's, with its images
  await page.getByRole('tab', { name: 'Terminal 1', exact: true }).click();
  expect(await tabText(page, 0)).not.toContain('root@berth2');
  await waitIdle(page);
  await run(page, 'docker pull -q alice/hello:v2');
  await expect.poll(() => tabText(page, 0), { timeout: 30_000 }).toMatch(/\ndocker\.io\/alice\/hello:v2\nroot@berth:~\/app#$/);
});

test("a registry on berth, pulled from berth2 once trusted; both machines are there after a reload", async ({ page }) => {
  await openTerminal(page);
  // the registry's server listens a moment after docker run returns, as a real registry:2 does: the push is the next command
  await run(page, 'docker run -d -p 5000:5000 --name registry registry:2 >/dev/null && docker pull -q alpine && docker tag alpine localhost:5000/tools:1');
  await expectScreen(page, /\ndocker\.io\/library\/alpine:latest\n/, 60_000);
  await waitIdle(page);
  await run(page, 'docker push -q localhost:5000/tools:1');
  await expectScreen(page, /\nlocalhost:5000\/tools:1\n/, 60_000);
  await waitIdle(page);
  await run(page, 'docker pull -q busybox && docker tag busybox carol/box:1 && echo pw | docker login -u carol --password-stdin 2>/dev/null && docker push -q carol/box:1');
  await expectScreen(page, /\ndocker\.io\/carol\/box:1\n/, 30_000);
  await waitIdle(page);

  await page.getByRole('button', { name: /Open a terminal on a second machine/ }).click();
  await expect.poll(() => tabText(page, 1), { timeout: 20_000 }).toContain('root@berth2:~#');
  expect(await tabText(page, 1)).toContain('berth2 (192.168.1.11) is a second machine on the same network as\nberth (192.168.1.10)');
  await waitIdle(page);
  // berth's registry speaks plain HTTP: berth2's daemon refuses it until daemon.json trusts it
  await run(page, 'docker pull -q berth:5000/tools:1');
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toContain('Error response from daemon: Get "https://berth:5000/v2/": http: server gave HTTP response to HTTPS client');
  await waitIdle(page);
  await run(page, `echo '{"insecure-registries": ["berth:5000"]}' > /etc/docker/daemon.json && service docker restart && docker info 2>/dev/null | grep -A1 'Insecure Registries'`);
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toMatch(/Insecure Registries:\n {2}berth:5000\nroot@berth2:~#$/);
  await waitIdle(page);
  await run(page, 'docker pull -q berth:5000/tools:1 && docker run --name kept berth:5000/tools:1 cat /etc/alpine-release');
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toMatch(/\nberth:5000\/tools:1\n3\.\d+\.\d+\nroot@berth2:~#$/);
  await waitIdle(page);
  await page.locator('.terminal-pane').screenshot({ path: 'docs/screenshots/second-host-registry.png' });
  await page.waitForTimeout(500);
  await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'saved');

  await page.reload();
  await page.waitForFunction(() => window.__berth?.ready === true, undefined, { timeout: 20_000 });
  await waitIdle(page);
  // berth2 comes back as it was: its image, its container, its daemon.json
  await page.getByRole('button', { name: /Open a terminal on a second machine/ }).click();
  await expect.poll(() => tabText(page, 1), { timeout: 20_000 }).toContain('root@berth2:~#');
  await waitIdle(page);
  await run(page, 'docker images --format "{{.Repository}}:{{.Tag}}"; docker ps -a --format "{{.Names}}"; cat /etc/docker/daemon.json; docker pull -q carol/box:1');
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toMatch(/\nberth:5000\/tools:1\nkept\n\{"insecure-registries": \["berth:5000"\]\}\ndocker\.io\/carol\/box:1\nroot@berth2:~#$/);
  await waitIdle(page);
  // the registry container on berth came back with its files: what was pushed is still served
  await run(page, 'docker rm kept >/dev/null && docker rmi berth:5000/tools:1 >/dev/null && docker pull -q berth:5000/tools:1');
  await expect.poll(() => tabText(page, 1), { timeout: 30_000 }).toMatch(/\nberth:5000\/tools:1\nroot@berth2:~#$/);
});
