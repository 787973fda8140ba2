// The journeys' `test`: Playwright's, plus a check that runs in every
// journey: the page never breaks the site's security policy (any
// `securitypolicyviolation` event fails the test, with what was blocked).
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  // And the app never panics: a panic hands the page back to the browser
  // (src/panic.rs), which journeys would otherwise not notice.
  panics: [async ({ context }, use) => {
    const panics = [];
    context.on('console', (msg) => {
      if (msg.type() === 'error' && msg.text().includes('panicked at')) panics.push(msg.text().split('\n')[0]);
    });
    await use(panics);
    expect(panics, 'the app panicked').toEqual([]);
  }, { auto: true }],
  policyViolations: [async ({ context }, use) => {
    await context.addInitScript(() => {
      window.__policyViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__policyViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
      });
    });
    await use();
    const found = [];
    for (const page of context.pages()) {
      found.push(...(await page.evaluate(() => window.__policyViolations || []).catch(() => [])));
    }
    expect(found, 'security policy violations').toEqual([]);
  }, { auto: true }],
});

export { expect };
