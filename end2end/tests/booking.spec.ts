import { expect, test } from "./fixtures";
import { collectConsoleProblems, expectAccessible, lane, registerByPosts, waitForHydration } from "./support";

test.describe("booking with JavaScript", () => {
  test("book with the keyboard, confirm twice, see the confirmation, move and cancel", async ({ page }, info) => {
    const problems = collectConsoleProblems(page);
    await registerByPosts(page);
    await page.goto("/boka");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boka ditt första möte");
    await expectAccessible(page);

    await page.getByLabel("Telefonsamtal").check();
    await page.getByRole("button", { name: "Visa lediga tider" }).click();
    await expect(page.getByRole("heading", { name: "Välj dag" })).toBeVisible();
    await waitForHydration(page);
    await expectAccessible(page);

    // Arrow keys move between days; the day's times show in place and are announced.
    const current = page.locator("a[data-day][aria-current='date']");
    const firstDay = await current.getAttribute("data-day");
    await current.focus();
    await page.keyboard.press("ArrowRight");
    const secondDay = await page.locator("a[data-day][aria-current='date']").getAttribute("data-day");
    expect(secondDay).not.toBe(firstDay);
    await expect(page.locator(`a[data-day='${secondDay}']`)).toBeFocused();
    await expect(page.locator(`[data-day-times='${secondDay}']`)).toBeVisible();
    await expect(page.locator(`[data-day-times='${firstDay}']`)).toBeHidden();
    await expect(page.locator("#vald-tid")).toContainText("lediga tider");
    expect(page.url()).toContain(`dag=${secondDay}`);

    // Pick a time; it is announced with the counsellor's name.
    const panel = page.locator(`[data-day-times='${secondDay}']`);
    const firstTime = panel.locator(".time label").first();
    const clock = (await firstTime.locator(".time__clock").textContent())!.trim();
    const who = (await firstTime.locator(".time__who").textContent())!.trim();
    await firstTime.click();
    await expect(page.locator("#vald-tid")).toContainText(`kl. ${clock} med ${who}`);

    // A double click books once.
    await page.getByRole("button", { name: "Boka vald tid" }).dblclick();
    await expect(page).toHaveURL(/\/mina-sidor\/mote\/\d+\?bokad=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte är bokat.");
    await expect(page.locator(".facts")).toContainText(clock);
    await expect(page.locator(".facts")).toContainText(who);
    await expect(page.locator(".facts")).toContainText("ringer dig på 070-123 45 67");
    await expect(page.getByRole("link", { name: "Lägg till i din kalender (.ics)" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/mina-sidor");
    await expect(page.locator("#kommande ~ ul .meeting-card")).toHaveCount(1);
    await expectAccessible(page);

    // Move it: the same counsellor is offered first.
    await page.locator(".meeting-card").getByRole("link", { name: "Byt tid" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Byt tid för ditt möte");
    await waitForHydration(page);
    // Desktop and phone move side by side, while other tests book the first days: each
    // moves to a day of its own near the end of the offer.
    const days = page.locator("a[data-day]");
    const far = (await days.count()) - 1 - lane(info);
    await days.nth(far).click();
    await expect(page.locator(`[data-day-times='${await days.nth(far).getAttribute("data-day")}']`)).toBeVisible();
    const times = page.locator("[data-day-times]:visible .time label");
    await times.first().click();
    await page.getByRole("button", { name: "Byt till vald tid" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte har fått en ny tid.");

    // Cancel it, first forgetting the reason.
    await page.getByRole("link", { name: "Avboka" }).click();
    await page.getByLabel("Vill du berätta mer?").fill("Jag har fått ett jobb på Sahlgrenska");
    await page.getByRole("button", { name: "Avboka mötet" }).click();
    await expect(page.getByRole("alert")).toContainText("Varför avbokar du?");
    await expect(page.getByLabel("Vill du berätta mer?")).toHaveValue("Jag har fått ett jobb på Sahlgrenska");
    await expectAccessible(page);
    await page.getByLabel("Jag har fått ett jobb").check();
    await page.getByRole("button", { name: "Avboka mötet" }).click();
    await expect(page).toHaveURL(/\/mina-sidor\?avbokad=1$/);
    await expect(page.getByRole("status")).toContainText("Mötet är avbokat.");
    await expect(page.getByText("Du har inget kommande möte.")).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test.describe("booking without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("days are links and the confirm is a plain post", async ({ page }, info) => {
    await registerByPosts(page);
    await page.goto("/boka");
    await page.getByLabel("Videomöte").check();
    await page.getByRole("button", { name: "Visa lediga tider" }).click();
    // Desktop and phone run side by side: each takes a day of its own, or both would race
    // for the same first time.
    const nth = 2 + lane(info);
    const days = page.locator("a[data-day]");
    await days.nth(nth).click();
    const day = await days.nth(nth).getAttribute("data-day");
    await expect(page).toHaveURL(new RegExp(`dag=${day}`));
    await expect(page.locator(`[data-day-times='${day}']`)).toBeVisible();
    // Confirming without a time says what to do, next to the times.
    await page.getByRole("button", { name: "Boka vald tid" }).click();
    await expect(page.getByText("Välj en av tiderna.")).toBeVisible();
    await page.locator("[data-day-times]:visible .time label").first().click();
    await page.getByRole("button", { name: "Boka vald tid" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte är bokat.");
    await expect(page.getByRole("link", { name: "Gå till videomötet" })).toBeVisible();
  });
});

test("the server-drawn picker with an error is accessible with its scripts blocked", async ({ page }) => {
  await registerByPosts(page);
  await page.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  await page.goto("/boka?kanal=phone&fel=tid");
  await expect(page.getByText("Välj en av tiderna.")).toBeVisible();
  await expectAccessible(page);
});
