import { expect, test } from "./fixtures";
import { collectConsoleProblems, expectAccessible, waitForHydration } from "./support";

test.describe("start page", () => {
  test("explains the service in Swedish and lists the offices from the database", async ({ page }) => {
    const problems = collectConsoleProblems(page);
    await page.goto("/");
    await expect(page).toHaveTitle("Tidbok");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Skriv in dig och boka ditt första möte",
    );
    await expect(page.getByRole("heading", { name: "Så går det till" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Det här behöver du ha till hands" })).toBeVisible();
    // The demo offices, read from the database (and any an administrator test has added).
    const offices = page.locator("ul.offices > li");
    await expect(offices.filter({ hasText: "Kontor" })).not.toHaveCount(0);
    expect(await offices.count()).toBeGreaterThanOrEqual(4);
    await expect(page.getByRole("heading", { name: "Kontor Umeå" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Öppettider" }).first()).toContainText("Måndag");
    await waitForHydration(page);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  test("has hydrated: the office search filters the list as you type", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    const search = page.getByLabel("Sök kontor efter ort eller namn");
    await search.fill("gote");
    await expect(page.locator("ul.offices > li")).toHaveCount(1);
    await expect(page.getByRole("heading", { name: "Kontor Göteborg Centrum" })).toBeVisible();
    await expect(page.getByText(/^Visar 1 av \d+ kontor$/)).toBeVisible();
    await search.fill("ingenstans");
    await expect(page.getByText("Inget kontor matchar din sökning.")).toBeVisible();
    await expectAccessible(page);
  });

  test("switches to English and back, and remembers the choice", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register and book your first meeting");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The islands still work in English.
    await waitForHydration(page);
    await page.getByLabel("Search offices by town or name").fill("umea");
    await expect(page.getByText(/^Showing 1 of \d+ offices$/)).toBeVisible();
    await expectAccessible(page);
    // The choice is remembered: a reload renders English on the server.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register and book your first meeting");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skriv in dig och boka ditt första möte");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  test("can be used with the keyboard: skip link first, then the header", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("unknown pages say so in plain words with a 404", async ({ page }) => {
    const response = await page.goto("/finns-inte");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
    await expectAccessible(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page is complete and the language switch works as a link", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Kontor Umeå" })).toBeVisible();
    await page.getByTestId("language-switch").click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register and book your first meeting");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

// axe-core runs as JavaScript in the page, so the server-rendered page is checked with the
// app's own scripts blocked instead: what a browser without JavaScript gets.
test("the server-rendered page, without the app's scripts, is accessible", async ({ page }) => {
  await page.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Kontor Umeå" })).toBeVisible();
  await expect(page.locator("body[data-hydrated]")).toHaveCount(0);
  await expectAccessible(page);
});

test("GET /health reports the database", async ({ request }) => {
  const res = await request.get("/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.database.reachable).toBe(true);
  expect(["sqlite", "postgres"]).toContain(body.database.backend);
  if (process.env.E2E_EXPECT_BACKEND) expect(body.database.backend).toBe(process.env.E2E_EXPECT_BACKEND);
});
