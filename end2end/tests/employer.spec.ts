import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import {
  addDays,
  collectConsoleProblems,
  emailTo,
  expectAccessible,
  lane,
  PASSWORD,
  signInStaff,
  today,
  waitForHydration,
} from "./support";

// The employer's side: an organisation registers, its contact person invites a colleague
// who makes their own account, and they describe a recruitment need. Each run registers an
// organisation of its own, so the two lanes never meet.

/** A valid organisation number nobody else in this run has (third and fourth digits ≥ 20,
 * Luhn over all ten). */
function newOrgNumber(): string {
  const digits = [5, 5, 2 + Math.floor(Math.random() * 8), Math.floor(Math.random() * 10)];
  for (let i = 0; i < 5; i++) digits.push(Math.floor(Math.random() * 10));
  let sum = 0;
  digits.forEach((d, i) => {
    let v = d * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  });
  digits.push((10 - (sum % 10)) % 10);
  const s = digits.join("");
  return `${s.slice(0, 6)}-${s.slice(6)}`;
}

function unique(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@arbetsgivare.example`;
}

async function fillRegistration(page: Page, org: string, email: string) {
  await page.getByLabel("Organisationsnummer").fill(org);
  await page.getByLabel("Organisationens namn").fill("Korvkiosken på torget AB");
  await page.getByLabel("Gatuadress").fill("Stora torget 2");
  await page.getByLabel("Postnummer").fill("411 17");
  await page.getByLabel("Ort").fill("Göteborg");
  await page.getByLabel("Kommun", { exact: true }).fill("Göteborg");
  await page.getByLabel("Förnamn").fill("Karin");
  await page.getByLabel("Efternamn").fill("Berg");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Telefonnummer").fill("031-123 45 67");
  await page.getByLabel("Lösenord").fill(PASSWORD);
}

test("an employer registers, invites a colleague, describes a need and books a video meeting about it", async ({
  page,
  browser,
}, info) => {
  // Three people in three browsers, and axe on every page.
  test.setTimeout(120_000);
  const problems = collectConsoleProblems(page);
  await page.goto("/");
  await page.getByRole("link", { name: "För arbetsgivare" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("För arbetsgivare");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Registrera er organisation" }).click();
  await waitForHydration(page);
  // A wrong check digit is named before anything is sent.
  const org = newOrgNumber();
  const email = unique("karin");
  await fillRegistration(page, org.slice(0, 10) + String((Number(org.slice(10)) + 1) % 10), email);
  await page.getByRole("button", { name: "Registrera organisationen" }).click();
  await expect(page.locator("#f-org_number-fel")).toContainText("Sista siffran stämmer inte");
  await expect(page.getByLabel("Organisationsnummer")).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel("Organisationsnummer").fill(org);
  await page.getByRole("button", { name: "Registrera organisationen" }).click();
  await expect(page).toHaveURL(/\/arbetsgivare\/oversikt/);
  await expect(page.getByRole("status")).toContainText("Organisationen är registrerad");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Korvkiosken på torget AB");
  await expect(page.locator(".facts")).toContainText(org);
  await expectAccessible(page);

  // Invite a colleague; they make their own account with the link in the email.
  const colleague = unique("ali");
  await page.getByLabel("Kollegans e-postadress").fill(colleague);
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(page.getByText(`Vi har skickat en inbjudan till ${colleague}`)).toBeVisible();
  const mail = await emailTo(colleague);
  const link = mail.match(/https?:\/\/\S+\/arbetsgivare\/inbjudan\/[0-9a-f]{64}/)![0];
  const other = await browser.newContext({ locale: "sv-SE", viewport: page.viewportSize()! });
  const ali = await other.newPage();
  await ali.goto(new URL(link).pathname);
  await expect(ali.locator(".lead")).toContainText("Korvkiosken på torget AB");
  await ali.getByLabel("Förnamn").fill("Ali");
  await ali.getByLabel("Efternamn").fill("Demir");
  await ali.getByLabel("Telefonnummer").fill("070-111 22 33");
  await ali.getByLabel("Lösenord").fill(PASSWORD);
  await expectAccessible(ali);
  await ali.getByRole("button", { name: "Skapa mitt konto" }).click();
  await expect(ali.getByRole("status")).toContainText("Välkommen");
  await expect(ali.locator("#kollegor")).toContainText("Karin Berg");
  await other.close();

  // A need: the occupation picked by searching as you type; a mistake named; published.
  await page.getByRole("link", { name: "Beskriv ett nytt behov" }).click();
  await waitForHydration(page);
  await page.getByLabel("Rubrik").fill("Grillkockar till sommaren");
  await page.getByLabel("Sök yrke").fill("grillkock");
  await page.getByRole("button", { name: /^Kock/ }).click();
  await expect(page.locator("#yrken .chip")).toContainText("Kock");
  await page.getByLabel("Antal tjänster").fill("0");
  await page.getByLabel("Säsongsanställning").check();
  await page.getByLabel("Deltid").check();
  const start = addDays(today(), 60);
  await page.getByLabel("Tidigaste start").fill(start);
  await page.getByLabel("Sista ansökningsdag").fill(addDays(today(), 30));
  await page.getByRole("button", { name: "Publicera behovet" }).click();
  await expect(page.locator("#f-positions-fel")).toContainText("från 1 till 999");
  await expectAccessible(page);
  await page.getByLabel("Antal tjänster").fill("2");
  await page.getByRole("button", { name: "Publicera behovet" }).click();
  await expect(page).toHaveURL(/klart=publicerat/);
  await expect(page.getByRole("status")).toContainText("Behovet är publicerat");
  const card = page.locator(".need-card", { hasText: "Grillkockar till sommaren" });
  await expect(card).toContainText("Kock");
  await expect(card).toContainText("2 tjänster");
  await expect(card).toContainText("Öppet");
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // A video meeting about the need, with a counsellor who works with employers at the
  // organisation's own office. Each lane takes a day of its own.
  await card.getByRole("link", { name: "Boka ett möte om behovet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boka ett möte");
  await expect(page.getByLabel("Vad vill ni prata om?")).toHaveValue(/\d+/);
  await page.getByLabel("Video").check();
  await page.getByRole("button", { name: "Visa lediga tider" }).click();
  await waitForHydration(page);
  await expect(page.getByText("Kontor Göteborg Centrum, ert kontor")).toBeVisible();
  await expectAccessible(page);
  const day = page.locator("a[data-day]").nth(1 + lane(info));
  const date = (await day.getAttribute("data-day"))!;
  await day.click();
  const times = page.locator(`[data-day-times='${date}']`);
  const first = times.locator(".time label").first();
  const clock = (await first.locator(".time__clock").textContent())!.trim();
  await expect(first.locator(".time__who")).toHaveText("Lucía Fernández");
  await first.click();
  await page.getByRole("button", { name: "Boka vald tid" }).click();
  await expect(page).toHaveURL(/\/arbetsgivare\/mote\/\d+\?bokad=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte är bokat.");
  await expect(page.locator(".facts")).toContainText(clock);
  await expect(page.locator(".facts")).toContainText("Grillkockar till sommaren");
  await expect(page.getByRole("link", { name: "Gå till videomötet" })).toBeVisible();
  await expectAccessible(page);
  const meeting = page.url().match(/mote\/(\d+)/)![1];
  const confirmation = await emailTo(email);
  expect(confirmation).toContain(`/arbetsgivare/mote/${meeting}`);

  // The counsellor finds it in her calendar as a meeting with an employer, and its panel
  // tells her about the organisation and the need.
  const staff = await browser.newContext({ locale: "sv-SE", viewport: page.viewportSize()! });
  const lucia = await staff.newPage();
  await signInStaff(lucia, "lucia.fernandez@tidbok.example");
  await lucia.goto(`/personal/kalender?dag=${date}&mote=${meeting}`);
  const block = lucia.locator(".board__meeting", { hasText: "Korvkiosken på torget AB" });
  await expect(block).toContainText("Möte med arbetsgivare");
  const panel = lucia.locator("#mote");
  await expect(panel.getByRole("heading", { level: 2 })).toContainText("Korvkiosken på torget AB");
  await expect(panel).toContainText("Grillkockar till sommaren");
  await expect(panel).toContainText(email);
  await expectAccessible(lucia);
  await staff.close();
  expect(problems).toEqual([]);
});

test("a counsellor records how yesterday's meeting with an employer went, and notes it", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  // The demo's employer meetings of the last working day, one for each lane.
  const [counsellor, organisation] = [
    ["layla.haddad@tidbok.example", "Omsorgen i Malmö AB"],
    ["maria.nystrom@tidbok.example", "Norrlandslogistik AB"],
  ][lane(info)];
  await signInStaff(page, counsellor);
  const toReport = page.locator(".calendar__to-report");
  await toReport.getByRole("link", { name: new RegExp(organisation) }).click();
  const panel = page.locator("#mote");
  await expect(panel.getByRole("heading", { level: 2 })).toContainText(organisation);
  await expect(panel).toContainText("Vad mötet gäller");
  await expectAccessible(page);
  await panel.getByRole("button", { name: "Mötet är genomfört" }).click();
  await expect(page.locator("#mote").getByRole("status")).toHaveText("Utfallet är sparat.");
  await page.locator("#mote").getByLabel("Skriv en anteckning i ärendet").fill("Vill träffa kandidater i januari.");
  await page.locator("#mote").getByRole("button", { name: "Spara anteckningen" }).click();
  await expect(page.locator("#mote").getByRole("status")).toHaveText("Anteckningen är sparad.");
  await expect(page.locator("#mote .timeline")).toContainText("Vill träffa kandidater i januari.");
  // Nothing of it is left to report.
  await expect(page.locator(".calendar__to-report", { hasText: organisation })).toHaveCount(0);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("a counsellor cancels a coming meeting with an employer, who is told why", async ({ page, browser }, info) => {
  const problems = collectConsoleProblems(page);
  // The demo's coming employer meetings, one for each lane.
  const [counsellor, employer, organisation] = [
    ["layla.haddad@tidbok.example", "yusuf.karimi@omsorgen.example", "Omsorgen i Malmö AB"],
    ["maria.nystrom@tidbok.example", "elin.holmgren@norrlandslogistik.example", "Norrlandslogistik AB"],
  ][lane(info)];
  await page.goto("/arbetsgivare/logga-in");
  await page.getByLabel("E-postadress").fill(employer);
  await page.getByLabel("Lösenord").fill("demo-arbetsgivare-2026");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/arbetsgivare\/oversikt$/);
  const coming = page.locator("#moten ul.plain-list").first().locator("a");
  await expect(coming).toHaveCount(1);
  const meeting = (await coming.getAttribute("href"))!.match(/(\d+)$/)![1];

  const staff = await browser.newContext({ locale: "sv-SE", viewport: page.viewportSize()! });
  const desk = await staff.newPage();
  const deskProblems = collectConsoleProblems(desk);
  await signInStaff(desk, counsellor);
  await desk.goto(`/personal/kalender?mote=${meeting}`);
  const panel = desk.locator("#mote");
  await expect(panel.getByRole("heading", { level: 2 })).toContainText(organisation);
  await expect(panel).toContainText("Arbetsgivaren får veta det med mejl");
  await expect(panel.getByRole("heading", { name: "Flytta mötet" })).toBeVisible();
  await panel.getByLabel("Arbetsförmedlaren är frånvarande").check();
  await panel.getByRole("button", { name: "Avboka mötet" }).click();
  await expect(desk.locator("#mote").getByRole("status")).toHaveText(
    "Mötet är avbokat. Arbetsgivaren får veta det med mejl.",
  );
  await expect(desk.locator("#mote .timeline")).toContainText("avbokade mötet");
  await expectAccessible(desk);
  expect(deskProblems).toEqual([]);
  await staff.close();

  await expect.poll(() => emailTo(employer), { timeout: 15_000 }).toContain("Arbetsförmedlingen har avbokat");
  await page.reload();
  await expect(page.locator("#moten")).toContainText("Inga bokade möten.");
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("without JavaScript an employer registers and keeps a need as a draft", async ({ page }) => {
  await page.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  await page.goto("/arbetsgivare/registrera");
  await fillRegistration(page, newOrgNumber(), unique("utan-js"));
  await page.getByRole("button", { name: "Registrera organisationen" }).click();
  await expect(page).toHaveURL(/\/arbetsgivare\/oversikt/);
  await page.getByRole("link", { name: "Beskriv ett nytt behov" }).click();
  await page.getByLabel("Rubrik").fill("Lagerpersonal");
  // Without scripts the search is a button: the server lists what it found.
  await page.getByLabel("Sök yrke").fill("lager");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page).toHaveURL(/sok=lager/);
  await expect(page.getByLabel("Rubrik")).toHaveValue("Lagerpersonal");
  await page.getByRole("button", { name: /^Lagerarbetare/ }).click();
  await expect(page.locator("#yrken .chip")).toContainText("Lagerarbetare");
  await page.getByRole("button", { name: "Spara som utkast" }).click();
  await expect(page.getByRole("status")).toContainText("Utkastet är sparat");
  await page.getByRole("link", { name: "Lagerpersonal" }).click();
  await expect(page.getByLabel("Rubrik")).toHaveValue("Lagerpersonal");
  await expect(page.locator("#yrken .chip")).toContainText("Lagerarbetare");
});
