// Helpers for driving the page's terminal.
import { expect, type Page } from '@playwright/test';

/** Opens the page and waits for the first prompt. */
export async function openTerminal(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => window.__berth?.ready === true);
  await waitIdle(page);
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
}

/** Waits until the prompt is back and everything written is on the screen. */
export async function waitIdle(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => window.__berth?.idle() === true, undefined, { timeout });
}

export function screenText(page: Page): Promise<string> {
  return page.evaluate(() => window.__berth!.screenText());
}

/** Types a command line and presses Enter. */
export async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** The last line of the screen (where the prompt and the line being edited are). */
export async function lastLine(page: Page): Promise<string> {
  const text = await screenText(page);
  return text.split('\n').at(-1) ?? '';
}

export async function expectScreen(page: Page, pattern: string | RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => screenText(page), { timeout }).toMatch(pattern);
}
