import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readdirSync, readFileSync } from "node:fs";
import { collectConsoleProblems, expectAccessible, registerByPosts, waitForHydration } from "./support";

// The office flow with the demo data: at Stockholm City, Abdirahman Warsame and Amira
// Hassan each have a visit starting within half an hour of the server's start (demo job
// seekers 43 and 45), and Warsame another an hour later (44). Every reception takes six
// visitors an hour on weekdays.
const STAFF_PASSWORD = "demo-personal-2026";
const SEEKER_PASSWORD = "demo-sokande-2026";
const MANAGER = "chef.stockholm-city@tidbok.example";

/** Desktop and phone run side by side against one server: each gets people of its own. */
function lane(info: TestInfo): number {
  return info.project.name === "phone" ? 1 : 0;
}

async function signInStaff(page: Page, email: string) {
  await page.goto("/personal/logga-in");
  await page.getByLabel("E-postadress på jobbet").fill(email);
  await page.getByLabel("Lösenord").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/\/personal\/kalender/);
}

async function signInSeeker(page: Page, email: string) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(SEEKER_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/mina-sidor/);
}

test("a visitor says “Jag är här” from their phone and the counsellor sees them waiting", async ({ page, browser }, info) => {
  // Two people in two browsers, four sign-ins and three axe runs.
  test.setTimeout(90_000);
  const problems = collectConsoleProblems(page);
  const [seeker, counsellor] = [
    ["demo.sokande43@example.se", "abdirahman.warsame@tidbok.example"],
    ["demo.sokande45@example.se", "amira.hassan@tidbok.example"],
  ][lane(info)];
  // The phone lane does it all without JavaScript (a weak network, scripts not loaded).
  const scripts = lane(info) === 0;
  const p = scripts
    ? page
    : await (
        await browser.newContext({
          javaScriptEnabled: false,
          viewport: { width: 360, height: 740 },
          locale: "sv-SE",
          timezoneId: "Europe/Stockholm",
          baseURL: info.project.use.baseURL,
        })
      ).newPage();
  const hydrated = async () => {
    if (scripts) await waitForHydration(p);
  };
  // axe-core runs in the page, so it checks the lane with scripts.
  const accessible = async () => {
    if (scripts) await expectAccessible(p);
  };
  await signInSeeker(p, seeker);
  await hydrated();
  const visitor = (await p.locator("section[aria-labelledby='uppgifter'] dl.facts dd").first().textContent())!.trim();
  // With scripts, the counsellor has the office page open in a browser of their own: it
  // shows the arrival by itself, without anyone reloading it.
  let reception: Page | undefined;
  if (scripts) {
    const staff = await browser.newContext({
      baseURL: info.project.use.baseURL,
      locale: "sv-SE",
      timezoneId: "Europe/Stockholm",
    });
    reception = await staff.newPage();
    await signInStaff(reception, counsellor);
    await reception.goto("/personal/kontor");
    await waitForHydration(reception);
    await expect(reception.getByRole("row").filter({ hasText: visitor })).toContainText("Väntas");
  }
  // Mina sidor offers it on the visit's card; the meeting's page too.
  const card = p.locator(".meeting-card", { hasText: "Besök på ett kontor" }).first();
  await expect(card.getByRole("button", { name: "Jag är här" })).toBeVisible();
  await card.getByRole("link").first().click();
  await p.waitForURL(/\/mina-sidor\/mote\/\d+/);
  const meetingUrl = p.url();
  const section = p.getByRole("region", { name: "På kontoret" });
  await expect(section).toBeVisible();
  await accessible();
  await section.getByRole("button", { name: "Jag är här" }).click();
  await p.waitForURL(/har-kommit=1/);
  await expect(p.getByText(/Du sa att du är här kl\. \d\d:\d\d/)).toBeVisible();
  if (reception) {
    await expect(reception.getByRole("row").filter({ hasText: visitor })).toContainText(/Här sedan \d\d:\d\d/, {
      timeout: 15_000,
    });
    await reception.context().close();
  }
  await expect(p.getByRole("button", { name: "Jag är här" })).toHaveCount(0);
  await accessible();
  await p.getByRole("button", { name: "Logga ut" }).click();

  // The counsellor's day shows who has arrived and for how long they have waited. (The
  // visit may lie outside the board's 07–19 when the suite runs at night, so the panel is
  // opened by its address rather than by clicking the block.)
  const meeting = meetingUrl.match(/mote\/(\d+)/)![1];
  await signInStaff(p, counsellor);
  // Today's day view (also on a weekend, which the week view leaves out).
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  await p.goto(`/personal/kalender?dag=${today}&mote=${meeting}`);
  await hydrated();
  const panel = p.locator("#mote");
  const name = (await panel.getByRole("heading", { level: 2 }).first().textContent())!.trim();
  const block = p.locator(".board__meeting", { hasText: name });
  await expect(block).toContainText(/Här sedan \d\d:\d\d · väntat \d+ min/);
  await expect(panel.getByText(/Här sedan \d\d:\d\d, väntat \d+ min/)).toBeVisible();
  await panel.getByRole("button", { name: "Hämtad" }).click();
  await expect(panel.getByText(/Hämtad, väntade \d+ min/)).toBeVisible();
  await expect(p.locator(".board__meeting", { hasText: name })).toContainText(/Hämtad · väntade \d+ min/);
  await accessible();
  expect(problems).toEqual([]);
});

