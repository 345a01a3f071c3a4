import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import {
  collectConsoleProblems,
  expectAccessible,
  lane,
  newPersonalNumber,
  PASSWORD,
  registerByPosts,
  signInStaff,
  waitForHydration,
} from "./support";

// Trust and rights: the accessibility statement with its report form (reaching the
// administrators), the seeker's own case ("Mitt ärende"), and a video meeting's link that
// says plainly it is a demo link when no video service is configured.

/** Books a free time of `channel` with the same posts a browser without JavaScript sends,
 * on a day near the end of the offer that no other test of this lane takes; the meeting
 * page's address. */
async function bookByPosts(page: Page, channel: "phone" | "video", laneNo: number): Promise<string> {
  const first = await (await page.request.get(`/boka?kanal=${channel}`)).text();
  const days = [...new Set([...first.matchAll(/data-day="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]))];
  expect(days.length, "days offered").toBeGreaterThan(4);
  const day = days[days.length - 3 - laneNo];
  const picker = await (await page.request.get(`/boka?kanal=${channel}&dag=${day}`)).text();
  const time = [...picker.matchAll(/name="tid"[^>]*value="([^"]+)"/g)].map((m) => m[1]).at(-1);
  expect(time, "a free time").toBeTruthy();
  const res = await page.request.post("/api/boka/bekrafta", {
    form: { kanal: channel, kontor: "", tid: time!, byt: "" },
    maxRedirects: 0,
    headers: { accept: "text/html" },
  });
  expect(res.status()).toBe(302);
  return res.headers()["location"];
}

test("the accessibility statement is in every footer, and a report reaches the administrators", async ({ page, browser }, info) => {
  const problems = collectConsoleProblems(page);
  const what = `Fokusramen syns inte på knappen Boka (${info.project.name} ${Date.now()}).`;
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighet" }).click();
  await expect(page).toHaveURL(/\/tillganglighet$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tillgänglighet för Tidbok");
  for (const heading of [
    "Hur tillgänglig är tjänsten?",
    "Rapportera brister i tjänstens tillgänglighet",
    "Tillsyn",
    "Innehåll som inte är tillgängligt",
    "Hur vi testat tjänsten",
  ]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /digg\.se\/tdosanmalan/ })).toHaveAttribute(
    "href",
    "https://www.digg.se/tdosanmalan",
  );
  await waitForHydration(page);
  await expectAccessible(page);

  // By keyboard: a report without its text is refused next to the field, nothing lost.
  await page.getByLabel("Var i tjänsten hände det?").fill("Boka möte");
  await page.getByLabel("Din e-postadress, om du vill ha svar").fill("amira@");
  await page.getByRole("button", { name: "Skicka rapporten" }).press("Enter");
  await expect(page.locator(".error-summary")).toContainText("Vad fungerade inte?");
  await expect(page.getByLabel("Var i tjänsten hände det?")).toHaveValue("Boka möte");
  await expect(page.getByLabel("Din e-postadress, om du vill ha svar")).toHaveValue("amira@");
  await expectAccessible(page);
  await page.getByLabel("Vad fungerade inte?").fill(what);
  await page.getByLabel("Din e-postadress, om du vill ha svar").fill("amira@example.se");
  await page.getByRole("button", { name: "Skicka rapporten" }).click();
  await expect(page.getByRole("status")).toContainText("Tack! Vi har tagit emot din rapport.");
  await expectAccessible(page);

  // The administrators read it, with the address to answer, and mark it handled.
  const adminContext = await browser.newContext({ viewport: page.viewportSize()! });
  const admin = await adminContext.newPage();
  await signInStaff(admin, "admin@tidbok.example");
  await admin.getByRole("link", { name: "Tillgänglighetsrapporter" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Rapporter om tillgänglighet");
  const card = admin.locator(".a11y-report", { hasText: what });
  await expect(card).toContainText("amira@example.se");
  await expect(card).toContainText("Boka möte");
  await expectAccessible(admin);
  await card.getByRole("button", { name: "Markera som hanterad" }).click();
  await expect(admin.getByRole("status")).toHaveText("Rapporten är markerad som hanterad.");
  await expect(admin.locator(".a11y-report", { hasText: what })).toContainText("Hanterad");
  await adminContext.close();

  // In English from its English address.
  await page.goto("/en/accessibility");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility of Tidbok");
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("Mitt ärende tells what happened and what is next; a video meeting's demo link says so", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  await registerByPosts(page);
  const meeting = await bookByPosts(page, "video", lane(info));
  await page.goto(meeting);
  const join = page.getByRole("link", { name: "Gå till videomötet" });
  await expect(join).toHaveAttribute("href", /^https:\/\/video\.tidbok\.example\/[0-9a-f]{32}$/);
  await expect(page.getByText("Det här är en demolänk")).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  await page.goto("/mina-sidor");
  await page.getByRole("link", { name: "Se ditt ärende" }).click();
  await expect(page).toHaveURL(/\/mina-sidor\/arende$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt ärende");
  const next = page.locator("section", { has: page.getByRole("heading", { name: "Härnäst" }) });
  await expect(next.getByRole("link", { name: /^Första möte med .*, videomöte$/ })).toHaveAttribute(
    "href",
    meeting.replace(/\?.*$/, ""),
  );
  const history = page.locator(".case-history");
  await expect(history).toContainText("Du bokade ett möte.");
  await expect(history).toContainText("Du skrev in dig som arbetssökande på webben.");
  await waitForHydration(page);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("Dina personuppgifter: all of it as JSON, then the account taken away and the same person registers again", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  const number = newPersonalNumber();
  const email = await registerByPosts(page, "underskoterska", "41319", number);
  await bookByPosts(page, "phone", lane(info));

  await page.goto("/mina-sidor");
  await page.getByRole("link", { name: "Se dina personuppgifter" }).click();
  await expect(page).toHaveURL(/\/mina-sidor\/personuppgifter$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dina personuppgifter");
  await expect(page.getByRole("heading", { name: "Vem som har läst dina uppgifter" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);

  // The download: one JSON file, made now, with their details and their booking.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ladda ner alla dina uppgifter (JSON)" }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^tidbok-personuppgifter-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(json.data.person[0].email).toBe(email);
  expect(json.data.bookings).toHaveLength(1);
  expect(json.data.access_log).toEqual([]);

  // Taking the account away: told first what happens; the box and the password are needed.
  await page.getByRole("link", { name: "Ta bort ditt konto" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ta bort ditt konto");
  await expect(page.getByRole("listitem").filter({ hasText: "Dina bokade möten avbokas (1)." })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Ta bort mitt konto" }).click();
  await expect(page.locator(".error-summary")).toContainText("Jag förstår att kontot tas bort");
  await expect(page.getByLabel("Lösenord")).toHaveValue("");
  await expectAccessible(page);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByLabel("Jag förstår att kontot tas bort och att det inte går att ångra").check();
  await page.getByRole("button", { name: "Ta bort mitt konto" }).click();
  await expect(page).toHaveURL(/\/kontot-borttaget$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ditt konto är borttaget");
  await expectAccessible(page);
  await page.goto("/mina-sidor");
  await expect(page).toHaveURL(/\/logga-in/);

  // The same number and email register again.
  await registerByPosts(page, "underskoterska", "41319", number, email);
  await page.goto("/mina-sidor");
  await expect(page).toHaveURL(/\/mina-sidor$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mina sidor");
  expect(problems).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the report form is a plain form: refused as typed, then received", async ({ page }, info) => {
    await page.goto("/tillganglighet");
    await page.getByLabel("Vad fungerade inte?").fill("   ");
    await page.getByLabel("Var i tjänsten hände det?").fill("Mina sidor");
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await expect(page).toHaveURL(/\/tillganglighet#rapportera$/);
    await expect(page.locator(".error-summary")).toContainText("Vad fungerade inte?");
    await expect(page.getByLabel("Var i tjänsten hände det?")).toHaveValue("Mina sidor");
    await page
      .getByLabel("Vad fungerade inte?")
      .fill(`Tabbordningen hoppar (${info.project.name}, utan JavaScript).`);
    await page.getByRole("button", { name: "Skicka rapporten" }).click();
    await expect(page.getByRole("status")).toContainText("Tack! Vi har tagit emot din rapport.");
  });

  test("the account is taken away with a plain form: a wrong password is refused first", async ({ page }) => {
    await registerByPosts(page);
    await page.goto("/mina-sidor/personuppgifter/ta-bort-kontot");
    await expect(page.getByRole("listitem").filter({ hasText: "allt vi har om dig tas bort" })).toBeVisible();
    await page.getByLabel("Lösenord").fill("inte mitt lösenord");
    await page.getByLabel("Jag förstår att kontot tas bort och att det inte går att ångra").check();
    await page.getByRole("button", { name: "Ta bort mitt konto" }).click();
    await expect(page.locator(".error-summary")).toContainText("Lösenord");
    await expect(page.getByText("Lösenordet stämmer inte.").first()).toBeVisible();
    await expect(page.getByLabel("Jag förstår att kontot tas bort och att det inte går att ångra")).toBeChecked();
    await page.getByLabel("Lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Ta bort mitt konto" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ditt konto är borttaget");
  });
});
