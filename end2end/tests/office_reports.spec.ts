import { expect, test } from "./fixtures";
import { collectConsoleProblems, expectAccessible, signInStaff, today } from "./support";

// The office follows up its job seekers' monthly reports with the demo data: at Stockholm
// City, demo job seekers meet Sanna Lindqvist and her colleagues; some have sent the month
// due, some saved a draft, some not begun. The page only reads, so both lanes share it.

const MANAGER = "chef.stockholm-city@tidbok.example";
const SANNA = "sanna.lindqvist@tidbok.example";

/** `november 2026` for the month before this Stockholm month. */
function dueMonthText(): string {
  const [y, m] = today().split("-").map(Number);
  const d = new Date(Date.UTC(m === 1 ? y - 1 : y, (m + 10) % 12, 15));
  return new Intl.DateTimeFormat("sv-SE", { month: "long", year: "numeric", timeZone: "UTC" }).format(d);
}

test("an office manager follows up the month's reports, by counsellor", async ({ page }) => {
  const problems = collectConsoleProblems(page);
  await signInStaff(page, MANAGER);
  await page.getByRole("link", { name: "Aktivitetsrapporter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aktivitetsrapporter: Kontor Stockholm City");
  await expect(page.locator(".lead")).toContainText(`för ${dueMonthText()}`);
  await expect(page.locator(".lead")).toContainText("senast 14 ");
  const rows = page.locator(".office-reports__table tbody tr");
  await expect(rows.first()).toBeVisible();
  // The counts add up to the people listed.
  const heading = await page.locator("#orep-lage").textContent();
  const total = Number(heading!.match(/\d+/)![0]);
  expect(await rows.count()).toBe(total);
  const counts = page.locator(".office-reports__counts dd");
  let sum = 0;
  for (const dd of await counts.all()) sum += Number(await dd.textContent());
  expect(sum).toBe(total);
  // Every status of a month still open shows somewhere, in words; numbers are masked.
  for (const word of ["Skickad", "Utkast sparat", "Inte påbörjad"]) {
    await expect(rows.filter({ has: page.locator(".tag", { hasText: new RegExp(`^${word}$`) }) }).first()).toBeVisible();
  }
  await expect(rows.first().locator("th")).toContainText(/\d{8}-\*{4}/);
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // Sanna Lindqvist's people only.
  await page.getByLabel("Arbetsförmedlare").selectOption({ label: "Sanna Lindqvist" });
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/radgivare=\d+/);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.locator("td").first()).toHaveText("Sanna Lindqvist");
  await expect(page.getByLabel("Arbetsförmedlare")).toHaveValue(/\d+/);
  expect(problems).toEqual([]);
});

test("a counsellor opens a sent report from the list in the meeting's panel", async ({ page }) => {
  await signInStaff(page, SANNA);
  await page.goto("/personal/kontor/aktivitetsrapporter");
  await page.getByLabel("Arbetsförmedlare").selectOption({ label: "Sanna Lindqvist" });
  await page.getByRole("button", { name: "Visa" }).click();
  const sent = page
    .locator(".office-reports__table tbody tr")
    .filter({ has: page.locator(".tag", { hasText: /^Skickad$/ }) })
    .first();
  const who = (await sent.locator("th").textContent())!.replace(/\d{8}-\*{4}/, "").trim();
  await sent.getByRole("link", { name: "Öppna senaste mötet" }).click();
  const panel = page.locator("#mote");
  await expect(panel).toContainText(who);
  const report = panel.locator(".timeline li", { hasText: `Aktivitetsrapport för ${dueMonthText()}` });
  await expect(report).toBeVisible();
  await report.getByText("Visa hela rapporten").click();
  await expect(report.locator(".timeline__details ul li").first()).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the month and the counsellor are chosen with a plain form", async ({ page }) => {
    await signInStaff(page, MANAGER);
    await page.goto("/personal/kontor/aktivitetsrapporter");
    const month = page.getByLabel("Månad");
    const earlier = await month.locator("option").nth(1).getAttribute("value");
    await month.selectOption(earlier!);
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(new RegExp(`manad=${earlier}`));
    await expect(page.getByLabel("Månad")).toHaveValue(earlier!);
    await expect(page.locator(".lead")).toContainText("Den skulle lämnas senast");
    // A month long past: everything is sent, sent late or not sent in time; nothing open.
    await expect(page.locator(".office-reports__table .tag", { hasText: "Utkast sparat" })).toHaveCount(0);
    await expect(page.locator(".office-reports__table .tag", { hasText: "Inte påbörjad" })).toHaveCount(0);
    // An address that cannot be read is said next to its field.
    await page.goto("/personal/kontor/aktivitetsrapporter?radgivare=okand");
    await expect(page.getByText("Välj ett av alternativen.")).toBeVisible();
    await expect(page.getByLabel("Arbetsförmedlare")).toHaveAttribute("aria-invalid", "true");
  });
});

test("the list with a choice it cannot read is accessible with its scripts blocked", async ({ page }) => {
  await signInStaff(page, MANAGER);
  await page.route(/\/(pkg|staff)\/.*\.(js|wasm)$/, (route) => route.abort());
  await page.goto("/personal/kontor/aktivitetsrapporter?manad=1999-01");
  await expect(page.getByText("Välj ett av alternativen.")).toBeVisible();
  await expectAccessible(page);
});
