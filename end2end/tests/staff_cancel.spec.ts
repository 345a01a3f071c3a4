import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { PASSWORD, collectConsoleProblems, expectAccessible, registerByPosts, waitForHydration } from "./support";

// Staff cancel a meeting with a reason; the seeker is told why. A new seeker books a phone
// meeting (plain posts), the administrator cancels it from the meeting's panel, and the
// seeker sees it on Mina sidor. The desktop lane runs with scripts (and axe), the phone lane
// (360 px) without them: every form is a plain post.

const ADMIN = "admin@tidbok.example";
const STAFF_PASSWORD = "demo-personal-2026";

test("staff cancel a meeting with a reason, it shows in the case, and the seeker sees why", async ({ page, browser }, info) => {
  test.setTimeout(60_000);
  const scripts = info.project.name === "desktop";
  const p: Page = scripts
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
  const problems = collectConsoleProblems(p);
  const accessible = async () => {
    if (scripts) await expectAccessible(p);
  };

  const email = await registerByPosts(p);
  await p.goto("/boka");
  await p.getByLabel("Telefonsamtal").check();
  await p.getByRole("button", { name: "Visa lediga tider" }).click();
  await p.locator("[data-day-times]:visible .time label").first().click();
  await p.getByRole("button", { name: "Boka vald tid" }).click();
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte är bokat.");
  const id = p.url().match(/\/mina-sidor\/mote\/(\d+)/)![1];
  await p.getByRole("button", { name: "Logga ut" }).click();

  await p.goto("/personal/logga-in");
  await p.getByLabel("E-postadress på jobbet").fill(ADMIN);
  await p.getByLabel("Lösenord").fill(STAFF_PASSWORD);
  await p.getByRole("button", { name: "Logga in" }).click();
  await p.waitForURL(/\/personal\//);
  await p.goto(`/personal/kalender?mote=${id}`);
  if (scripts) await waitForHydration(p);
  const panel = p.locator("#mote");
  await expect(panel.getByRole("heading", { name: "Avboka mötet" })).toBeVisible();
  await accessible();

  // "Other" without words is refused next to the field, the choice kept.
  await panel.getByLabel("Annat", { exact: true }).check();
  await panel.getByRole("button", { name: "Avboka mötet" }).click();
  await expect(panel.getByLabel("Förklaring till personen")).toHaveAttribute("aria-invalid", "true");
  await expect(panel.locator("#f-cx-note-fel")).toHaveText("Fyll i det här.");
  await expect(panel.getByLabel("Annat", { exact: true })).toBeChecked();
  await accessible();

  await panel.getByLabel("Förklaring till personen").fill("Vattenskada i lokalen, vi ringer dig om en ny tid.");
  await panel.getByRole("button", { name: "Avboka mötet" }).click();
  await expect(panel.getByText("Mötet är avbokat. Personen får veta det med mejl och sms")).toBeVisible();
  const timeline = panel.locator(".timeline");
  await expect(timeline).toContainText(/avbokade mötet .*: Annat – Vattenskada i lokalen/);
  await expect(timeline.locator(".tag", { hasText: "Avbokat" })).toHaveCount(1);
  // Nothing left to cancel or move.
  await expect(panel.getByRole("button", { name: "Avboka mötet" })).toHaveCount(0);
  await accessible();
  await p.getByRole("button", { name: "Logga ut" }).click();

  await p.goto("/logga-in?nasta=%2Fmina-sidor");
  await p.getByLabel("E-postadress").fill(email);
  await p.getByLabel("Lösenord").fill(PASSWORD);
  await p.getByRole("button", { name: "Logga in" }).click();
  await p.waitForURL(/\/mina-sidor$/);
  const card = p.locator(".meeting-card", { hasText: "Avbokat" });
  await expect(card).toContainText("Arbetsförmedlingen har avbokat mötet.");
  await expect(card).toContainText("Vattenskada i lokalen, vi ringer dig om en ny tid.");
  await accessible();
  expect(problems).toEqual([]);
});
