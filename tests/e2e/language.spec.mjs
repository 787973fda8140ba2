// Two languages: the interface follows the reader's browser (Spanish
// here), or the language chosen in Display settings, which is kept; the
// story text stays in the site's language (English), and what was
// rewritten says which language it is in. Dates, counts and reading time
// follow the interface's language.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady } from './helpers.mjs';

const slug = () => listing('latest').items[0].slug;

const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto',
  'septiembre', 'octubre', 'noviembre', 'diciembre'];

function spanishDate(rfc3339) {
  const d = new Date(rfc3339);
  return `${d.getUTCDate()} de ${MONTHS_ES[d.getUTCMonth()]} de ${d.getUTCFullYear()}`;
}

async function chooseLanguage(page, name) {
  await appReady(page);
  const toggle = page.locator('.settings-toggle');
  await toggle.click();
  const reloaded = page.waitForEvent('load');
  await page.locator('.settings-panel').getByRole('radio', { name }).click();
  await reloaded;
  await appReady(page);
}

test.describe('a reader whose browser is in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('reads the interface in Spanish and the story as written', async ({ page }) => {
    const a = article(slug());
    await page.goto(`/articles/${a.slug}`);
    await appReady(page);
    const masthead = page.getByRole('banner');
    await expect(masthead.getByRole('link', { name: 'Biblioteca' })).toBeVisible();
    await expect(masthead.getByRole('link', { name: 'Buscar' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Secciones' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Saltar al contenido' })).toBeAttached();
    const byline = page.locator('.byline');
    await expect(byline).toContainText('Por ');
    await expect(byline).toContainText('min de lectura');
    await expect(byline.locator('time').first()).toHaveText(spanishDate(a.published));
    await expect(page.getByRole('complementary', { name: /^Más de / })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Relacionados' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Guardar para después' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ajustes de lectura' })).toBeVisible();
    // The story keeps its language: the document's is the site's, and
    // what was rewritten is marked Spanish.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.headline);
    await expect(page.locator('.byline-reading [data-t]')).toHaveAttribute('lang', 'es');
    await expect(page.locator('h1.headline')).not.toHaveAttribute('lang', /.*/);
    // Nothing of the interface is left in English.
    const english = await page.locator('[data-t]').evaluateAll((els) =>
      els.filter((e) => e.getAttribute('lang') !== 'es').map((e) => e.dataset.t));
    expect(english).toEqual([]);

    // A page the app fetches and shows in place is rewritten too.
    await page.locator('.rail-latest .card-headline a').first().click();
    await expect(page.locator('main .byline')).toContainText('min de lectura');

    // Pages the app draws: the library and search.
    await page.getByRole('banner').getByRole('link', { name: 'Biblioteca' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tu biblioteca sin conexión' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Historial \(\d+\)$/ })).toBeVisible();
    await expect(page.getByText(/artículos? en este dispositivo/)).toBeVisible();
    await page.getByRole('banner').getByRole('link', { name: 'Buscar' }).click();
    await page.getByLabel('Buscar noticias').fill('zzzqqq');
    await expect(page.getByRole('region', { name: 'En el sitio' })).toContainText('0 noticias para «zzzqqq»');
  });

  test('the Spanish interface has no accessibility violations (languages marked right)', async ({ page }) => {
    for (const path of [`/articles/${slug()}`, '/library', '/search?q=port']) {
      await page.goto(path);
      await appReady(page);
      await expect(page.getByRole('banner').getByRole('link', { name: 'Biblioteca' })).toBeVisible();
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(violations.map((v) => `${path}: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('a listing counts its stories and dates its older pages in Spanish', async ({ page }) => {
    await page.goto('/latest');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lo último');
    await expect(page.locator('.listing-count')).toHaveText(/^\d+ noticias$/);
    // An older page (its address from page 1's link) says which days it holds.
    const older = await page.locator('a.more-button, button.more-button').first().getAttribute('data-next');
    await page.goto(`/latest/${older}`);
    await appReady(page);
    await expect(page.locator('.listing-count')).toHaveText(/^Noticias del \d+ de [a-z]+ de \d{4}( al \d+ de [a-z]+ de \d{4})?$/);
    await expect(page.getByRole('link', { name: 'Noticias más recientes' })).toBeVisible();
  });

  test('can choose English, which is kept', async ({ page }) => {
    await page.goto(`/articles/${slug()}`);
    await chooseLanguage(page, 'English');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Library' })).toBeVisible();
    await expect(page.locator('.byline')).toContainText('min read');
    await page.reload();
    await appReady(page);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Library' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Related' })).toBeVisible();
  });
});

test('a reader whose browser is in English can choose Spanish', async ({ page }) => {
  await page.goto(`/articles/${slug()}`);
  await appReady(page);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Library' })).toBeVisible();
  await chooseLanguage(page, 'Español');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Biblioteca' })).toBeVisible();
  await page.locator('.settings-toggle').click();
  await expect(page.locator('.settings-panel').getByRole('radio', { name: 'Español' })).toBeChecked();
  // Another page, and back to automatic (the browser's English).
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Biblioteca' })).toBeVisible();
  await chooseLanguage(page, 'Automático (según tu navegador)');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Library' })).toBeVisible();
});
