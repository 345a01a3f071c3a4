import { expect, test } from "./fixtures";
import { expectAccessible, signInStaff } from "./support";

// The access log: an office manager reads who opened which job seeker's data (the demo has
// Sanna Lindqvist preparing last week's meetings), searches it, and downloads it as CSV.
// Other tests open meetings meanwhile, so lines are picked by who opened them.
test("an office manager searches the access log and downloads it", async ({ page }) => {
  await signInStaff(page, "chef.stockholm-city@tidbok.example");
  await page.getByRole("link", { name: "Åtkomstlogg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Åtkomstlogg");
  await expect(page.locator(".lead")).toContainText("Stockholm City");
  const rows = page.locator(".access-log__table tbody tr");
  const sannas = rows.filter({ hasText: "Sanna Lindqvist" });
  await expect(sannas.first()).toBeVisible();
  // Personal identity numbers are masked.
  await expect(sannas.first()).toContainText(/\d{8}-\*\*\*\*/);
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // By name: every line is that person's.
  const seeker = (await sannas.first().locator("td").nth(2).textContent())!.replace(/\d{8}-\*{4}/, "").trim();
  const lastName = seeker.split(" ").slice(-1)[0];
  await page.getByLabel("Arbetssökande").fill(lastName.toLowerCase());
  await page.getByRole("button", { name: "Sök i loggen" }).click();
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText(lastName);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search is a plain form: a mistake is named next to the field", async ({ page }) => {
    await signInStaff(page, "admin@tidbok.example");
    await page.goto("/personal/admin/atkomstlogg");
    await expect(page.locator(".lead")).toContainText("Hela myndighetens logg");
    // A mistyped number is named next to the field, and what was typed stays.
    await page.getByLabel("Arbetssökande").fill("12345");
    await page.getByRole("button", { name: "Sök i loggen" }).click();
    await expect(page.getByText("Skriv 12 siffror")).toBeVisible();
    await expect(page.getByLabel("Arbetssökande")).toHaveValue("12345");
    await expect(page.getByLabel("Arbetssökande")).toHaveAttribute("aria-invalid", "true");

    // The CSV for Excel: a byte-order mark, semicolons, masked numbers.
    await page.getByLabel("Arbetssökande").fill("");
    await page.getByRole("button", { name: "Sök i loggen" }).click();
    const href = await page.getByRole("link", { name: "Ladda ner som CSV (för Excel)" }).getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const body = await res.text();
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trim().split(/\r?\n/);
    expect(lines[0].split(";")).toEqual([
      "Tid",
      "Personal",
      "Kontor",
      "Arbetssökande eller arbetsgivare",
      "Personnummer eller organisationsnummer",
      "Orsak",
      "Möte",
    ]);
    expect(lines.length).toBeGreaterThan(1);
    // A person's number masked; an employer's organisation number (public) in full; none
    // for a search that found nobody.
    for (const line of lines.slice(1)) expect(line.split(";")[4]).toMatch(/^(\d{8}-\*{4}|\d{6}-\d{4}|)$/);
  });
});

test("coverage: each field of the office, how and in which languages, gaps in words", async ({ page }) => {
  await signInStaff(page, "chef.umea@tidbok.example");
  await page.getByRole("link", { name: "Täckning" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Täckning");
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(1);
  const rows = page.locator(".coverage__table tbody tr");
  expect(await rows.count()).toBeGreaterThan(10);
  // A small office does not cover every field: those rows say "Ingen" in words.
  await expect(page.locator(".coverage__gap").first()).toContainText("Ingen");
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
});

test("a counsellor is told the access log is not theirs", async ({ page }) => {
  await signInStaff(page, "karin.ekstrom@tidbok.example");
  await expect(page.getByRole("link", { name: "Åtkomstlogg" })).toHaveCount(0);
  await page.goto("/personal/admin/atkomstlogg");
  await expect(page.getByRole("alert")).toContainText("administratörer och kontorschefer");
});
