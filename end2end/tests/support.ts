import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** Fails the test on any WCAG 2.1 A or AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, "axe-core WCAG 2.1 A/AA violations").toEqual([]);
}

/** Waits until the wasm has hydrated the page (the app marks <body> when it has). */
export async function waitForHydration(page: Page) {
  await expect(page.locator("body[data-hydrated='true']")).toBeAttached();
}

/** Collects console errors and warnings, e.g. hydration mismatches. */
export function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  return problems;
}

export const PASSWORD = "en lång mening som lösenord";

/** A valid personal identity number nobody else in this run has. */
export function newPersonalNumber(): string {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const year = 1960 + Math.floor(Math.random() * 40);
  const nine = `${pad(year % 100, 2)}${pad(1 + Math.floor(Math.random() * 12), 2)}${pad(
    1 + Math.floor(Math.random() * 28),
    2,
  )}${pad(1 + Math.floor(Math.random() * 999), 3)}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${year}${nine.slice(2)}${(10 - (sum % 10)) % 10}`;
}

/** Registers and signs in through the same form posts a browser without JavaScript sends,
 * wishing for `occupation` (a taxonomy code). */
export async function registerByPosts(
  page: Page,
  occupation = "underskoterska",
  postcode = "41319",
  personalNumber = newPersonalNumber(),
  email = `boka-${Date.now()}-${Math.floor(Math.random() * 1e9)}@example.se`,
): Promise<string> {
  const post = async (path: string, form: Record<string, string>) => {
    const res = await page.request.post(path, {
      form,
      maxRedirects: 0,
      headers: { accept: "text/html" },
    });
    expect([302, 303], path).toContain(res.status());
    return res.headers()["location"];
  };
  await post("/api/registrering/om-dig", {
    "form[first_name]": "Hodan",
    "form[last_name]": "Farah",
    "form[personal_number]": personalNumber,
    "form[email]": email,
    "form[phone]": "0701234567",
    "form[postcode]": postcode,
    "form[preferred_language]": "sv",
    "form[interpreter]": "nej",
    intent: "next",
  });
  await post("/api/registrering/erfarenhet", { intent: "next" });
  await post("/api/registrering/utbildning", { intent: "next" });
  await post("/api/registrering/onskemal", {
    "form[occupations][]": occupation,
    "form[regions][]": "hela-sverige",
    "form[extent]": "full",
    "form[situation]": "arbetslos",
    intent: "next",
  });
  expect(await post("/api/registrering/skicka", { password: PASSWORD })).toBe("/boka");
  return email;
}

/** The folder the server under test writes its emails to, as .eml files. */
export const MAIL_DIR = process.env.E2E_MAIL_DIR ?? "../target/e2e/mail";

/** The text of the newest email to `to` (holding `holding`, when given), decoded from
 * quoted-printable; waits for the server's outbox worker (it looks every two seconds). */
export async function emailTo(to: string, holding = ""): Promise<string> {
  const fs = await import("node:fs");
  const path = await import("node:path");
  const decode = (raw: string) => {
    const body = raw.split(/\r?\n\r?\n/).slice(1).join("\n");
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  };
  let found = "";
  await expect
    .poll(
      () => {
        const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml")) : [];
        const texts = files
          .map((f) => ({ f, at: fs.statSync(path.join(MAIL_DIR, f)).mtimeMs }))
          .sort((a, b) => b.at - a.at)
          .map(({ f }) => fs.readFileSync(path.join(MAIL_DIR, f), "utf8"))
          .filter((t) => /^To: .*$/m.exec(t)?.[0].includes(to))
          .map(decode)
          .filter((t) => t.includes(holding));
        found = texts[0] ?? "";
        return found !== "";
      },
      { timeout: 20_000, message: `an email to ${to}${holding ? ` holding ${holding}` : ""}` },
    )
    .toBe(true);
  return found;
}

/** The demo staff accounts' password. */
export const STAFF_PASSWORD = "demo-personal-2026";

/** Signs in on the staff sign-in page; every role lands on the calendar. */
export async function signInStaff(page: Page, email: string) {
  await page.goto("/personal/logga-in");
  await page.getByLabel("E-postadress på jobbet").fill(email);
  await page.getByLabel("Lösenord").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/\/personal\/kalender/);
}

/** Today's date in Stockholm, `YYYY-MM-DD`. */
export function today(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Desktop and phone run side by side against one server: each gets days of its own. */
export function lane(info: TestInfo): number {
  return info.project.name === "phone" ? 1 : 0;
}
