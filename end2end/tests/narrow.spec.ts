import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { expectAccessible } from "./support";

// Every page a job seeker sees, at the phone project's 360 px: none may scroll sideways
// (a badge, sentence or link cut off at the edge), in Swedish or in English.

const SEEKER_PASSWORD = "demo-sokande-2026";

/** How far the page reaches past the window's width, in CSS pixels (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The elements that stick out past the right edge, to say in the failure what to fix. */
async function widest(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
  });
}

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const extra = await overflow(page);
  expect(extra, `${path} is ${extra} px too wide: ${(await widest(page)).join(", ")}`).toBeLessThanOrEqual(0);
}

async function signIn(page: Page, email: string) {
  await page.goto("/logga-in?nasta=%2Fmina-sidor");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(SEEKER_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/mina-sidor$/);
}

/** Every page of a signed-in seeker: Mina sidor, each meeting and its cancel form, the
 * profile, the picker, and the picker moving each meeting. */
async function seekerPages(page: Page): Promise<string[]> {
  const meetings = await page
    .locator("a[href^='/mina-sidor/mote/']")
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href") ?? ""))]);
  const pages = ["/mina-sidor", "/mina-sidor/uppgifter", "/boka", "/mina-sidor/aktivitetsrapport"];
  for (const m of meetings.filter((href) => /^\/mina-sidor\/mote\/\d+$/.test(href))) {
    const id = m.split("/").pop();
    pages.push(m, `${m}/avboka`, `/boka?byt=${id}`);
  }
  return pages;
}

test.describe("at 360 px", () => {
  test.beforeEach(({}, info) => {
    test.skip(info.project.name !== "phone", "the phone project is 360 px wide");
  });

  test("no public page scrolls sideways", async ({ page }) => {
    for (const path of ["/", "/logga-in", "/registrera", "/registrera/erfarenhet", "/registrera/utbildning", "/registrera/onskemal", "/registrera/granska", "/personal/logga-in"]) {
      await expectNoSidewaysScroll(page, path);
    }
    await expectAccessible(page);
  });

  test("no staff page scrolls sideways, a meeting's panel included", async ({ page }) => {
    await page.goto("/personal/logga-in");
    await page.getByLabel("E-postadress på jobbet").fill("sanna.lindqvist@tidbok.example");
    await page.getByLabel("Lösenord").fill("demo-personal-2026");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(/\/personal\/kalender/);
    // A meeting of next week's busy calendar, its panel open beside the board.
    await page.getByRole("link", { name: "Nästa vecka" }).click();
    const meeting = await page.locator(".board__meeting").first().getAttribute("href");
    for (const path of [
      "/personal/kontor",
      "/personal/kontor/uppfoljning",
      "/personal/kontor/aktivitetsrapporter",
      "/personal/kontor/arbetsgivare",
      "/personal/arbetstider",
      "/personal/personer",
      meeting!,
    ]) {
      await expectNoSidewaysScroll(page, path);
    }
    await expectAccessible(page);
  });

  test("no employer page scrolls sideways, in Swedish or English", async ({ page, context }) => {
    for (const path of ["/arbetsgivare", "/arbetsgivare/registrera"]) {
      await expectNoSidewaysScroll(page, path);
    }
    await page.goto("/arbetsgivare/logga-in");
    await page.getByLabel("E-postadress").fill("karin.berg@korvkiosken.example");
    await page.getByLabel("Lösenord").fill("demo-arbetsgivare-2026");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL(/\/arbetsgivare\/oversikt$/);
    const needs = await page
      .locator("a[href^='/arbetsgivare/behov/']")
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href") ?? ""))]);
    const meetings = await page
      .locator("a[href^='/arbetsgivare/mote/']")
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href") ?? ""))]);
    expect(meetings.length, "the demo employer has meetings").toBeGreaterThan(1);
    const pages = [
      "/arbetsgivare/oversikt",
      ...needs,
      ...meetings,
      "/arbetsgivare/boka",
      "/arbetsgivare/boka?kanal=video",
      "/arbetsgivare/boka?kanal=office",
    ];
    expect(needs.length, "the demo employer has needs").toBeGreaterThan(2);
    for (const path of pages) await expectNoSidewaysScroll(page, path);
    await expectAccessible(page);
    await context.addCookies([{ name: "i18n_pref_locale", value: "en", url: page.url() }]);
    for (const path of pages) await expectNoSidewaysScroll(page, path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(page);
  });

  // Demo seekers 1, 2 and 3 meet by phone, by video and at the office (n % 3), each with a
  // meeting coming up; the pages are only looked at, never changed.
  for (const [n, how] of [
    [1, "phone"],
    [2, "video"],
    [3, "office"],
  ] as const) {
    test(`no page of a seeker meeting by ${how} scrolls sideways, in Swedish or English`, async ({ page, context }) => {
      await signIn(page, `demo.sokande${n}@example.se`);
      const pages = await seekerPages(page);
      expect(pages.length, "the demo seeker has a meeting").toBeGreaterThan(3);
      for (const path of pages) {
        await expectNoSidewaysScroll(page, path);
      }
      await expectAccessible(page);
      await context.addCookies([{ name: "i18n_pref_locale", value: "en", url: page.url() }]);
      for (const path of pages) {
        await expectNoSidewaysScroll(page, path);
      }
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expectAccessible(page);
    });
  }
});
