import { expect, test } from '@playwright/test';
import { expectScreen, lastLine, openTerminal, run, screenText, waitIdle } from './terminal.ts';

const PROMPT = 'root@berth:~# ';

test('shows the prompt and runs a command', async ({ page }) => {
  await openTerminal(page);
  expect(await lastLine(page)).toBe(PROMPT.trimEnd());
  await expect(page.locator('header h1')).toHaveText('Berth');

  await run(page, 'echo hi');
  await waitIdle(page);
  const text = await screenText(page);
  expect(text).toContain(`${PROMPT}echo hi`);
  // The placeholder host echoes the command; the real one prints "hi". Either
  // way the output sits on its own line, followed by a fresh prompt.
  expect(text).toMatch(/echo hi\n(echo )?hi\nroot@berth:~# ?$/);
});

test('recalls history with ArrowUp and ArrowDown', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'echo one');
  await waitIdle(page);
  await run(page, 'echo two');
  await waitIdle(page);

  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}echo two`);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}echo one`);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}echo two`);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => lastLine(page)).toBe(PROMPT.trimEnd());

  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await waitIdle(page);
  expect((await screenText(page)).match(/root@berth:~# echo one/g)?.length).toBe(2);
});

test('edits the line: Left, Home, Backspace, Ctrl-U, Ctrl-C', async ({ page }) => {
  await openTerminal(page);
  await page.keyboard.type('echo wrld');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('o');
  await page.keyboard.press('Home');
  await page.keyboard.type('  ');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}  echo world`);
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}  echo worl`);
  await page.keyboard.press('Control+U');
  await expect.poll(() => lastLine(page)).toBe(PROMPT.trimEnd());
  await page.keyboard.type('abandoned');
  await page.keyboard.press('Control+C');
  await waitIdle(page);
  const text = await screenText(page);
  expect(text).toMatch(/abandoned\^C\nroot@berth:~# ?$/);
});

test('reads a here-document with "> " before running it', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'cat > notes.txt <<EOF');
  await expect.poll(() => lastLine(page)).toBe('>');
  await run(page, 'first line');
  await run(page, 'EOF');
  await waitIdle(page);
  const text = await screenText(page);
  expect(text).toContain('root@berth:~# cat > notes.txt <<EOF\n> first line\n> EOF\n');
});

test('runs pasted lines one after another', async ({ page }) => {
  await openTerminal(page);
  await page.evaluate(() => {
    const area = document.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea')!;
    const data = new DataTransfer();
    data.setData('text/plain', 'echo first\necho second\n');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expectScreen(page, /root@berth:~# echo second\n(echo )?second\nroot@berth:~# ?$/);
  expect(await screenText(page)).toMatch(/root@berth:~# echo first\n(echo )?first\n/);
});

test('Ctrl-L clears the screen', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'echo before');
  await waitIdle(page);
  await page.keyboard.type('ls');
  await page.keyboard.press('Control+L');
  await expect.poll(async () => (await screenText(page)).split('\n').filter((l) => l.trim() !== '').at(-1)).toBe(
    `${PROMPT}ls`,
  );
  // The rows in view (xterm draws them on its next frame): the cleared screen shows only the prompt at the top.
  const visible = () =>
    page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('.xterm-rows > div'), (r) => r.textContent?.trimEnd() ?? '');
      return rows.filter((r) => r !== '');
    });
  await expect.poll(visible).toEqual([`${PROMPT}ls`]);
});

test('an example command is typed at the prompt when clicked', async ({ page }) => {
  await openTerminal(page);
  await page.getByRole('button', { name: /docker ps -a/ }).click();
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}docker ps -a`);
  await page.keyboard.press('Enter');
  await waitIdle(page);
  expect(await lastLine(page)).toBe(PROMPT.trimEnd());
});

test('the cursor blinks without an animation at every frame, shows at a key, and is an outline without the keyboard', async ({ page }) => {
  await openTerminal(page);
  const cursor = page.locator('[role=tabpanel]:not([hidden]) .xterm-cursor');
  const xterm = page.locator('[role=tabpanel]:not([hidden]) .xterm');
  // no CSS animation: Chromium would restyle the page at every frame for it
  expect(await cursor.evaluate((c) => getComputedStyle(c).animationName)).toBe('none');
  await expect(xterm).toHaveClass(/berth-cursor-off/, { timeout: 2_000 });
  await expect(xterm).not.toHaveClass(/berth-cursor-off/, { timeout: 2_000 });
  await expect(xterm).toHaveClass(/berth-cursor-off/, { timeout: 2_000 });
  await page.keyboard.type('x');
  await expect(xterm).not.toHaveClass(/berth-cursor-off/);
  await page.locator('#tab-lifecycle').click();
  await expect(cursor).toHaveClass(/xterm-cursor-outline/);
  await page.waitForTimeout(1_500);
  await expect(xterm).not.toHaveClass(/berth-cursor-off/);
});
