import { expect, test } from "@playwright/test";
import { emailTo, expectAccessible, registerByPosts, signInStaff } from "./support";

// An administrator sets up a new counsellor in the browser: who they are, their office,
// occupational fields, languages and ways of meeting. The counsellor sets their own password
// with the emailed one-time link, signs in, lays out their working hours, and a job seeker
// in that office's area who wants work in the counsellor's field is offered their times.
// Göteborg has no counsellor for "Naturbruk" or "Kropps- och skönhetsvård" in the demo: the
// desktop and phone runs (side by side on one server) each add one for one of them, so the
// new counsellor is who is offered.
test("an administrator adds a counsellor who sets a password and is offered to job seekers", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(90_000);
  const phone = info.project.name === "phone";
  const lastName = phone ? "Lind" : "Berg";
  const field = phone ? "Kropps- och skönhetsvård" : "Naturbruk";
  const occupation = phone ? "frisor" : "skogsarbetare";
  const email = `nora.${lastName.toLowerCase()}.${Date.now()}@tidbok.example`;
  await signInStaff(page, "admin@tidbok.example");
  await page.getByRole("navigation").getByRole("link", { name: "Handläggare", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Handläggare");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ny handläggare" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ny handläggare");

  // A mistake is named next to its field; everything typed stays.
  await page.getByLabel("Förnamn").fill("Nora");
  await page.getByLabel("Efternamn").fill(lastName);
  await page.getByLabel("Direktnummer").fill("010-201 09 99");
  await page.getByLabel("E-postadress i arbetet").fill("nora@");
  await page.getByLabel("Kontor", { exact: true }).selectOption({ label: "Kontor Göteborg Centrum" });
  await page.getByLabel(field).check();
  await page.getByLabel("Somaliska").check();
  await page.getByRole("button", { name: "Skapa handläggaren och skicka länken" }).click();
  await expect(page.locator("#f-email-fel")).not.toBeEmpty();
  await expect(page.locator("#f-channels-fel")).not.toBeEmpty();
  await expect(page.getByLabel("Efternamn")).toHaveValue(lastName);
  await expect(page.getByLabel(field)).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("E-postadress i arbetet").fill(email);
  await page.getByLabel("Telefonsamtal").check();
  await page.getByLabel("Videomöte").check();
  await page.getByRole("button", { name: "Skapa handläggaren och skicka länken" }).click();
  await expect(page.getByRole("status")).toContainText("Handläggaren är skapad");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Nora ${lastName}`);
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // The counsellor's email holds the link; no password is in it.
  const text = await emailTo(email);
  expect(text).toContain("Hej Nora!");
  const link = /https?:\/\/\S+\/personal\/losenord\/[0-9a-f]{64}/.exec(text)![0];
  // Nora on her own device (axe needs a context of its own).
  const noraContext = await browser.newContext({ viewport: page.viewportSize()! });
  const nora = await noraContext.newPage();
  await nora.goto(new URL(link).pathname);
  await expect(nora.getByRole("heading", { level: 1 })).toHaveText("Välj lösenord");
  await expectAccessible(nora);
  await nora.getByLabel("Nytt lösenord").fill(`nora${lastName.toLowerCase()}`);
  await nora.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(nora.locator("#f-password-fel")).not.toBeEmpty();
  const password = "skogen är djup och stigen lång";
  await nora.getByLabel("Nytt lösenord").fill(password);
  await nora.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(nora.getByRole("status")).toContainText("Ditt lösenord är sparat");
  await nora.getByLabel("E-postadress på jobbet").fill(email);
  await nora.getByLabel("Lösenord").fill(password);
  await nora.getByRole("button", { name: "Logga in" }).click();
  await nora.waitForURL(/\/personal\/kalender/);

  // Her working hours, laid out as open time.
  await nora.getByRole("link", { name: "Arbetstider" }).click();
  for (let day = 0; day < 5; day++) {
    await nora.locator(`#f-wh-${day}-from`).fill("09:00");
    await nora.locator(`#f-wh-${day}-to`).fill("12:00");
  }
  await nora.getByRole("button", { name: "Spara arbetstiderna" }).click();
  await expect(nora.getByRole("status")).toContainText("Arbetstiderna är sparade");
  await nora.getByRole("button", { name: "Lägg ut öppen tid" }).click();
  await expect(nora.getByRole("status")).toContainText("öppna tider är utlagda");
  await noraContext.close();

  // A job seeker near Göteborg who wants work in her field is offered her times.
  const seekerContext = await browser.newContext({ viewport: page.viewportSize()! });
  const seeker = await seekerContext.newPage();
  await registerByPosts(seeker, occupation);
  await seeker.goto("/boka");
  await seeker.getByLabel("Telefonsamtal").check();
  await seeker.getByRole("button", { name: "Visa lediga tider" }).click();
  await expect(seeker.getByRole("heading", { name: "Välj dag" })).toBeVisible();
  await expect(seeker.locator(".time__who", { hasText: `Nora ${lastName}` }).first()).toBeAttached();
  await seekerContext.close();
});

test("meeting types: the rules of each, and a mistake named next to its field", async ({ page }) => {
  await signInStaff(page, "admin@tidbok.example");
  await page.getByRole("navigation").getByRole("link", { name: "Mötestyper" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mötestyper");
  const first = page.locator("tbody tr").filter({ hasText: "Första möte" });
  await expect(first).toContainText("45 min");
  await page.locator("#innehall").getByRole("link", { name: "Uppföljning" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Ändra: Uppföljning" })).toBeVisible();
  await expectAccessible(page);
  // Other tests book meanwhile: nothing is saved here, only refused.
  await page.getByLabel("Längd (minuter)").fill("50");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByLabel("Längd (minuter)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Längd (minuter)")).toHaveValue("50");
  await expect(page.getByRole("heading", { level: 2, name: "Ändra: Uppföljning" })).toBeVisible();
  await expect(first).toContainText("45 min");
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("accounts: the last administrator stays, and the page says why", async ({ page }) => {
    await signInStaff(page, "admin@tidbok.example");
    await page.goto("/personal/admin/konton");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Konton och roller");
    await page.getByRole("link", { name: "Alex Administratör" }).click();
    await page.getByLabel("Roll").selectOption({ label: "Kontorschef" });
    await page.getByLabel("Kontor", { exact: true }).selectOption({ label: "Kontor Umeå" });
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(page.getByRole("alert")).toContainText("minst en aktiv administratör");
    await expect(page.locator("dd").filter({ hasText: "Aktiv" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });
});
