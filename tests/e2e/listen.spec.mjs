// Listen: reading the article aloud with the browser's speech synthesis.
// This machine's Chromium has no voices (no speech service, no audio
// device), which is the first journey: Listen is not offered. The others
// give the page a scripted speech engine in place of the missing one (the
// Web Speech API's shape, utterances "spoken" in 1.2 s each) to check
// what Folio does with it: play, pause, resume, speed, the paragraph being
// read highlighted and followed, and stopping when the reader leaves.
import { test, expect } from './fixtures.mjs';
import { listing, appReady, openInApp } from './helpers.mjs';

const SLUG = 'rhine-danube-low-water-freight';

function scriptedSpeech() {
  const spoken = [];
  const engine = {
    spoken, paused: false, speaking: false, pending: false, cancelled: 0,
    queue: [], timer: null,
    getVoices: () => [{ name: 'Scripted', lang: 'en-GB', default: true }],
    addEventListener() {},
    speak(u) { this.queue.push(u); if (!this.speaking) this.next(); },
    next() {
      const u = this.queue.shift();
      if (!u) { this.speaking = false; return; }
      this.speaking = true;
      spoken.push({ text: u.text, rate: u.rate, lang: u.lang });
      setTimeout(() => u.onstart && u.onstart(), 0);
      this.current = u;
      this.left = 1200;
      this.run();
    },
    run() {
      const started = Date.now();
      this.timer = setTimeout(() => { const u = this.current; this.current = null; u.onend && u.onend(); this.next(); }, this.left);
      this.startedAt = started;
    },
    pause() { if (this.paused || !this.current) return; this.paused = true; clearTimeout(this.timer); this.left -= Date.now() - this.startedAt; },
    resume() { if (!this.paused) return; this.paused = false; this.run(); },
    cancel() { this.cancelled++; clearTimeout(this.timer); this.queue = []; this.current = null; this.speaking = false; this.paused = false; },
  };
  class Utterance { constructor(text) { this.text = text; this.rate = 1; this.lang = ''; } }
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
}

test('without voices, Listen is not offered', async ({ page }) => {
  await page.goto(`/articles/${SLUG}`);
  await appReady(page);
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
  await expect(page.getByRole('button', { name: 'Listen' })).toHaveCount(0);
});

test.describe('with a speech engine', () => {
  test.beforeEach(async ({ context }) => { await context.addInitScript(scriptedSpeech); });

  test('reads the article from the top, paragraph by paragraph, highlighting and following it', async ({ page }) => {
    await page.goto(`/articles/${SLUG}`);
    await appReady(page);
    const first = await page.locator('main .article-body > p').first().textContent();
    await page.getByRole('button', { name: 'Listen' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page.locator('.listening')).toHaveText(first);
    expect(await page.evaluate(() => speechSynthesis.spoken[0])).toEqual({ text: first, rate: 1, lang: 'en' });
    // On to the next blocks by itself.
    await expect.poll(() => page.evaluate(() => speechSynthesis.spoken.length)).toBeGreaterThan(2);
    const third = await page.evaluate(() => speechSynthesis.spoken[2].text);
    await expect(page.locator('.listening')).toHaveText(third);
    await expect(page.locator('.listening')).toHaveCount(1);

    // Pause holds the place; Resume goes on from it.
    await page.getByRole('button', { name: 'Pause' }).click();
    const held = await page.evaluate(() => speechSynthesis.spoken.length);
    await page.waitForTimeout(700);
    expect(await page.evaluate(() => speechSynthesis.spoken.length)).toBe(held);
    expect(await page.evaluate(() => speechSynthesis.paused)).toBe(true);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.evaluate(() => speechSynthesis.spoken.length)).toBeGreaterThan(held);

    // A new speed applies at once, to the block being read.
    await page.getByLabel('Speed').selectOption('1.5');
    await expect.poll(() => page.evaluate(() => speechSynthesis.spoken.at(-1).rate)).toBe(1.5);

    // The highlighted block is kept in view as reading goes down the page.
    await expect.poll(() => page.evaluate(() => {
      const r = document.querySelector('.listening').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);

    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.locator('.listening')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop' })).toBeHidden();
  });

  test('starts where the reader is, and stops when they leave the article', async ({ page }) => {
    await page.goto(`/articles/${SLUG}`);
    await appReady(page);
    const at = await page.evaluate(() => {
      const el = [...document.querySelectorAll('main .article-body > p')].filter((p) => p.textContent.length > 80)[4];
      window.scrollTo(0, scrollY + el.getBoundingClientRect().top + 2);
      return el.textContent;
    });
    // Started from where the reader is (as its keyboard shortcut does; a
    // click would first scroll up to the button).
    await page.getByRole('button', { name: 'Listen' }).dispatchEvent('click');
    await expect(page.locator('.listening')).toHaveText(at);
    // In-app navigation to another story.
    const other = listing('latest').items.find((s) => s.slug !== SLUG && s.kind !== 'brief');
    await openInApp(page, `/articles/${other.slug}`);
    await expect(page.locator('h1.headline')).toHaveText(other.headline);
    expect(await page.evaluate(() => speechSynthesis.cancelled)).toBeGreaterThan(0);
    const spoken = await page.evaluate(() => speechSynthesis.spoken.length);
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => speechSynthesis.spoken.length)).toBe(spoken);
    await expect(page.getByRole('button', { name: 'Listen' })).toBeVisible();
  });
});
