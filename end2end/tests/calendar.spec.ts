import { expect, test } from "./fixtures";
import { type Locator, type Page } from "@playwright/test";
import {
  addDays,
  collectConsoleProblems,
  emailTo,
  expectAccessible,
  lane,
  signInStaff,
  today,
  waitForHydration,
} from "./support";

// The counsellor's workspace with the demo data: Sanna Lindqvist (Stockholm City) has a full
// week next week (40 meetings) and two first meetings last Friday at 15:30 and 16:30 that
// wait for their outcome; Karin Ekström works at the same office.
const SEEKER_PASSWORD = "demo-sokande-2026";
const SANNA = "sanna.lindqvist@tidbok.example";
const KARIN = "karin.ekstrom@tidbok.example";

/** The Saturday `weeks` weeks after this week's: never open time in the demo. */
function saturday(weeks: number): string {
  const t = today();
  const monday0 = (new Date(`${t}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(t, 5 - monday0 + 7 * weeks);
}

/** Presses on `from` (at `fromY` pixels below its top, else its middle) and lets go on `to`. */
async function drag(page: Page, from: Locator, to: Locator, fromY?: number) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + (fromY ?? a.height / 2));
  await page.mouse.down();
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

test("a week of 40 meetings hydrates without a warning and is accessible", async ({ page }) => {
  const problems = collectConsoleProblems(page);
  await signInStaff(page, SANNA);
  await waitForHydration(page);
  await page.getByRole("link", { name: "Nästa vecka" }).click();
  await waitForHydration(page);
  await expect(page.locator(".board__meeting")).toHaveCount(40);
  // Each meeting says how it happens in words, not colour alone.
  await expect(page.locator(".board__meeting").first()).toContainText(/Besök på ett kontor|Telefonsamtal|Videomöte/);
  await expectAccessible(page);
  expect(problems, "console errors and warnings, e.g. hydration mismatches").toEqual([]);
});

test("open time by pointer: draw it, move it, stretch it; a refused change is undone", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  const day = saturday(3 + 2 * lane(info));
  await signInStaff(page, SANNA);
  await page.goto(`/personal/kalender?dag=${day}`);
  await waitForHydration(page);
  const cell = (m: number) => page.locator(`#ruta-0-${m}`);
  const message = page.locator(".board__message");
  await expect(page.locator(".board__open")).toHaveCount(0);

  await drag(page, cell(540), cell(645));
  await expect(page.getByRole("button", { name: "Öppen tid 09:00–11:00" })).toBeVisible();
  await expect(message).toHaveText("Sparat.");

  // Grabbed in its first quarter-hour and dropped at 10:00: it starts there.
  await drag(page, page.getByRole("button", { name: "Öppen tid 09:00–11:00" }), cell(600), 4);
  await expect(page.getByRole("button", { name: "Öppen tid 10:00–12:00" })).toBeVisible();
  await expect(message).toHaveText("Sparat.");

  await drag(page, page.locator(".board__edge"), cell(765));
  await expect(page.getByRole("button", { name: "Öppen tid 10:00–13:00" })).toBeVisible();
  await expect(message).toHaveText("Sparat.");

  // Drawn over the open time: shown at once, refused by the server, undone with the reason.
  await drag(page, cell(480), cell(600));
  await expect(message).toContainText("Ändringen är ångrad. Det finns redan öppen tid då.");
  await expect(page.locator(".board__open")).toHaveCount(1);
  // The browser reports the refusal (409 Conflict) itself; that is the only message allowed.
  const refusal = problems.findIndex((p) => p.includes("status of 409"));
  expect(refusal).toBeGreaterThanOrEqual(0);
  problems.splice(refusal, 1);

  await page.reload();
  await waitForHydration(page);
  await expect(page.getByRole("button", { name: "Öppen tid 10:00–13:00" })).toBeVisible();
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("open time by keyboard alone: arrows, Enter and the form, Alt and Shift arrows, Delete", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  const day = addDays(saturday(3 + 2 * lane(info)), 1);
  await signInStaff(page, SANNA);
  await page.goto(`/personal/kalender?dag=${day}`);
  await waitForHydration(page);
  const message = page.locator(".board__message");

  // The board is one stop in the tab order: its current cell.
  await page.locator(".board__cell[tabindex='0']").focus();
  await expect(page.locator("#ruta-0-480")).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await expect(page.locator("#ruta-0-540")).toBeFocused();
  await page.keyboard.press("Enter");
  const from = page.getByLabel("Från");
  const to = page.getByLabel("Till");
  await expect(from).toBeFocused();
  await expect(from).toHaveValue("09:00");
  await expect(to).toHaveValue("10:00");

  // A time field takes Tab between its hours, its minutes and its clock button first.
  for (let i = 0; i < 6 && !(await to.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(to).toBeFocused();
  await to.fill("08:00");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Sluttiden måste vara efter starttiden.")).toBeVisible();
  await expect(to).toBeFocused();
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await to.fill("10:30");
  await page.keyboard.press("Enter");

  const span = page.locator(".board__open-body");
  await expect(span).toHaveText("Öppen tid 09:00–10:30");
  await expect(message).toHaveText("Sparat.");
  await expect(span).toBeFocused();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(span).toHaveText("Öppen tid 09:15–10:45");
  await expect(message).toHaveText("Sparat.");
  await expect(span).toBeFocused();
  await page.keyboard.press("Shift+ArrowDown");
  await expect(span).toHaveText("Öppen tid 09:15–11:00");
  await expect(message).toHaveText("Sparat.");

  await page.reload();
  await waitForHydration(page);
  await expect(span).toHaveText("Öppen tid 09:15–11:00");
  await span.focus();
  await page.keyboard.press("Delete");
  await expect(message).toHaveText("Den öppna tiden är borttagen.");
  await expect(span).toHaveCount(0);
  await page.reload();
  await expect(page.locator(".board__open")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("after a meeting: outcome, note and a follow-up with a colleague by video, seen by all three", async ({ page, browser }, info) => {
  // Three people sign in one after the other: a longer journey than most.
  test.setTimeout(120_000);
  const problems = collectConsoleProblems(page);
  const [start, seekerEmail] = lane(info) === 0 ? ["15:30–16:15", "demo.sokande41@example.se"] : ["16:30–17:15", "demo.sokande42@example.se"];
  const note = `Vill arbeta med ekonomi; uppföljning med Karin om validering (${info.project.name}).`;

  await signInStaff(page, SANNA);
  await page.getByRole("link", { name: "Föregående vecka" }).click();
  // Ended without an outcome: marked on the board and listed under "Att rapportera".
  const block = page.locator(".board__meeting", { hasText: start });
  await expect(block).toContainText("Utfall saknas");
  const toReport = page.getByRole("region", { name: /^Att rapportera \(\d+\)$/ });
  await expect(toReport.getByRole("link", { name: new RegExp(`kl\\. ${start.slice(0, 5)}`) })).toBeVisible();
  await block.click();
  await expect(page).toHaveURL(/mote=\d+/);
  const panel = page.locator("#mote");
  await expect(panel.getByRole("heading", { name: "Ärendet hittills" })).toBeVisible();
  const seekerName = (await panel.getByRole("heading", { level: 2 }).first().textContent())!.trim();
  await expectAccessible(page);

  await panel.getByRole("button", { name: "Mötet är genomfört" }).click();
  await expect(panel.getByText("Utfallet är sparat.")).toBeVisible();
  await expect(page.locator(".board__meeting", { hasText: start })).not.toContainText("Utfall saknas");
  // A slip is put right, and the case keeps who changed what.
  await panel.getByRole("button", { name: "Ändra till: personen kom inte" }).click();
  await expect(panel.getByText("Utfallet är ändrat.")).toBeVisible();
  await expect(panel.locator(".timeline")).toContainText("Sanna Lindqvist ändrade utfallet");
  await panel.getByRole("button", { name: "Ändra till: mötet är genomfört" }).click();
  await expect(panel.getByText("Utfallet är ändrat.")).toBeVisible();
  await expect(panel.locator(".timeline li", { hasText: "från Uteblev till Genomfört" })).toHaveCount(1);
  await panel.getByLabel("Skriv en anteckning i ärendet").fill(note);
  await panel.getByRole("button", { name: "Spara anteckningen" }).click();
  await expect(panel.getByText("Anteckningen är sparad.")).toBeVisible();
  await expect(panel.locator(".timeline")).toContainText(note);

  // The follow-up picker: Karin by video, her free times two (or three) weeks ahead. The
  // pointer chooses a time, the keyboard moves to the next one and books it with Enter.
  const karinId = await panel.locator("#f-fu-who option", { hasText: "Karin Ekström" }).getAttribute("value");
  await panel.getByLabel("Med").selectOption(karinId!);
  await panel.getByRole("radio", { name: "Videomöte" }).check();
  await panel.getByRole("button", { name: "Visa lediga tider" }).click();
  const heading = panel.getByRole("heading", { name: "Lediga tider hos Karin Ekström, Videomöte" });
  await expect(heading).toBeVisible();
  for (let i = 0; i < 2 + lane(info); i++) {
    await panel.getByRole("link", { name: "Nästa vecka →" }).click();
    await expect(heading).toBeVisible();
  }
  const times = panel.locator("input[name='follow_up[slot]']");
  await expect(times.first()).toBeAttached();
  await panel.locator(".times__day label").first().click();
  await expect(times.first()).toBeChecked();
  await times.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(times.nth(1)).toBeChecked();
  const slot = (await times.nth(1).getAttribute("value"))!;
  const [date, time] = slot.split(" ");
  const startMinutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(panel.getByText("Uppföljningen är bokad.")).toBeVisible();
  await expect(panel.locator(".timeline")).toContainText("Uppföljning");
  await page.getByRole("button", { name: "Logga ut" }).click();

  // Karin finds it in her calendar and sees one case: the held meeting, the note, her meeting.
  await signInStaff(page, KARIN);
  await page.goto(`/personal/kalender?dag=${date}`);
  await page.locator(".board__meeting", { hasText: seekerName }).click();
  await expect(panel.getByRole("heading", { name: seekerName })).toBeVisible();
  const timeline = panel.locator(".timeline li");
  await expect(timeline.filter({ hasText: "Genomfört" }).filter({ hasNotText: "ändrade utfallet" })).toHaveCount(1);
  await expect(timeline.filter({ hasText: note })).toHaveCount(1);
  await expect(timeline.filter({ hasText: "Det här mötet" })).toContainText("Videomöte");
  // She moves it half an hour later; the seeker is told.
  await panel.locator("#f-mv-date").fill(date);
  await panel.locator("#f-mv-time").fill(clock(startMinutes + 30));
  await panel.getByRole("button", { name: "Flytta till den tiden" }).click();
  await expect(panel.getByText("Mötet har fått en ny tid.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Logga ut" }).click();

  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(seekerEmail);
  await page.getByLabel("Lösenord").fill(SEEKER_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/mina-sidor/);
  const card = page.locator(".meeting-card", { hasText: "Uppföljning" });
  await expect(card).toContainText("Karin Ekström");
  await expect(card).toContainText("Videomöte");
  await expect(card).toContainText(clock(startMinutes + 30));
  await expect(card).toContainText("Din arbetsförmedlare har flyttat mötet till den här tiden.");

  // The seeker moves the follow-up: only Karin's times, as long as a follow-up.
  await card.getByRole("link", { name: "Byt tid" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Byt tid för ditt möte");
  await expect(page.locator(".notice").first()).toContainText("bara lediga tider hos Karin Ekström");
  await waitForHydration(page);
  const offered = page.locator("[data-day-times]:visible .time label");
  await expect(offered.first()).toBeVisible();
  await expect(page.locator(".time__who", { hasNotText: "Karin Ekström" })).toHaveCount(0);
  await expectAccessible(page);
  await offered.nth(2).click();
  await page.getByRole("button", { name: "Byt till vald tid" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte har fått en ny tid.");
  await expect(page.locator(".facts")).toContainText("Karin Ekström");
  await expect(page.locator(".facts")).toContainText("Videomöte");

  // The meeting held is asked about (at once here: TIDBOK_RATING_DELAY_MINUTES=0). The link
  // needs no sign-in and takes one answer, by keyboard.
  const asked = await emailTo(seekerEmail, "/betyg/");
  const link = new URL(asked.match(/https?:\/\/\S+\/betyg\/[0-9a-f]{64}/)![0]);
  const comment = `Tydligt och vänligt bemötande (${info.project.name} ${Date.now()}).`;
  const elsewhere = await browser.newContext({ viewport: page.viewportSize()! });
  const rate = await elsewhere.newPage();
  await rate.goto(link.pathname);
  await expect(rate.getByRole("heading", { level: 1 })).toHaveText("Hur var ditt möte?");
  await expect(rate.locator(".lead")).toContainText("med Sanna");
  await waitForHydration(rate);
  await expectAccessible(rate);
  await rate.getByRole("radio", { name: "4 – Nöjd" }).check();
  await rate.getByRole("radio", { name: "Delvis" }).check();
  await rate.getByLabel("Vill du berätta mer?").fill(comment);
  await rate.getByRole("button", { name: "Skicka svaret" }).press("Enter");
  await expect(rate.getByRole("status")).toContainText("Tack för ditt svar!");
  await rate.goto(link.pathname);
  await expect(rate.getByRole("button", { name: "Skicka svaret" })).toHaveCount(0);
  await elsewhere.close();

  // The office manager sees the answers counted (results from five on) and the words
  // without a name; Sanna has more than five from the demo's week.
  await signInStaff(page, "chef.stockholm-city@tidbok.example");
  await page.goto("/personal/kontor/uppfoljning");
  const ratings = page.getByRole("region", { name: "Nöjdhet efter mötet" });
  const row = ratings.getByRole("row", { name: /Sanna Lindqvist/ });
  const answers = Number((await row.getByRole("cell").nth(1).textContent())!.match(/^\d+/)![0]);
  expect(answers).toBeGreaterThanOrEqual(5);
  await expect(row).toContainText("av 5");
  await expect(page.locator(".rating-comments")).toContainText(comment);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("open time is added with the plain form, and a mistake comes back next to its field", async ({ page }, info) => {
    const day = addDays(saturday(4 + 2 * lane(info)), 0);
    await signInStaff(page, SANNA);
    await page.goto(`/personal/kalender?dag=${day}`);
    await page.locator("#oppen-tid summary").click();
    await page.locator("#f-open-date").fill(day);
    await page.getByLabel("Från").fill("13:00");
    await page.getByLabel("Till").fill("12:00");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(page.getByText("Sluttiden måste vara efter starttiden.")).toBeVisible();
    await expect(page.getByLabel("Till")).toHaveValue("12:00");
    await expect(page.getByLabel("Från")).toHaveValue("13:00");
    await page.getByLabel("Till").fill("15:30");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expect(page.getByRole("button", { name: "Öppen tid 13:00–15:30" })).toBeVisible();
  });
});

test("working hours become open time, and a training takes a day out", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  // Karin on desktop, another Stockholm counsellor on the phone: each their own template.
  const who = lane(info) === 0 ? KARIN : "amira.hassan@tidbok.example";
  await signInStaff(page, who);
  await page.getByRole("link", { name: "Arbetstider" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arbetstider");
  await expectAccessible(page);
  for (let day = 0; day < 5; day++) {
    await page.locator(`#f-wh-${day}-from`).fill("08:00");
    await page.locator(`#f-wh-${day}-to`).fill(day === 4 ? "12:00" : "16:00");
  }
  await page.locator("#f-wh-lunch-from").fill("12:00");
  await page.locator("#f-wh-lunch-to").fill("12:45");
  await page.getByRole("button", { name: "Spara arbetstiderna" }).click();
  await expect(page.getByText("Arbetstiderna är sparade.")).toBeVisible();
  await expect(page.locator("#f-wh-4-to")).toHaveValue("12:00");

  // Eight weeks ahead is past the demo's open time.
  const monday = addDays(saturday(8), -5);
  await page.locator("#f-wh-gen-from").fill(monday);
  await page.getByLabel("Antal veckor").selectOption("1");
  await page.getByRole("button", { name: "Lägg ut öppen tid" }).click();
  await expect(page.getByText("9 öppna tider är utlagda i kalendern.")).toBeVisible();

  await page.getByLabel("Utbildning").check();
  await page.locator("#f-wh-abs-from").fill(addDays(monday, 2));
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByText("Sparat. 2 öppna tider togs bort.")).toBeVisible();
  await expect(page.locator("#klart").getByText("Inga bokade möten ligger under frånvaron.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Utbildning:" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/personal/kalender?vecka=${monday}`);
  await waitForHydration(page);
  await expect(page.locator(".board__column[data-column='2'] .board__open")).toHaveCount(0);
  await expect(page.locator(".board__column[data-column='1'] .board__open")).toHaveCount(2);
  expect(problems).toEqual([]);
});

test("the calendar names the public holidays of Christmas week", async ({ page }) => {
  const problems = collectConsoleProblems(page);
  await signInStaff(page, SANNA);
  // The coming Christmas week, weekend included, whatever day the tests run.
  const t = today();
  const year = Number(t.slice(0, 4)) + (t.slice(5) > "12-24" ? 1 : 0);
  const eve = `${year}-12-24`;
  const weekday = (new Date(`${eve}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(eve, -weekday);
  await page.goto(`/personal/kalender?vecka=${monday}&helg=1`);
  await waitForHydration(page);
  await expect(page.locator(".board__heading", { hasText: "Julafton" })).toBeVisible();
  if (weekday <= 5) await expect(page.locator(".board__heading", { hasText: "Juldagen" })).toBeVisible();
  // Julafton, and juldagen and annandag jul where they fall in the same week.
  const closed = 1 + (weekday <= 5 ? 1 : 0) + (weekday <= 4 ? 1 : 0);
  await expect(page.locator(".board__heading .tag--closed")).toHaveCount(closed);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("an office manager sees the office's day side by side", async ({ page }) => {
  const problems = collectConsoleProblems(page);
  await signInStaff(page, "chef.stockholm-city@tidbok.example");
  await page.getByRole("link", { name: "Hela kontoret" }).click();
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kontorets dag");
  await expect(page.locator(".board__heading", { hasText: "Sanna Lindqvist" })).toBeVisible();
  await expect(page.locator(".board__heading", { hasText: "Karin Ekström" })).toBeVisible();
  await page.getByRole("link", { name: "Nästa dag" }).click();
  await waitForHydration(page);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
