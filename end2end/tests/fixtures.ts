import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";

/**
 * Every journey runs under the pages' Content-Security-Policy: a script, style or wasm the
 * policy refuses (Chromium says so on the console, and fires `securitypolicyviolation`) fails
 * the test, in the test's own pages and in every context it opens for another person.
 */
export const test = base.extend<{ contentPolicy: void }>({
  contentPolicy: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = (page: Page) => {
        page.on("console", (msg) => {
          if (/Content Security Policy/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
        });
      };
      const watchContext = (c: BrowserContext) => {
        c.pages().forEach(watch);
        c.on("page", watch);
      };
      watchContext(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const c = await newContext(...args);
        watchContext(c);
        return c;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, "nothing the Content-Security-Policy refused").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
