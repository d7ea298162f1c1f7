import type { Page } from 'playwright-core';

/** The admin PIN every e2e desk (and the bench's) is set up with on its first run. */
export const e2eAdminPin = '2468';

/** The first-run screen, as the admin who installs a desk fills it in. */
export async function completeFirstRun(page: Page): Promise<void> {
  await page.getByTestId('admin-setup').waitFor();
  await page.getByTestId('admin-setup-pin').fill(e2eAdminPin);
  await page.getByTestId('admin-setup-repeat').fill(e2eAdminPin);
  await page.getByTestId('admin-setup-submit').click();
  await page.getByTestId('admin-setup').waitFor({ state: 'detached' });
}
