import { expect, test, type Page } from "@playwright/test";
import { addDays, collectConsoleProblems, emailTo, expectAccessible, PASSWORD, today, waitForHydration } from "./support";

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

test("an employer registers, invites a colleague and describes a need", async ({ page, browser }) => {
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
