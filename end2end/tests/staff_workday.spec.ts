import { expect, test } from "./fixtures";
import {
  addDays,
  collectConsoleProblems,
  expectAccessible,
  lane,
  signInStaff,
  today,
  waitForHydration,
} from "./support";

// A counsellor's own planning: absences in the calendar, shortened and removed; open time
// created by a tap (touch screens scroll when dragged) and moved a day with Alt+arrow.

/** The Monday `weeks` weeks after this week's. */
function monday(weeks: number): string {
  const t = today();
  const offset = (new Date(`${t}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(t, -offset + 7 * weeks);
}

// Counsellors no other test plans for, one per lane.
const WHO = ["johan.andersson@tidbok.example", "emina.hodzic@tidbok.example"];

test("an absence shows in every calendar view until it is shortened and removed", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  const week = monday(10 + lane(info));
  const [tue, thu] = [addDays(week, 1), addDays(week, 3)];
  await signInStaff(page, WHO[lane(info)]);
  await page.getByRole("link", { name: "Arbetstider" }).click();
  await page.getByLabel("Frånvaro", { exact: true }).check();
  await page.locator("#f-wh-abs-from").fill(tue);
  await page.locator("#f-wh-abs-to").fill(thu);
  await page.locator("#f-wh-abs-note").fill("Vård av barn");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByText("Inga bokade möten ligger under frånvaron.").first()).toBeVisible();

  // The week: Tuesday to Thursday named and hatched; the day view too.
  await page.goto(`/personal/kalender?vecka=${week}`);
  await waitForHydration(page);
  await expect(page.locator(".board__heading .tag--away")).toHaveCount(3);
  await expect(page.locator(".board__heading", { hasText: "Frånvaro: Vård av barn" }).first()).toBeVisible();
  await expect(page.locator(".board__column--away")).toHaveCount(3);
  await expectAccessible(page);
  await page.goto(`/personal/kalender?dag=${thu}`);
  await expect(page.locator(".board__heading .tag--away")).toHaveText("Frånvaro: Vård av barn");

  // Shortened to Tuesday: the page says the open time does not come back by itself, and
  // offers to lay the working hours out on the freed days.
  await page.getByRole("link", { name: "Arbetstider" }).click();
  const item = page.locator(".absences__item", { hasText: "Vård av barn" });
  await item.locator("summary").click();
  await item.getByLabel("Sista dagen", { exact: true }).fill(tue);
  await item.getByRole("button", { name: "Spara de nya dagarna" }).click();
  await expect(page.getByText("Frånvaron är ändrad.")).toBeVisible();
  await expect(page.getByText(/kommer inte tillbaka av sig själv/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Lägg ut arbetstiderna som öppen tid/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/personal/kalender?vecka=${week}`);
  await expect(page.locator(".board__heading .tag--away")).toHaveCount(1);

  // Lengthening is refused next to the field, and what was typed stays.
  await page.getByRole("link", { name: "Arbetstider" }).click();
  await item.locator("summary").click();
  await item.getByLabel("Sista dagen", { exact: true }).fill(thu);
  await item.getByRole("button", { name: "Spara de nya dagarna" }).click();
  await expect(item.getByText("Frånvaron kan bara kortas")).toBeVisible();
  await expect(item.getByLabel("Sista dagen", { exact: true })).toHaveValue(thu);
  await item.getByRole("button", { name: "Ta bort frånvaron" }).click();
  await expect(page.getByText("Frånvaron är borttagen.")).toBeVisible();
  await page.goto(`/personal/kalender?vecka=${week}`);
  await expect(page.locator(".board__heading .tag--away")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("open time: a tap opens the form at that time, Alt+arrow moves it a day", async ({ page }, info) => {
  const problems = collectConsoleProblems(page);
  const week = monday(12 + lane(info));
  await signInStaff(page, WHO[lane(info)]);
  await page.goto(`/personal/kalender?vecka=${week}`);
  await waitForHydration(page);
  await expect(page.locator("#kalender-hjalp")).toContainText("På en pekskärm: tryck på en tom tid");
  // Tuesday 10:00: tapped on the phone, clicked on the desktop.
  const cell = page.locator("#ruta-1-600");
  await cell.scrollIntoViewIfNeeded();
  if (info.project.name === "phone") await cell.tap();
  else await cell.click();
  await expect(page.getByLabel("Från")).toHaveValue("10:00");
  await expect(page.locator("#f-open-date")).toHaveValue(addDays(week, 1));
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  const span = page.locator(".board__open-body");
  await expect(span).toHaveText("Öppen tid 10:00–11:00");
  await expect(page.locator(".board__column[data-column='1'] .board__open")).toHaveCount(1);
  // The span is drawn before the server has it: wait for the save before reloading.
  await expect(page.locator(".board__message")).toHaveText("Sparat.");

  // Alt+→ to Wednesday, kept after a reload (each step starts from a fresh page, so the
  // "Sparat." awaited is that step's own).
  await page.reload();
  await waitForHydration(page);
  await span.focus();
  await page.keyboard.press("Alt+ArrowRight");
  await expect(page.locator(".board__message")).toHaveText("Sparat.");
  await expect(page.locator(".board__column[data-column='2'] .board__open")).toHaveCount(1);
  await page.reload();
  await waitForHydration(page);
  await expect(page.locator(".board__column[data-column='2'] .board__open-body")).toHaveText("Öppen tid 10:00–11:00");
  // Back two days, one save at a time (a reload mid-save would lose it), to Monday.
  for (const column of [1, 0]) {
    await page.locator(".board__open-body").focus();
    await page.keyboard.press("Alt+ArrowLeft");
    await expect(page.locator(".board__message")).toHaveText("Sparat.");
    await page.reload();
    await waitForHydration(page);
    await expect(page.locator(`.board__column[data-column='${column}'] .board__open`)).toHaveCount(1);
  }
  // Monday has no day before it on this board.
  await page.locator(".board__open-body").focus();
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(page.locator(".board__message")).toContainText("Den dagen visas inte här.");
  await page.locator(".board__open-body").focus();
  await page.keyboard.press("Delete");
  await expect(page.locator(".board__open")).toHaveCount(0);
  expect(problems).toEqual([]);
});
