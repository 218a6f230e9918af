// Archives in and out of the page: what docker save wrote on berth is
// downloaded through the Files control (a real tar whose manifest names the
// image), then picked with the same control on berth2 and loaded there.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, openTerminal, run, screenText, waitIdle } from './terminal.ts';

test.describe.configure({ timeout: 120_000 });

async function sh(page: Page, line: string, timeout = 30_000): Promise<void> {
  await run(page, line);
  await waitIdle(page, timeout);
}

function tabText(page: Page, i: number): Promise<string> {
  return page.evaluate((n) => window.__berth!.tab(n).screenText(), i);
}

/** The members of a tar archive (ustar headers, 512-byte blocks). */
function tarMembers(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    out.set(name, bytes.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function repoTags(tar: Buffer): string[] {
  const manifest = tarMembers(tar).get('manifest.json');
  expect(manifest, 'manifest.json in the archive').toBeDefined();
  return (JSON.parse(manifest!.toString('utf8')) as { RepoTags: string[] }[]).flatMap((m) => m.RepoTags);
}

test('docker save writes an archive the learner downloads, and picks on berth2 to load', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'docker pull -q busybox');
  await sh(page, 'docker save -o b.tar busybox');
  // Docker's output stays Docker's: nothing printed after the save
  await expectScreen(page, /\nroot@berth:~# docker save -o b\.tar busybox\nroot@berth:~#$/);

  // the notice beside the Files button names the archive just written
  const notice = page.getByTestId('files-notice');
  await expect(notice).toContainText(/b\.tar \([\d.]+MB\) written/);
  await sh(page, "ls -l b.tar | awk '{print $5}'");
  const size = Number(/\n(\d+)\nroot@berth:~#$/.exec(await screenText(page))![1]);

  // the Files control lists it first, as written by a command; downloading gives its bytes
  const files = page.getByRole('button', { name: 'Files on berth: upload or download' });
  await files.click();
  const panel = page.getByRole('dialog', { name: 'Files on berth' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Upload a file…' })).toBeFocused();
  const row = panel.getByRole('button', { name: /^Download b\.tar \([\d.]+MB\), written by a command$/ });
  await expect(row).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/files.png', clip: { x: 0, y: 0, width: 1280, height: 560 } });
  const [download] = await Promise.all([page.waitForEvent('download'), row.click()]);
  expect(download.suggestedFilename()).toBe('b.tar');
  const tar = readFileSync((await download.path())!);
  expect(tar.length).toBe(size);
  expect(repoTags(tar)).toEqual(['busybox:latest']);
  await expect(panel).toBeHidden();

  // a pipe into gzip: the notice's own Download gives the compressed archive
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await sh(page, 'docker save busybox | gzip > b.tgz');
  await expect(notice).toContainText(/b\.tgz \([\d.]+MB\) written/);
  const [gz] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download' }).click()]);
  expect(gz.suggestedFilename()).toBe('b.tgz');
  expect(repoTags(gunzipSync(readFileSync((await gz.path())!)))).toEqual(['busybox:latest']);
  await expect(notice).toHaveText('');

  // the path field: relative to the shell's working directory, and a clear refusal
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await sh(page, 'mkdir -p out && cd out && docker create --name box busybox > /dev/null && docker export -o ../c.tar box');
  // from the keyboard: Shift-Tab leaves the terminal for the Files button, Enter opens it
  await page.keyboard.press('Shift+Tab');
  await expect(files).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  const field = panel.getByLabel('Another file (path from /root/out)');
  await field.fill('nope.tar');
  await field.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('No such file: /root/out/nope.tar');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('../c.tar');
  const [exported] = await Promise.all([page.waitForEvent('download'), field.press('Enter')]);
  expect(exported.suggestedFilename()).toBe('c.tar');
  expect(tarMembers(readFileSync((await exported.path())!)).has('bin/busybox')).toBe(true);
  // Escape closes the panel and gives the keyboard back to the button
  await files.click();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(files).toBeFocused();

  // berth2: the archive picked with "Upload a file…" is copied into the working directory, its name typed at the prompt
  await page.getByRole('button', { name: /Open a terminal on a second machine \(berth2\)/ }).click();
  await expect.poll(() => tabText(page, 1), { timeout: 20_000 }).toContain('root@berth2:~#');
  await waitIdle(page);
  await expect(notice).toHaveText(''); // berth2 wrote nothing
  await page.keyboard.type('docker load -i ');
  const files2 = page.getByRole('button', { name: 'Files on berth2: upload or download' });
  await files2.click();
  const panel2 = page.getByRole('dialog', { name: 'Files on berth2' });
  await expect(panel2.getByText('No files in /root yet.', { exact: false })).toBeVisible();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel2.getByRole('button', { name: 'Upload a file…' }).click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles({ name: 'b.tar', mimeType: 'application/x-tar', buffer: tar });
  await expect(page.getByTestId('drop-notice').locator('visible=true')).toHaveText('Copied b.tar into /root');
  await expect(panel2).toBeHidden();
  await expect.poll(() => tabText(page, 1)).toMatch(/docker load -i b\.tar ?$/);
  await page.keyboard.press('Enter');
  await waitIdle(page, 30_000);
  await expect.poll(() => tabText(page, 1)).toMatch(/docker load -i b\.tar ?\nLoaded image: busybox:latest\nroot@berth2:~#$/);
  // an uploaded file is not one a command wrote: no notice offers it back
  await expect(notice).toHaveText('');
  await sh(page, "docker images --format '{{.Repository}}:{{.Tag}}'");
  await expect.poll(() => tabText(page, 1)).toMatch(/\nbusybox:latest\nroot@berth2:~#$/);
  expect(await tabText(page, 1)).not.toMatch(/Error|TypeError|stack/);
});

test('the Files control in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('berth.locale', 'zh-CN'));
  await openTerminal(page);
  await sh(page, 'echo hello > notes.txt');
  await page.getByRole('button', { name: 'berth 上的文件：上传或下载' }).click();
  const panel = page.getByRole('dialog', { name: 'berth 上的文件' });
  await expect(panel.getByRole('button', { name: '上传文件…' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '下载 notes.txt（6B），由命令写入' })).toBeVisible();
  await expect(page.getByTestId('files-notice')).toHaveText(''); // a text file is no archive
});
