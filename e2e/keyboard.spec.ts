// The page from the keyboard: the first Tab offers a way past the terminal to
// the panels, and Shift-Tab leaves the terminal (where Tab completes).
import { expect, test } from '@playwright/test';
import { openTerminal } from './terminal.ts';

test('the keyboard reaches the panels and leaves the terminal', async ({ page }) => {
  await openTerminal(page);
  // in the terminal, Shift-Tab moves the focus out of it
  await expect(page.locator('.xterm-helper-textarea').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.xterm-helper-textarea').first()).not.toBeFocused();

  // back through the terminal's tab bar and the header to the page's first stop: the skip link
  const skip = page.getByRole('link', { name: 'Skip to the panels' });
  for (let i = 0; i < 10 && !(await skip.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#panels')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Start' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Layers' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Layers' })).toHaveAttribute('aria-selected', 'true');
});
