import { expect, test } from "./fixtures";
import {
  PASSWORD,
  collectConsoleProblems,
  expectAccessible,
  newPersonalNumber,
  registerByPosts,
  waitForHydration,
} from "./support";

// The whole way a newcomer goes: from the start page through the registration form to a
// booked first meeting, then Mina sidor, where they correct their phone number and the
// meeting shows the number the counsellor will call.
test("from the start page through registration to a booked meeting and changed details", async ({ page }) => {
  const problems = collectConsoleProblems(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Skriv in dig och boka" }).click();
  await waitForHydration(page);
  await page.getByLabel("Förnamn").fill("Nasrin");
  await page.getByLabel("Efternamn").fill("Karimi");
  await page.getByLabel("Personnummer eller samordningsnummer").fill(newPersonalNumber());
  await page.getByLabel("E-postadress").fill(`resa-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.se`);
  await page.getByLabel("Mobilnummer").fill("0701234567");
  await page.getByLabel("Postnummer").fill("41319");
  await page.getByLabel("Vilket språk vill du helst prata på?").selectOption("sv");
  await page.getByRole("group", { name: "Behöver du tolk vid mötet?" }).getByLabel("Nej").check();
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/erfarenhet$/);
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/utbildning$/);
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/onskemal$/);
  await waitForHydration(page);
  await page.getByLabel("Sök yrke").fill("underskoterska");
  await page.getByRole("button", { name: /^Undersköterska/ }).first().click();
  await page.getByLabel("Hela Sverige").check();
  await page.getByLabel("Heltid").check();
  await page.getByLabel("Jag är arbetslös").check();
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/granska$/);
  await page.getByLabel("Välj ett lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Skapa kontot och gå vidare till bokning" }).click();

  // Booking: by phone, the first time of the suggested day.
  await expect(page).toHaveURL(/\/boka$/);
  await page.getByLabel("Telefonsamtal").check();
  await page.getByRole("button", { name: "Visa lediga tider" }).click();
  await waitForHydration(page);
  const time = page.locator("[data-day-times]:visible .time label").first();
  const who = (await time.locator(".time__who").textContent())!.trim();
  await time.click();
  await page.getByRole("button", { name: "Boka vald tid" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klart! Ditt möte är bokat.");
  await expect(page.locator(".facts")).toContainText(who);
  await expect(page.locator(".facts")).toContainText("ringer dig på 070-123 45 67");
  const meeting = page.url().replace(/\?.*$/, "");

  // Mina sidor: change the phone number, first mistyped.
  await page.getByRole("link", { name: "Mina sidor" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mina sidor");
  await page.getByRole("link", { name: "Ändra dina uppgifter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ändra dina uppgifter");
  await expect(page.getByLabel("E-postadress")).toHaveValue(/^resa-/);
  await expectAccessible(page);
  await page.getByLabel("Mobilnummer").fill("073-555");
  await page.getByLabel("Behöver du anpassning för att kunna delta?", { exact: false }).fill("Jag hör dåligt i telefon, tala tydligt.");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByRole("alert")).toContainText("Mobilnummer");
  await expect(page.getByLabel("Mobilnummer")).toHaveValue("073-555");
  await expect(page.getByLabel("Mobilnummer")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Behöver du anpassning för att kunna delta?", { exact: false })).toHaveValue(
    "Jag hör dåligt i telefon, tala tydligt.",
  );
  await expectAccessible(page);
  await page.getByLabel("Mobilnummer").fill("073-555 12 34");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(/\/mina-sidor\?sparad=1#uppgifter$/);
  await expect(page.getByRole("status")).toHaveText("Dina uppgifter är sparade.");
  await expect(page.locator(".facts")).toContainText("073-555 12 34");
  await expect(page.locator(".facts")).toContainText("Jag hör dåligt i telefon, tala tydligt.");
  await expectAccessible(page);

  // The meeting now says which number the counsellor calls.
  await page.goto(meeting);
  await expect(page.locator(".facts")).toContainText("ringer dig på 073-555 12 34");
  expect(problems).toEqual([]);
});

test.describe("changing details without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form is a plain post that keeps what was typed", async ({ page }) => {
    await registerByPosts(page);
    await page.goto("/mina-sidor/uppgifter");
    await page.getByLabel("E-postadress").fill("hodan@");
    await page.getByLabel("Postnummer").fill("11120");
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(page).toHaveURL(/\/mina-sidor\/uppgifter#fel$/);
    await expect(page.getByRole("alert")).toContainText("E-postadress");
    await expect(page.getByLabel("E-postadress")).toHaveValue("hodan@");
    await expect(page.getByLabel("Postnummer")).toHaveValue("11120");
    await page.getByLabel("E-postadress").fill(`hodan-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.se`);
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(page).toHaveURL(/\/mina-sidor\?sparad=1#uppgifter$/);
    await expect(page.locator(".facts")).toContainText("111 20");
    await expect(page.locator(".facts")).toContainText("Kontor Stockholm City");
  });
});

test("the details form with errors is accessible with its scripts blocked", async ({ page }) => {
  await registerByPosts(page);
  await page.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  await page.goto("/mina-sidor/uppgifter");
  await page.getByLabel("Mobilnummer").fill("12");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAccessible(page);
});
