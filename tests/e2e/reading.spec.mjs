// Journey: a reader opens the front page, follows a story, reads it.
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady } from './helpers.mjs';

test('front page shows the lead story and links to a rendered article', async ({ page }) => {
  const lead = listing('latest').items[0];
  await page.goto('/');
  await appReady(page);
  const leadLink = page.locator('.front-lead .card-lead .card-headline a');
  await expect(leadLink).toHaveText(lead.headline);
  await leadLink.click();

  await expect(page).toHaveURL(new RegExp(`/articles/${lead.slug}$`));
  await expect(page.locator('h1.headline')).toHaveText(lead.headline);
  const full = article(lead.slug);
  // The body is rendered markdown: paragraphs, and the first words of the
  // text (link targets and emphasis marks gone), in order.
  const firstWords = full.body.split('\n')[0]
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '')
    .split(/\s+/).slice(0, 4).join(' ');
  expect(firstWords.split(' ')).toHaveLength(4);
  await expect(page.locator('.article-body p').first()).toContainText(firstWords);
  expect(await page.locator('.article-body p').count()).toBeGreaterThan(2);
  await expect(page).toHaveTitle(new RegExp(lead.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});
