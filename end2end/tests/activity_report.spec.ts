import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { expectAccessible, lane, today, waitForHydration } from "./support";

// Demo job seekers registered over three months ago (every fourth), whose month due is not
// begun: each test and lane takes one of its own.
const SEEKER_PASSWORD = "demo-sokande-2026";

/** The month due now (the one before this Stockholm month): `YYYY-MM`. */
function dueMonth(): string {
  const [y, m] = today().split("-").map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

async function signIn(page: Page, email: string) {
  await page.goto("/logga-in?nasta=%2Fmina-sidor");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(SEEKER_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/mina-sidor$/);
}

/** Says every meeting of the month took place. */
async function confirmMeetings(page: Page) {
  for (const yes of await page.getByLabel("Ja, mötet blev av").all()) await yes.check();
}

async function addActivity(page: Page, kind: string, fill: Record<string, string>, way?: string, stage?: string) {
  const before = await page.locator("fieldset.entry").count();
  await page.getByRole("button", { name: kind, exact: true }).click();
  const entry = page.locator(`#aktivitet-${before}`);
  await expect(entry).toBeVisible();
  for (const [label, value] of Object.entries(fill)) await entry.getByLabel(label).fill(value);
  if (way) await entry.getByLabel("Hur hittade du jobbet?").selectOption({ label: way });
  if (stage) await entry.getByLabel("Hur långt har det kommit?").selectOption({ label: stage });
}

test("a job seeker files a month with two applications and a course, leaves, comes back, sends it and sees the receipt", async ({ page }, info) => {
  const month = dueMonth();
  await signIn(page, lane(info) === 0 ? "demo.sokande36@example.se" : "demo.sokande8@example.se");
  await page.getByRole("link", { name: "Lämna eller se dina aktivitetsrapporter" }).click();
  await expect(page.getByRole("heading", { name: "Aktivitetsrapport", level: 1 })).toBeVisible();
  await expect(page.getByText("Inte påbörjad")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Fyll i rapporten/ }).click();
  await expect(page).toHaveURL(new RegExp(`/mina-sidor/aktivitetsrapport/${month}$`));
  await waitForHydration(page);
  await expectAccessible(page);

  await addActivity(page, "Sökt jobb", { Datum: `${month}-03`, "Yrke eller tjänst": "Undersköterska", Arbetsgivare: "Sahlgrenska", Ort: "Göteborg" }, "Annonserat jobb", "Ansökan skickad");
  await addActivity(page, "Sökt jobb", { Datum: `${month}-10`, "Yrke eller tjänst": "Vårdbiträde", Arbetsgivare: "Attendo" }, "Tips från handläggaren", "Kallad till intervju");
  await addActivity(page, "Utbildning eller kurs", { Datum: `${month}-12`, "Kurs eller utbildning": "sfi kurs D", Anordnare: "Komvux" });
  await confirmMeetings(page);
  await page.getByRole("group", { name: /Har du arbetat under/ }).getByLabel("Nej").check();
  await page.getByRole("button", { name: "Spara utkast" }).click();
  await expect(page.getByText("Utkastet är sparat.")).toBeVisible();

  // Leave, and come back to the draft with everything in it.
  await page.goto("/mina-sidor");
  await page.goto("/mina-sidor/aktivitetsrapport");
  await expect(page.getByText("Utkast sparat")).toBeVisible();
  await page.getByRole("link", { name: /Fortsätt med rapporten/ }).click();
  await waitForHydration(page);
  await expect(page.locator("#aktivitet-1").getByLabel("Arbetsgivare")).toHaveValue("Attendo");
  await expect(page.locator("#aktivitet-2").getByLabel("Kurs eller utbildning")).toHaveValue("sfi kurs D");

  // The browser checks the whole report before it goes to review: a date outside the month.
  const date = page.locator("#aktivitet-1").getByLabel("Datum");
  await date.fill(`${today().slice(0, 7)}-01`);
  await page.getByRole("button", { name: "Granska rapporten" }).click();
  await expect(page.locator("#fel")).toBeVisible();
  await expect(page.locator("#fel")).toContainText("Datumet ska ligga i den månad du rapporterar.");
  await expect(page).toHaveURL(new RegExp(`/${month}$`));
  await date.fill(`${month}-10`);

  await page.getByRole("button", { name: "Granska rapporten" }).click();
  await expect(page).toHaveURL(new RegExp(`/${month}/granska$`));
  await expect(page.getByText("Undersköterska, Sahlgrenska, Göteborg")).toBeVisible();
  await expect(page.getByText("Har inte arbetat.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Skicka rapporten" }).click();
  await expect(page).toHaveURL(new RegExp(`/${month}/version/1$`));
  await expect(page.getByText("Tack! Din aktivitetsrapport är skickad.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Kvitto: aktivitetsrapport för/ })).toBeVisible();
  await expect(page.getByText("sfi kurs D, Komvux")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Aktivitetsrapport" }).first().click();
  await expect(page.getByRole("link", { name: /Visa kvittot/ }).first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a month is filled in, refused with its errors, corrected and sent with form posts", async ({ page }, info) => {
    const month = dueMonth();
    await signIn(page, lane(info) === 0 ? "demo.sokande20@example.se" : "demo.sokande24@example.se");
    await page.goto(`/mina-sidor/aktivitetsrapport/${month}`);
    await page.getByRole("button", { name: "Intervju", exact: true }).click();
    const entry = page.locator("#aktivitet-0");
    await entry.getByLabel("Datum").fill(`${month}-07`);
    await entry.getByLabel("Yrke eller tjänst").fill("Lagerarbetare");
    await confirmMeetings(page);
    await page.getByRole("group", { name: /Har du arbetat under/ }).getByLabel("Ja").check();
    await page.getByLabel("Antal dagar du arbetade").fill("2");
    await page.getByLabel("Antal timmar totalt").fill("7,5");
    await page.getByRole("button", { name: "Granska rapporten" }).click();
    // The server's answer: the errors next to their fields, everything typed kept.
    await expect(page.locator("#fel")).toContainText("Arbetsgivare");
    await expect(page.locator("#fel")).toContainText("Skriv antal timmar som ett heltal");
    await expect(page.locator("#aktivitet-0").getByLabel("Yrke eller tjänst")).toHaveValue("Lagerarbetare");
    await page.locator("#aktivitet-0").getByLabel("Arbetsgivare").fill("Postnord");
    await page.getByLabel("Antal timmar totalt").fill("15");
    await page.getByRole("button", { name: "Granska rapporten" }).click();
    await expect(page).toHaveURL(new RegExp(`/${month}/granska$`));
    await expect(page.getByText("Arbetade 2 dagar, 15 timmar totalt.")).toBeVisible();
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await expect(page.getByText("Tack! Din aktivitetsrapport är skickad.")).toBeVisible();
    await expect(page.getByText(/Lagerarbetare, Postnord/)).toBeVisible();
  });
});
