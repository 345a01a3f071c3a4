import { expect, test } from "./fixtures";
import { type Page } from "@playwright/test";
import { collectConsoleProblems, expectAccessible, waitForHydration } from "./support";

/** A valid personal identity number nobody else in this run has: YYYYMMDD-NNNC. */
function newPersonalNumber(): string {
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  const serial = 1 + Math.floor(Math.random() * 999); // 000 is never issued
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const nine = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}${pad(serial, 3)}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${year}${pad(month, 2)}${pad(day, 2)}-${pad(serial, 3)}${check}`;
}

function newEmail(): string {
  return `e2e-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.se`;
}

const PASSWORD = "en lång mening som lösenord";

async function fillAboutYou(page: Page, person: { pnr: string; email: string }) {
  await page.getByLabel("Förnamn").fill("Amina");
  await page.getByLabel("Efternamn").fill("Yusuf");
  await page.getByLabel("Personnummer eller samordningsnummer").fill(person.pnr);
  await page.getByLabel("E-postadress").fill(person.email);
  await page.getByLabel("Mobilnummer").fill("0701234567");
  await page.getByLabel("Postnummer").fill("90327");
  await page.getByLabel("Vilket språk vill du helst prata på?").selectOption("so");
  await page.getByRole("group", { name: "Behöver du tolk vid mötet?" }).getByLabel("Ja").check();
  await page.getByLabel("Tolk på vilket språk?").selectOption("so");
}

async function next(page: Page) {
  await page.getByRole("button", { name: "Nästa steg" }).click();
}

test.describe("registration with JavaScript", () => {
  test("a newcomer registers step by step, is checked as they type, and lands on booking", async ({ page }) => {
    const problems = collectConsoleProblems(page);
    const person = { pnr: newPersonalNumber(), email: newEmail() };
    await page.goto("/");
    await page.getByRole("link", { name: "Skriv in dig och boka" }).click();
    await expect(page).toHaveURL(/\/registrera$/);
    await expect(page.getByRole("heading", { level: 2 })).toContainText("Steg 1 av 5");
    await expect(page.getByRole("link", { name: /Om dig/ })).toHaveAttribute("aria-current", "step");
    await waitForHydration(page);
    await expectAccessible(page);

    // "Next" on an empty step: nothing is sent, every error shows, the first field has focus.
    await next(page);
    await expect(page).toHaveURL(/\/registrera$/);
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Förnamn: Fyll i det här.");
    await expect(summary).toContainText("E-postadress: Fyll i det här.");
    await expect(page.getByLabel("Förnamn")).toBeFocused();
    await expect(page.getByLabel("Förnamn")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    // As you type: a wrong check digit is named, and the message goes when it is right.
    const pnr = page.getByLabel("Personnummer eller samordningsnummer");
    const wrong = person.pnr.slice(0, -1) + String((Number(person.pnr.slice(-1)) + 1) % 10);
    await pnr.fill(wrong);
    await expect(page.locator("#f-personal_number-fel")).toHaveText(
      "Numret stämmer inte. Kontrollera de fyra sista siffrorna.",
    );
    await pnr.fill(person.pnr);
    await expect(page.locator("#f-personal_number-fel")).toBeEmpty();
    await expect(pnr).not.toHaveAttribute("aria-invalid", "true");

    await fillAboutYou(page, person);
    await next(page);
    await expect(page).toHaveURL(/\/registrera\/erfarenhet$/);
    await expect(page.getByRole("heading", { level: 2 })).toContainText("Steg 2 av 5");
    await waitForHydration(page);
    await expectAccessible(page);

    // Step 2: an entry is added in place; what is typed is saved on leaving the field and
    // survives a reload.
    await page.getByRole("button", { name: "Lägg till ett jobb" }).click();
    await expect(page.getByRole("group", { name: "Jobb 1" })).toBeVisible();
    await waitForHydration(page);
    const job = page.getByRole("group", { name: "Jobb 1" });
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/registrering/erfarenhet"));
    await job.getByLabel("Arbetsgivare").fill("Hotell Lappland");
    await job.getByLabel("Arbetsgivare").press("Tab");
    await saved;
    await page.reload();
    await expect(page.getByRole("group", { name: "Jobb 1" }).getByLabel("Arbetsgivare")).toHaveValue(
      "Hotell Lappland",
    );
    await waitForHydration(page);
    const entry = page.getByRole("group", { name: "Jobb 1" });
    await entry.getByLabel("Yrke").fill("Städare");
    await entry.getByLabel("Från (år och månad)").fill("2030-01");
    await entry.getByLabel("Från (år och månad)").press("Tab");
    await expect(page.locator("#f-entries-0-from-fel")).toHaveText("Månaden har inte kommit än.");
    await entry.getByLabel("Från (år och månad)").fill("2019-08");
    await expect(page.locator("#f-entries-0-from-fel")).toBeEmpty();
    await expectAccessible(page);
    // Enter in a field means "next" (not the first button on the page, "remove job 1").
    await entry.getByLabel("Yrke").press("Enter");

    // Step 3: a language.
    await expect(page).toHaveURL(/\/registrera\/utbildning$/);
    await page.getByRole("button", { name: "Lägg till ett språk" }).click();
    const language = page.getByRole("group", { name: "Språk 1" });
    await language.getByLabel("Språk", { exact: true }).selectOption("so");
    await language.getByLabel("Hur bra kan du språket?").selectOption("modersmal");
    await page.getByLabel("B – personbil").check();
    await waitForHydration(page);
    await expectAccessible(page);
    await next(page);

    // Step 4: search as you type, pick, and the rest.
    await expect(page).toHaveURL(/\/registrera\/onskemal$/);
    await waitForHydration(page);
    await page.getByLabel("Sök yrke").fill("STADA");
    const result = page.getByRole("button", { name: /^Städare/ });
    await expect(result).toBeVisible();
    await expect(result).toContainText("Sanering och renhållning");
    await result.click();
    await expect(page.getByRole("status").filter({ hasText: "Städare har lagts till." })).toBeVisible();
    await expect(page.locator(".chips")).toContainText("Städare");
    await page.getByLabel("Västerbottens län").check();
    await page.getByRole("group", { name: "Vill du arbeta heltid eller deltid?" }).getByLabel("Deltid").check();
    await page.getByLabel("Jag är ny i Sverige").check();
    await expectAccessible(page);
    await next(page);

    // Step 5: everything to check, links back, and the password.
    await expect(page).toHaveURL(/\/registrera\/granska$/);
    await expect(page.getByText("Amina Yusuf")).toBeVisible();
    await expect(page.getByText("Hotell Lappland")).toBeVisible();
    await expect(page.getByText("somaliska – Modersmål")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ändra Arbetslivserfarenhet" })).toHaveAttribute(
      "href",
      "/registrera/erfarenhet",
    );
    await waitForHydration(page);
    await expectAccessible(page);
    await page.getByLabel("Välj ett lösenord").fill("kort");
    await page.getByRole("button", { name: "Skapa kontot och gå vidare till bokning" }).click();
    await expect(page.locator("#f-password-fel")).toHaveText("Lösenordet behöver minst 12 tecken.");
    await expect(page.getByLabel("Välj ett lösenord")).toBeFocused();
    await page.getByLabel("Välj ett lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Skapa kontot och gå vidare till bokning" }).click();

    await expect(page).toHaveURL(/\/boka$/);
    await expect(page.getByText("Välkommen, Amina!")).toBeVisible();
    await expect(page.getByText("Inloggad: Amina")).toBeVisible();
    await expectAccessible(page);

    // Signing out, and in again with the new account.
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page.getByText("Du är utloggad.")).toBeVisible();
    await page.getByLabel("E-postadress").fill(person.email);
    await page.getByLabel("Lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL(/\/boka$/);
    await expect(page.getByText("Inloggad: Amina")).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("registered details are never revealed: the same neutral answer, and nothing typed is lost", async ({
    page,
    browser,
  }) => {
    const person = { pnr: newPersonalNumber(), email: newEmail() };
    await registerWithoutLooking(page, person);

    // Another browser, with the first person's email: step 1 says nothing and goes on.
    const context = await browser.newContext();
    const other = await context.newPage();
    await registerWithoutLooking(
      other,
      { pnr: newPersonalNumber(), email: person.email.toUpperCase() },
      /\/registrera\/granska$/,
    );
    const answer = other.getByRole("alert");
    await expect(answer).toContainText("Kontot kunde inte skapas");
    await expect(answer).toContainText("Om du redan har ett konto hos oss kan du logga in");
    await expect(other.getByText("Det finns redan ett konto")).toHaveCount(0);
    await expect(other.getByText("Snickare").first()).toBeVisible(); // the draft is kept
    await expectAccessible(other);
    await answer.getByRole("link", { name: "Logga in" }).click();
    await expect(other).toHaveURL(/\/logga-in\?nasta=%2Fboka$/);
    await context.close();
  });
});

/** Registers a person through the five steps as quickly as a user could. */
async function registerWithoutLooking(
  page: Page,
  person: { pnr: string; email: string },
  landsOn: RegExp = /\/boka$/,
) {
  await page.goto("/registrera");
  await waitForHydration(page);
  await fillAboutYou(page, person);
  await next(page);
  await expect(page).toHaveURL(/erfarenhet$/);
  await next(page);
  await expect(page).toHaveURL(/utbildning$/);
  await next(page);
  await expect(page).toHaveURL(/onskemal$/);
  await waitForHydration(page);
  await page.getByLabel("Sök yrke").fill("snickare");
  await page.getByRole("button", { name: /^Snickare/ }).click();
  await page.getByLabel("Hela Sverige").check();
  await page.getByLabel("Heltid").check();
  await page.getByLabel("Jag är arbetslös").check();
  await next(page);
  await expect(page).toHaveURL(/granska$/);
  await page.getByLabel("Välj ett lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Skapa kontot och gå vidare till bokning" }).click();
  await expect(page).toHaveURL(landsOn);
}

test.describe("the occupation search", () => {
  test("keeps what was typed before the page was ready, and searches for it", async ({ page }) => {
    // A phone on a slow network: the wasm arrives three seconds after the page.
    await page.route("**/*.wasm", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await page.goto("/registrera/onskemal");
    await page.getByLabel("Sök yrke").pressSequentially("lager");
    await expect(page.locator("body[data-hydrated='true']")).toHaveCount(0); // typed before
    await waitForHydration(page);
    await expect(page.getByLabel("Sök yrke")).toHaveValue("lager");
    await expect(page.getByRole("button", { name: /^Lagerarbetare/ })).toBeVisible();
  });

  test("stays where the person is, says only what happened, and knows English names", async ({ page }) => {
    await page.goto("/registrera/onskemal");
    await waitForHydration(page);
    const search = page.getByLabel("Sök yrke");
    const status = page.locator("#yrken [role='status']");
    // One letter: the hint promises suggestions from two, so nothing is said yet.
    await search.fill("l");
    await expect(status).toHaveText("");
    await search.fill("lager");
    const result = page.getByRole("button", { name: /^Lagerarbetare/ });
    await expect(result).toBeVisible();
    await result.focus();
    await page.keyboard.press("Enter");
    await expect(status).toHaveText("Lagerarbetare har lagts till.");
    await expect(search).toBeFocused();
    await expect(page.locator(".chips")).toContainText("Lagerarbetare");
    // English words find Swedish occupations too.
    for (const [english, swedish] of [
      ["nurse", "Sjuksköterska"],
      ["cook", "Kock"],
      ["developer", "Systemutvecklare"],
    ]) {
      await search.fill(english);
      await expect(page.getByRole("button", { name: new RegExp(`^${swedish}`) })).toBeVisible();
    }
    await expectAccessible(page);
  });
});

test.describe("registration without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every step works through plain form posts", async ({ page }) => {
    const person = { pnr: newPersonalNumber(), email: newEmail() };
    await page.goto("/registrera");
    // The server checks and shows the errors next to the fields and in the summary.
    await next(page);
    await expect(page).toHaveURL(/\/registrera\/om-dig$/);
    await expect(page.getByRole("alert")).toContainText("Förnamn: Fyll i det här.");
    await expect(page.locator("#f-first_name-fel")).toHaveText("Fyll i det här.");
    await expect(page.getByLabel("Förnamn")).toBeFocused();
    await fillAboutYou(page, person);
    await next(page);

    await expect(page).toHaveURL(/erfarenhet$/);
    await page.getByRole("button", { name: "Lägg till ett jobb" }).click();
    const job = page.getByRole("group", { name: "Jobb 1" });
    await job.getByLabel("Arbetsgivare").fill("Skolköket");
    await job.getByLabel("Yrke").fill("Kock");
    await job.getByLabel("Från (år och månad)").fill("2018-01");
    await page.getByRole("button", { name: "Lägg till ett jobb" }).click();
    await expect(page.getByRole("group", { name: "Jobb 2" })).toBeVisible();
    await page.getByRole("button", { name: "Ta bort jobb 2" }).click();
    await expect(page.getByRole("group", { name: "Jobb 2" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Jobb 1" }).getByLabel("Arbetsgivare")).toHaveValue("Skolköket");
    await page.getByRole("group", { name: "Jobb 1" }).getByLabel("Arbetsgivare").press("Enter");

    await expect(page).toHaveURL(/utbildning$/);
    await next(page);

    // Step 4: the search is a button, and the matches are buttons that pick them.
    await expect(page).toHaveURL(/onskemal$/);
    await page.getByLabel("Sök yrke").fill("kock");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page).toHaveURL(/onskemal\?sok=kock/);
    await page.getByRole("button", { name: /^Kock/ }).first().click();
    await expect(page.locator(".chips")).toContainText("Kock");
    await page.getByLabel("Hela Sverige").check();
    await page.getByLabel("Båda går bra").check();
    await page.getByLabel("Jag har blivit uppsagd eller ska bli det").check();
    await next(page);

    await expect(page).toHaveURL(/granska$/);
    await expect(page.getByText("Skolköket")).toBeVisible();
    await page.getByLabel("Välj ett lösenord").fill("kort");
    await page.getByRole("button", { name: "Skapa kontot och gå vidare till bokning" }).click();
    await expect(page.locator("#f-password-fel")).toHaveText("Lösenordet behöver minst 12 tecken.");
    await page.getByLabel("Välj ett lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Skapa kontot och gå vidare till bokning" }).click();
    await expect(page).toHaveURL(/\/boka$/);
    await expect(page.getByText("Välkommen, Amina!")).toBeVisible();
  });

  test("a wrong password keeps the email and says so", async ({ page }) => {
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill("ingen@example.se");
    await page.getByLabel("Lösenord").fill("fel lösenord igen");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("alert")).toHaveText("E-postadressen eller lösenordet stämmer inte. Försök igen.");
    await expect(page.getByLabel("E-postadress")).toHaveValue("ingen@example.se");
  });
});

// axe-core needs JavaScript in the page, so the pages as a browser without JavaScript gets
// them are checked with the app's own scripts blocked: each step, with server-drawn errors.
test("every step as drawn by the server, errors included, is accessible", async ({ page }) => {
  await page.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  const steps: [string, string | null][] = [
    ["om-dig", null],
    ["erfarenhet", "Lägg till ett jobb"],
    ["utbildning", "Lägg till en utbildning"],
    ["onskemal", null],
  ];
  for (const [step, add] of steps) {
    await page.goto(`/registrera/${step}`);
    if (add) await page.getByRole("button", { name: add }).click();
    await next(page);
    await expect(page).toHaveURL(new RegExp(`/registrera/${step}$`));
    await expect(page.getByRole("alert")).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto("/registrera/granska");
  await expect(page.getByLabel("Välj ett lösenord")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/logga-in");
  await expectAccessible(page);
});
