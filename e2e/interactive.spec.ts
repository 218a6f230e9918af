// Interactive containers in the page: run -it gives the container's prompt,
// Ctrl-C interrupts its foreground program (not the container), Ctrl-P Ctrl-Q
// detaches and leaves it running, attach comes back, exit ends it.
import { expect, test } from '@playwright/test';
import { expectScreen, openTerminal, run, screenText, waitIdle } from './terminal.ts';

test('run -it: the container prompt, ps, Ctrl-C, Ctrl-P Ctrl-Q, attach, exit', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'docker run -it --name box ubuntu:14.04');
  await expectScreen(page, /root@[0-9a-f]{12}:\/#\s*$/, 20_000);
  await run(page, 'ps');
  await expectScreen(page, /PID TTY\s+TIME CMD\n\s+1 pts\/0\s+00:00:00 bash\n\s+\d+ pts\/0\s+00:00:00 ps\nroot@[0-9a-f]{12}:\/#\s*$/);
  await run(page, 'sleep 100');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+C');
  await expectScreen(page, /sleep 100\n\^C\nroot@[0-9a-f]{12}:\/#\s*$/);
  await run(page, 'echo $?; cd /tmp && touch made-here');
  await expectScreen(page, /\n130\nroot@[0-9a-f]{12}:\/tmp#\s*$/);
  await page.screenshot({ path: 'docs/screenshots/interactive.png' });
  // Ctrl-P Ctrl-Q: back at the host's prompt, the container still up
  await page.keyboard.press('Control+P');
  await page.keyboard.press('Control+Q');
  await expectScreen(page, /root@berth:~#\s*$/);
  await run(page, 'docker ps --format "{{.Names}} {{.Status}}"');
  await waitIdle(page);
  expect(await screenText(page)).toMatch(/\nbox Up \d+ seconds?\n/);
  await run(page, 'docker attach box');
  await page.waitForTimeout(300);
  await run(page, 'ls /tmp');
  await expectScreen(page, /made-here\nroot@[0-9a-f]{12}:\/tmp#\s*$/);
  await run(page, 'exit');
  await waitIdle(page);
  await run(page, 'docker ps -a --format "{{.Names}} {{.Status}}" && docker diff box');
  await waitIdle(page);
  expect(await screenText(page)).toMatch(/\nbox Exited \(0\) .*\nC \/tmp\nA \/tmp\/made-here\n/);
});