test("the office's load, today's visitors and reception marking arrival", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  await signInStaff(page, MANAGER);
  await page.getByRole("link", { name: "Kontoret", exact: true }).click();
  await page.waitForURL(/\/personal\/kontor/);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kontor Stockholm City");

  // The heatmap is a table a screen reader can read: caption, hour columns, day rows.
  const table = page.getByRole("table", { name: /Bokade besök per timme mot receptionens kapacitet/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "09" })).toBeAttached();
  // Friday closes at 15: its later hours say "Stängt" instead of a capacity.
  await expect(table.locator("td.heat--closed", { hasText: "Stängt" }).first()).toBeAttached();
  await expect(table.getByRole("columnheader", { name: "Hela dagen" })).toBeAttached();
  await expect(table.getByRole("rowheader")).toHaveCount(20);
  // Open hours carry the capacity. (At night the demo's visits of today lie before opening:
  // those hours show their count alone.)
  await expect(table.locator("td.heat:not(.heat--closed)").filter({ hasText: /\d+ av 6/ }).first()).toBeVisible();
  // Today has the demo's visits, counted against six an hour.
  await expect(table.locator("td.heatmap__total").filter({ hasText: /^[1-9]\d* av / }).first()).toBeVisible();

  // Today's visitors: the one an hour from now is expected; reception marks them (desktop
  // lane only: the phone lane reads the same list).
  const visits = page.getByRole("table").filter({ hasText: "Besökare" });
  await expect(visits.getByRole("rowheader")).toHaveCount(3);
  if (lane(info) === 0) {
    const expected = visits.getByRole("row").filter({ hasText: "Väntas" }).filter({ hasText: "Abdirahman Warsame" });
    const mark = expected.last().getByRole("button", { name: /har kommit$/ });
    const who = (await mark.getAttribute("aria-label"))!.replace(/ har kommit$/, "");
    const row = visits.getByRole("row").filter({ hasText: who });
    await mark.click();
    await page.waitForURL(/#besok-\d+/);
    await expect(row).toContainText(/Här sedan \d\d:\d\d/);
    // A slip is taken back within the minute, and marked again.
    await row.getByRole("button", { name: `Ångra: ${who} har kommit` }).click();
    await expect(row).toContainText("Väntas");
    await expect(row.getByRole("button", { name: /^Ångra/ })).toHaveCount(0);
    await row.getByRole("button", { name: `${who} har kommit` }).click();
    await expect(row).toContainText(/Här sedan \d\d:\d\d/);
  }
  await expectAccessible(page);

  // The follow-up figures: charts with their numbers, and the same as CSV.
  await page.getByRole("link", { name: "Uppföljning" }).click();
  await page.waitForURL(/\/personal\/kontor\/uppfoljning/);
  await expect(page.getByText("Registrerade och bokade själva online")).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "Sanna Lindqvist" }).first()).toBeVisible();
  const csvHref = await page.getByRole("link", { name: /^Ladda ner som CSV för Excel/ }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  // As Swedish Excel opens it: UTF-8 with a byte-order mark, semicolons, decimal commas.
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(body, { delimiter: ";", bom: true });
  expect(rows[0].slice(0, 3)).toEqual(["Kontor eller arbetsförmedlare", "Från", "Till"]);
  expect(rows[1][0]).toBe("Kontor Stockholm City");
  expect(rows.some((r) => r[0] === "Sanna Lindqvist")).toBe(true);
  expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  expect(rows.flat().filter((c) => /^\d+\.\d$/.test(c))).toEqual([]);
  // The other form: commas and decimal points, the same rows.
  const plainHref = await page.getByRole("link", { name: "CSV med komma och decimalpunkt" }).getAttribute("href");
  const plain: string[][] = parse(await (await page.request.get(plainHref!)).body(), { delimiter: "," });
  expect(plain.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  expect(plain.flat().filter((c) => /^\d+,\d$/.test(c))).toEqual([]);
  // A period that ends before it starts is refused next to its field.
  await page.getByLabel("Från och med").fill("2026-11-30");
  await page.getByLabel("Till och med").fill("2026-11-01");
  await page.getByRole("button", { name: "Visa" }).last().click();
  await expect(page.getByText("Slutet kan inte vara före början.")).toBeVisible();
  await expect(page.getByLabel("Till och med")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Från och med")).toHaveValue("2026-11-30");
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the office manager edits the capacity in place; a mistake comes back by its field", async ({ page }, info) => {
    // Göteborg on desktop, Malmö on the phone: each lane its own office.
    const manager = ["chef.goteborg-centrum@tidbok.example", "chef.malmo-centrum@tidbok.example"][lane(info)];
    await signInStaff(page, manager);
    await page.goto("/personal/kontor");
    const monday = page.getByLabel("Besökare per timme, måndag");
    await expect(monday).toHaveValue("6");
    await monday.fill("3");
    await page.getByLabel("Besökare per timme, tisdag").fill("många");
    await page.getByLabel("Mål: andel av dagens kapacitet (%)").fill("80");
    await page.getByRole("button", { name: "Spara kapaciteten" }).click();
    await page.waitForURL(/#kapacitet/);
    const tuesday = page.getByLabel("Besökare per timme, tisdag");
    await expect(tuesday).toHaveValue("många");
    await expect(tuesday).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Skriv ett heltal från 0 till 200, eller lämna tomt.")).toBeVisible();
    await expect(page.getByLabel("Besökare per timme, måndag")).toHaveValue("3");
    await tuesday.fill("4");
    await page.getByRole("button", { name: "Spara kapaciteten" }).click();
    await expect(page.getByText("Kapaciteten är sparad. Nya bokningar följer den.")).toBeVisible();
    await expect(page.getByLabel("Besökare per timme, tisdag")).toHaveValue("4");
    await expect(page.getByLabel("Mål: andel av dagens kapacitet (%)")).toHaveValue("80");
    // The load view now measures Mondays against three an hour.
    const mondayRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^måndag/ }) }).first();
    await expect(mondayRow.locator("td.heat").first()).toContainText("av 3");
  });

  test("a booking writes its confirmation email with the calendar file", async ({ page }) => {
    const email = await registerByPosts(page);
    await page.goto("/boka");
    await page.getByLabel("Telefonsamtal").check();
    await page.getByRole("button", { name: "Visa lediga tider" }).click();
    await page.locator("[data-day-times]:visible .time label").first().click();
    await page.getByRole("button", { name: "Boka vald tid" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte är bokat.");
    // The worker writes each email as an .eml file (no SMTP server in the tests).
    const dir = process.env.E2E_MAIL_DIR ?? "../target/e2e/mail";
    const sent = async () =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".eml"))
        .map((f) => readFileSync(`${dir}/${f}`, "utf8"))
        .find((text) => text.includes(`To: ${email}`));
    await expect.poll(sent, { timeout: 15_000 }).toBeTruthy();
    const message = (await sent())!;
    expect(message).toContain("Message-ID: <tidbok-outbox-");
    expect(message).toContain("text/calendar");
    expect(message).toContain('filename="mote.ics"');
  });
});
