import { expect, test } from "@playwright/test";
import {
  collectConsoleProblems,
  emailTo,
  expectAccessible,
  newPersonalNumber,
  PASSWORD,
  signInStaff,
  waitForHydration,
} from "./support";

// Assisted service: reception finds a person (every search in the access log) and, for
// someone not registered, fills in the same five steps with them; the person makes their
// own password with the emailed link.

test("reception registers a walk-in, who then makes their own password", async ({ page, browser }) => {
  const problems = collectConsoleProblems(page);
  const pnr = newPersonalNumber();
  const email = `e2e-desk-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.se`;
  await signInStaff(page, "emina.hodzic@tidbok.example");
  await page.getByRole("link", { name: "Hitta person" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hitta en person");
  await waitForHydration(page);

  // Not found: the search says so, and is in the access log.
  await page.getByLabel("Personnummer eller samordningsnummer").fill(pnr);
  await page.getByLabel("Personen är här i receptionen").check();
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.locator("#resultat")).toContainText("Ingen som du får se hittades");
  await expectAccessible(page);

  // The same five steps as online, with the person at the desk.
  await page.getByRole("button", { name: "Skriv in en ny person" }).click();
  await expect(page).toHaveURL(/\/personal\/registrera\/[0-9a-f]{10}\/om-dig$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skriv in en person");
  await waitForHydration(page);
  await page.getByLabel("Förnamn").fill("Nour");
  await page.getByLabel("Efternamn").fill("Salem");
  await page.getByLabel("Personnummer eller samordningsnummer").fill(pnr);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Mobilnummer").fill("0701234567");
  await page.getByLabel("Postnummer").fill("41319");
  await page.getByLabel("Vilket språk vill du helst prata på?").selectOption("sv");
  await page.getByRole("group", { name: "Behöver du tolk vid mötet?" }).getByLabel("Nej").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/\/erfarenhet$/);
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/\/utbildning$/);
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/\/onskemal$/);
  await waitForHydration(page);
  await page.getByLabel("Sök yrke").fill("underskö");
  await page.getByRole("button", { name: /^Undersköterska/ }).click();
  await expect(page.locator(".chips")).toContainText("Undersköterska");
  await page.getByLabel("Västra Götalands län").check();
  await page.getByRole("group", { name: "Vill du arbeta heltid eller deltid?" }).getByLabel("Heltid").check();
  await page.getByLabel("Jag är arbetslös").check();
  await page.getByRole("button", { name: "Nästa steg" }).click();

  // Review: no password; the contact details confirmed with the person first.
  await expect(page).toHaveURL(/\/granska$/);
  await expect(page.getByText("Nour Salem")).toBeVisible();
  await expect(page.getByLabel("Välj ett lösenord")).toHaveCount(0);
  await waitForHydration(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Skriv in personen" }).click();
  await expect(page.getByRole("alert")).toContainText("Kontaktuppgifterna bekräftade");
  await page.getByLabel("Jag har läst upp e-postadressen").check();
  await page.getByRole("button", { name: "Skriv in personen" }).click();
  await expect(page).toHaveURL(/\/personal\/personer#klart$/);
  await expect(page.getByRole("status")).toHaveText(
    "Nour Salem är inskriven. Personen får ett mejl med en länk för att välja sitt lösenord.",
  );
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // Found now, registered by staff.
  await page.getByLabel("Personnummer eller samordningsnummer").fill(pnr);
  await page.getByLabel("Personen ringer").check();
  await page.getByRole("button", { name: "Sök" }).click();
  const hit = page.locator("#resultat .card");
  await expect(hit).toContainText("Nour Salem");
  await expect(hit).toContainText("inskriven av personal");
  await expect(hit).toContainText(`${pnr.slice(0, 8)}-****`);
  // The visit itself is a contact, written into the case.
  await hit.getByText("Skriv en kontaktanteckning").click();
  await hit.getByLabel("Besök utan bokning").check();
  await hit.getByLabel("Vad gällde det?").fill("Ville ha hjälp att skriva in sig.");
  await expectAccessible(page);
  await hit.getByRole("button", { name: "Spara anteckningen" }).click();
  await expect(page.getByRole("status")).toHaveText("Kontaktanteckningen är sparad i ärendet för Nour Salem.");
  expect(problems).toEqual([]);

  // The person's own link: a password of their own, and Mina sidor.
  const mail = await emailTo(email);
  const link = mail.match(/https?:\/\/\S+\/konto\/losenord\/[0-9a-f]{64}/)![0];
  const own = await browser.newContext({ locale: "sv-SE", viewport: page.viewportSize()! });
  const person = await own.newPage();
  await person.goto(new URL(link).pathname);
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Välj ditt lösenord till Mina sidor");
  await expectAccessible(person);
  await person.getByLabel("Nytt lösenord").fill(PASSWORD);
  await person.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(person).toHaveURL(/\/mina-sidor$/);
  await expect(person.getByText("Inloggad: Nour")).toBeVisible();
  await own.close();
});

test("a person begins online and reception carries on with the code they read out", async ({ page, browser }) => {
  const problems = collectConsoleProblems(page);
  const pnr = newPersonalNumber();
  // At home: the first step saved, and the code to read out shown on the page.
  await page.goto("/registrera");
  await waitForHydration(page);
  await page.getByLabel("Förnamn").fill("Sami");
  await page.getByLabel("Efternamn").fill("Berhane");
  await page.getByLabel("Personnummer eller samordningsnummer").fill(pnr);
  await page.getByLabel("E-postadress").fill(`e2e-home-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.se`);
  await page.getByLabel("Mobilnummer").fill("0709876543");
  await page.getByLabel("Postnummer").fill("41319");
  await page.getByLabel("Vilket språk vill du helst prata på?").selectOption("sv");
  await page.getByRole("group", { name: "Behöver du tolk vid mötet?" }).getByLabel("Nej").check();
  await page.getByRole("button", { name: "Nästa steg" }).click();
  await expect(page).toHaveURL(/\/registrera\/erfarenhet$/);
  await expect(page.locator(".desk-code")).toContainText("Läs upp koden");
  const code = (await page.locator(".desk-code").textContent())!.match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2}/)![0];
  await expectAccessible(page);

  // At the desk: the code, and the draft goes on where it was.
  const staff = await browser.newContext({ locale: "sv-SE", viewport: page.viewportSize()! });
  const desk = await staff.newPage();
  const deskProblems = collectConsoleProblems(desk);
  await signInStaff(desk, "emina.hodzic@tidbok.example");
  await desk.goto("/personal/personer");
  await desk.getByLabel("Koden från personens skärm").fill("12");
  await desk.getByRole("button", { name: "Fortsätt utkastet" }).click();
  await expect(desk.locator("#f-ppl-kod-fel")).toContainText("Koden har tio tecken");
  await expect(desk.getByLabel("Koden från personens skärm")).toHaveAttribute("aria-invalid", "true");
  await desk.getByLabel("Koden från personens skärm").fill(code.toLowerCase().replaceAll("-", " "));
  await desk.getByRole("button", { name: "Fortsätt utkastet" }).click();
  await expect(desk).toHaveURL(/\/personal\/registrera\/[0-9a-f]{10}\/om-dig$/);
  await expect(desk.getByLabel("Förnamn")).toHaveValue("Sami");
  await expect(desk.getByLabel("Personnummer eller samordningsnummer")).toHaveValue(pnr);
  await expectAccessible(desk);

  // The desk holds it now, to find again.
  await desk.goto("/personal/personer");
  await expect(desk.getByRole("heading", { name: "Påbörjade inskrivningar vid kontoret" })).toBeVisible();
  await expect(desk.locator("body")).toContainText("Sami Berhane, senast ändrad");
  expect(deskProblems).toEqual([]);
  await staff.close();
  expect(problems).toEqual([]);
});
