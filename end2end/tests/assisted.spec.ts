import { expect, test } from "./fixtures";
import {
  addDays,
  collectConsoleProblems,
  emailTo,
  expectAccessible,
  lane,
  newPersonalNumber,
  PASSWORD,
  registerByPosts,
  signInStaff,
  today,
  waitForHydration,
} from "./support";

// Assisted service: reception finds a person (every search in the access log) and, for
// someone not registered, fills in the same five steps with them (or carries on a draft
// begun online); staff book the first meeting with the person's own picker; the person
// makes their own password with the emailed link.

test("reception registers a walk-in, books an office visit later this week, and the person makes their own password", async ({ page, browser }, info) => {
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
  // On to the person's case, to book the first meeting next.
  await expect(page).toHaveURL(/\/personal\/personer\/\d+#klart$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nour Salem");
  await expect(page.locator("#klart")).toHaveText(
    "Nour Salem är inskriven. Personen får en länk med mejl och sms för att välja sitt lösenord till Mina sidor. Boka det första mötet nu.",
  );
  await expect(page.locator(".lead")).toContainText("inskriven av Emina Hodžić");
  await expect(page.getByText("Inget första möte är bokat.")).toBeVisible();
  await expectAccessible(page);
  const caseUrl = page.url().replace(/#.*$/, "");

  // An office visit later this week, with the person's own picker.
  await page.getByRole("link", { name: "Boka första mötet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boka första mötet för Nour Salem");
  await waitForHydration(page);
  await page.getByLabel("Besök på ett kontor").check();
  await expect(page.getByLabel("Vilket kontor vill du besöka?")).toHaveValue(/\d+/);
  await page.getByRole("button", { name: "Visa lediga tider" }).click();
  await expect(page.getByRole("heading", { name: "Välj dag" })).toBeVisible();
  await waitForHydration(page);
  await expectAccessible(page);
  const days = page.locator("a[data-day]");
  const offered = await days.evaluateAll((links) => links.map((a) => a.getAttribute("data-day")!));
  // Later this week (Monday to Sunday); on a Friday evening or a weekend there is no later
  // day this week, and the first day offered is taken instead.
  const start = today();
  const weekday = (new Date(`${start}T12:00:00Z`).getUTCDay() + 6) % 7;
  const sunday = addDays(start, 6 - weekday);
  const thisWeek = offered.filter((d) => d > start && d <= sunday);
  const day = thisWeek[lane(info) % Math.max(thisWeek.length, 1)] ?? offered[0];
  await page.locator(`a[data-day='${day}']`).click();
  const times = page.locator(`[data-day-times='${day}'] .time label`);
  await expect(times.first()).toBeVisible();
  const slot = times.nth(Math.min(lane(info) * 2, (await times.count()) - 1));
  const clock = (await slot.locator(".time__clock").textContent())!.trim();
  await slot.click();
  await page.getByRole("button", { name: "Boka tiden åt personen" }).click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl.replace(/[/.]/g, "\\$&")}#klart$`));
  await expect(page.locator("#klart")).toHaveText(
    "Det första mötet är bokat. Personen får en bekräftelse med mejl och sms.",
  );
  await expect(page.locator(".person-case__first")).toContainText("Det första mötet är bokat");
  await expect(page.locator(".person-case__first")).toContainText(clock);
  await expect(page.locator(".timeline")).toContainText("Bokat av Emina Hodžić");
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  // The person's confirmation says the service booked it for them.
  const confirmation = await emailTo(email, "Arbetsförmedlingen har bokat");
  expect(confirmation).toContain("Arbetsförmedlingen har bokat ett första möte åt dig");
  expect(confirmation).toContain(clock);

  // Found by a search now, registered by staff.
  await page.goto("/personal/personer");
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
  const mail = await emailTo(email, "konto/losenord");
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

test("a person begins online, reception carries on after the code check and books by phone", async ({ page, browser }, info) => {
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
  // On at the step the person had come to, nothing typed again.
  await expect(desk).toHaveURL(/\/personal\/registrera\/[0-9a-f]{10}\/erfarenhet$/);
  await expectAccessible(desk);
  await desk.goto(desk.url().replace(/erfarenhet$/, "om-dig"));
  await expect(desk.getByLabel("Förnamn")).toHaveValue("Sami");
  await expect(desk.getByLabel("Personnummer eller samordningsnummer")).toHaveValue(pnr);
  await expectAccessible(desk);

  // The desk holds it now, to find again.
  await desk.goto("/personal/personer");
  await expect(desk.getByRole("heading", { name: "Påbörjade inskrivningar vid kontoret" })).toBeVisible();
  await expect(desk.locator("body")).toContainText("Sami Berhane, senast ändrad");

  // The rest on the phone: the wishes, the review, and the person is registered.
  const draft = code.toLowerCase().replaceAll("-", "");
  await desk.goto(`/personal/registrera/${draft}/onskemal`);
  await waitForHydration(desk);
  await desk.getByLabel("Sök yrke").fill("underskö");
  await desk.getByRole("button", { name: /^Undersköterska/ }).click();
  await expect(desk.locator(".chips")).toContainText("Undersköterska");
  await desk.getByLabel("Västra Götalands län").check();
  await desk.getByRole("group", { name: "Vill du arbeta heltid eller deltid?" }).getByLabel("Heltid").check();
  await desk.getByLabel("Jag är arbetslös").check();
  await desk.getByRole("button", { name: "Nästa steg" }).click();
  await expect(desk).toHaveURL(/\/granska$/);
  await desk.getByLabel("Jag har läst upp e-postadressen").check();
  await desk.getByRole("button", { name: "Skriv in personen" }).click();
  await expect(desk).toHaveURL(/\/personal\/personer\/\d+#klart$/);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Sami Berhane");

  // Booked by phone, with the keyboard alone.
  await waitForHydration(desk);
  await desk.getByRole("link", { name: "Boka första mötet" }).focus();
  await desk.keyboard.press("Enter");
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Boka första mötet för Sami Berhane");
  await waitForHydration(desk);
  await desk.getByLabel("Telefonsamtal").focus();
  await desk.keyboard.press("Space");
  await expect(desk.getByLabel("Telefonsamtal")).toBeChecked();
  await desk.getByRole("button", { name: "Visa lediga tider" }).focus();
  await desk.keyboard.press("Enter");
  await expect(desk.getByRole("heading", { name: "Välj dag" })).toBeVisible();
  await waitForHydration(desk);
  const current = desk.locator("a[data-day][aria-current='date']");
  await current.focus();
  for (let i = 0; i <= lane(info); i++) await desk.keyboard.press("ArrowRight");
  const day = await desk.locator("a[data-day][aria-current='date']").getAttribute("data-day");
  const time = desk.locator(`[data-day-times='${day}'] .time input`).first();
  await time.focus();
  await desk.keyboard.press("Space");
  await expect(time).toBeChecked();
  await desk.getByRole("button", { name: "Boka tiden åt personen" }).focus();
  await desk.keyboard.press("Enter");
  await expect(desk).toHaveURL(/\/personal\/personer\/\d+#klart$/);
  await expect(desk.locator("#klart")).toContainText("Det första mötet är bokat.");
  await expect(desk.locator("#kommande-rubrik + ul")).toContainText("Telefon");
  await expectAccessible(desk);
  expect(deskProblems).toEqual([]);
  await staff.close();
  expect(problems).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  // axe runs in the page, so it checks these pages in the journeys above, with JavaScript.

  test("staff find a person, open the case and book the first meeting by plain posts", async ({ page, browser }, info) => {
    const pnr = newPersonalNumber();
    await registerByPosts(page, "underskoterska", "41319", pnr);
    const staff = await browser.newContext({ javaScriptEnabled: false, locale: "sv-SE", viewport: page.viewportSize()! });
    const desk = await staff.newPage();
    await signInStaff(desk, "emina.hodzic@tidbok.example");
    await desk.goto("/personal/personer");
    await desk.getByLabel("Personnummer eller samordningsnummer").fill(pnr);
    await desk.getByLabel("Personen ringer").check();
    await desk.getByRole("button", { name: "Sök" }).click();
    await desk.getByRole("link", { name: "Öppna ärendet för Hodan Farah" }).click();
    await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Hodan Farah");
    await expect(desk.locator(".lead")).toContainText("skrev in sig själv online");
    // A walk-in can be seated now, or the page says nobody is free within the hour.
    await expect(desk.locator("#direkt")).toContainText(/Ta emot nu|Ingen rådgivare här har öppen tid inom en timme/);

    // A contact note, refused without text and kept when written.
    await desk.getByRole("group", { name: "Vilken kontakt?" }).getByLabel("Samtal").check();
    await desk.getByRole("button", { name: "Spara anteckningen" }).click();
    await expect(desk).toHaveURL(/#anteckning$/);
    await expect(desk.getByLabel("Vad gällde det?")).toHaveAttribute("aria-invalid", "true");
    await desk.getByLabel("Vad gällde det?").fill("Ringde och ville boka ett videomöte.");
    await desk.getByRole("button", { name: "Spara anteckningen" }).click();
    await expect(desk.locator("#klart")).toHaveText("Kontaktanteckningen är sparad i ärendet.");
    await expect(desk.locator(".timeline")).toContainText("Ringde och ville boka ett videomöte.");

    await desk.getByRole("link", { name: "Boka första mötet" }).click();
    await desk.getByLabel("Videomöte").check();
    await desk.getByRole("button", { name: "Visa lediga tider" }).click();
    const days = desk.locator("a[data-day]");
    const nth = 3 + lane(info);
    const day = await days.nth(nth).getAttribute("data-day");
    await days.nth(nth).click();
    await expect(desk.locator(`[data-day-times='${day}']`)).toBeVisible();
    await desk.getByRole("button", { name: "Boka tiden åt personen" }).click();
    await expect(desk.getByText("Välj en av tiderna.")).toBeVisible();
    await desk.locator("[data-day-times]:visible .time label").first().click();
    await desk.getByRole("button", { name: "Boka tiden åt personen" }).click();
    await expect(desk.locator("#klart")).toContainText("Det första mötet är bokat.");
    await expect(desk.locator("#kommande-rubrik + ul")).toContainText("Video");
    await staff.close();
  });

  test("the desk finds a draft begun online by the number and carries it on after the ID check", async ({ page, browser }) => {
    const pnr = newPersonalNumber();
    // At home, without JavaScript: the first step sent.
    await page.goto("/registrera");
    await page.getByLabel("Förnamn").fill("Liban");
    await page.getByLabel("Efternamn").fill("Warsame");
    await page.getByLabel("Personnummer eller samordningsnummer").fill(pnr);
    await page.getByLabel("E-postadress").fill(`e2e-id-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.se`);
    await page.getByLabel("Mobilnummer").fill("0701112233");
    await page.getByLabel("Postnummer").fill("41319");
    await page.getByLabel("Vilket språk vill du helst prata på?").selectOption("sv");
    await page.getByRole("group", { name: "Behöver du tolk vid mötet?" }).getByLabel("Nej").check();
    await page.getByRole("button", { name: "Nästa steg" }).click();
    await expect(page).toHaveURL(/\/registrera\/erfarenhet$/);
    const code = (await page.locator(".desk-code").textContent())!.match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2}/)![0];

    // At the desk: found by the number, with no code on the page; the box must be ticked.
    const staff = await browser.newContext({ javaScriptEnabled: false, locale: "sv-SE", viewport: page.viewportSize()! });
    const desk = await staff.newPage();
    await signInStaff(desk, "emina.hodzic@tidbok.example");
    await desk.goto("/personal/personer");
    await desk.getByLabel("Personnummer eller samordningsnummer").fill(pnr);
    await desk.getByLabel("Personen är här i receptionen").check();
    await desk.getByRole("button", { name: "Sök" }).click();
    const card = desk.locator("form.card", { hasText: "Påbörjad inskrivning på webben: Liban Warsame" });
    await expect(card).toBeVisible();
    expect(await desk.content()).not.toContain(code.replaceAll("-", "").toLowerCase());
    await card.getByRole("button", { name: "Fortsätt utkastet" }).click();
    const box = desk.getByLabel("Jag har kontrollerat personens id-handling här i receptionen.");
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await box.check();
    await card.getByRole("button", { name: "Fortsätt utkastet" }).click();
    // On where the person was: the second step, the first one kept.
    await expect(desk).toHaveURL(/\/personal\/registrera\/[0-9a-f]{10}\/erfarenhet$/);
    await desk.goto(desk.url().replace(/erfarenhet$/, "om-dig"));
    await expect(desk.getByLabel("Förnamn")).toHaveValue("Liban");
    await expect(desk.getByLabel("Personnummer eller samordningsnummer")).toHaveValue(pnr);
    await staff.close();
  });
});
