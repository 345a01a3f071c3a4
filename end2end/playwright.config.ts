import { defineConfig, devices } from "@playwright/test";

// The server under test: the built Tidbok binary on a database chosen by the caller
// (scripts/test.sh runs this suite once on SQLite and once on PostgreSQL).
const port = Number(process.env.E2E_PORT ?? 3400);
const baseURL = `http://127.0.0.1:${port}`;
const binary = process.env.E2E_BINARY ?? "../target/debug/tidbok";
const databaseUrl = process.env.E2E_DATABASE_URL ?? "sqlite://../target/e2e/tidbok-e2e.db";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  // A journey signs people in (argon2id on a debug build) and runs axe several times; on a
  // loaded two-core CI machine 30 s was not always enough for one that takes 8 s here.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions: chromium,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "off",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "phone",
      use: {
        ...devices["Pixel 5"],
        viewport: { width: 360, height: 740 },
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command: binary,
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      TIDBOK_ADDR: `127.0.0.1:${port}`,
      TIDBOK_DEMO_DATA: "true",
      // The question after a meeting goes at once, so a test can follow its link.
      TIDBOK_RATING_DELAY_MINUTES: "0",
      TIDBOK_LOG: "warn",
      // Emails are written as .eml files here (no SMTP server in the tests).
      TIDBOK_MAIL_DIR: process.env.E2E_MAIL_DIR ?? "../target/e2e/mail",
      LEPTOS_SITE_ROOT: "../target/site",
    },
  },
});
