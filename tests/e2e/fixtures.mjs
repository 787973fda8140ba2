// The journeys' `test`: Playwright's, plus a check that runs in every
// journey: the page never breaks the site's security policy (any
// `securitypolicyviolation` event fails the test, with what was blocked).
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
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
