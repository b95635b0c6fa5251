// The owner's one-click links: opening one changes nothing; its button acts once; an expired, tampered or
// foreign token is refused with a clear page.
import { describe, expect, it } from "vitest";
import { leadActionUrl } from "../../src/leads/links.ts";
import { signLink } from "../../src/platform/security/signed-links.ts";
import { OWNER_ACTION_PURPOSE } from "../../src/scheduling/booking-links.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";
import { apiLead } from "./helpers.ts";

const NOW = "2027-03-01T09:00:00Z";

async function setUp() {
  const f = await ownerFixture({ now: NOW });
  await f.api("/api/lead-settings", { method: "PUT", body: { criteria: { minDailyRateCents: 60_000 } } });
  const id = await apiLead(f, {
    name: "Ann Lee",
    email: "ann@example.org",
    answers: { dailyRateCents: 50_000 },
  });
  const path = (action: "qualify" | "advance" | "decline", from = "new") =>
    leadActionUrl(f.config, id, action, from as "new", f.clock.now()).replace(f.config.baseUrl, "");
  const lead = async () =>
    (await (await f.api(`/api/leads/${id}`)).json()) as {
      stage: string;
      verdict: string;
      timeline: { kind: string; data: { by?: string } }[];
    };
  return { f, id, path, lead, browser: new BrowserSession(f) };
}

describe("one-click links from the owner's email", () => {
  it("the new-lead email carries the three links, and each opens its own page", async () => {
    const { f } = await setUp();
    const mail = (f.deps.transport as CapturingTransport).sent[0]!;
    const links = [...mail.text.matchAll(/http:\/\/localhost:3000(\/m\/leads\/\S+)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(3);
    const titles = await Promise.all(
      links.map(async (l) => /<h1>([^<]+)<\/h1>/.exec(await (await f.app.request(l)).text())?.[1]),
    );
    expect(titles).toEqual(["Marquer Ann Lee comme qualifié", "Faire avancer Ann Lee", "Décliner Ann Lee"]);
  });

  it("qualify: GET shows, POST acts, by the owner", async () => {
    const { path, lead, browser } = await setUp();
    const page = await browser.get(path("qualify"));
    expect(page.status).toBe(200);
    expect((await lead()).verdict).toBe("declined");
    const response = await browser.post(path("qualify"), {}, { csrfFrom: path("qualify") });
    expect(response.status).toBe(303);
    expect(await (await browser.get(response.headers.get("location")!)).text()).toContain(
      "C&#39;est fait\u00a0: Ann Lee est qualifié.",
    );
    const after = await lead();
    expect(after.verdict).toBe("qualified");
    expect(after.timeline[0]).toMatchObject({ kind: "verdict.changed", data: { by: "owner" } });
  });

  it("advance: moves one stage from the stage the email saw, never twice", async () => {
    const { path, lead, browser } = await setUp();
    const url = path("advance");
    expect(await (await browser.get(url)).text()).toContain(
      "Passer de «\u00a0Nouveau\u00a0» à «\u00a0Appel prévu\u00a0»",
    );
    await browser.post(url, {}, { csrfFrom: url });
    expect((await lead()).stage).toBe("call_scheduled");
    // The same email opened again: the lead has moved on, nothing more happens.
    const again = await browser.get(url);
    expect(await again.text()).toContain("Ce prospect a changé d&#39;étape depuis cet e-mail");
    const token = /name="_csrf" value="([^"]+)"/.exec(await (await browser.get("/login")).text())![1]!;
    await browser.post(url, { _csrf: token });
    expect((await lead()).stage).toBe("call_scheduled");
  });

  it("decline: the message is editable on the page and sent in the prospect's language", async () => {
    const { f, path, lead, browser } = await setUp();
    const url = path("decline");
    const page = await (await browser.get(url)).text();
    expect(page).toContain("Bonjour Ann Lee,");
    expect((await lead()).stage).toBe("new");
    await browser.post(
      url,
      { send: "1", message: "Bonjour Ann,\n\nMerci, mais non.\n\nJean" },
      { csrfFrom: url },
    );
    expect((await lead()).stage).toBe("declined");
    const mail = (f.deps.transport as CapturingTransport).sent.at(-1)!;
    expect(mail.to.address).toBe("ann@example.org");
    expect(mail.text).toContain("Merci, mais non.");
  });

  it("refuses an expired link (410), a tampered one (404) and a booking link's token (404)", async () => {
    const { f, id, path, lead, browser } = await setUp();
    const url = path("qualify");
    const [body, signature] = url.replace("/m/leads/", "").split(".");
    const forged = Buffer.from(
      JSON.stringify({
        purpose: "lead.owner-action",
        subject: id,
        exp: Date.parse(NOW) + 1e10,
        data: { action: "advance", from: "new" },
      }),
    ).toString("base64url");
    expect((await browser.get(`/m/leads/${forged}.${signature}`)).status).toBe(404);
    expect((await browser.get(`/m/leads/${body}.${signature!.slice(0, -2)}xx`)).status).toBe(404);
    const bookingToken = signLink(f.config.secretKey, {
      purpose: OWNER_ACTION_PURPOSE,
      subject: id,
      exp: Date.parse(NOW) + 1e9,
      data: { action: "qualify", from: "new" },
    });
    expect((await browser.get(`/m/leads/${bookingToken}`)).status).toBe(404);
    f.clock.advance(15 * 86_400_000);
    const expired = await browser.get(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Ce lien a expiré");
    const token = /name="_csrf" value="([^"]+)"/.exec(await (await browser.get("/login")).text())![1]!;
    expect((await browser.post(url, { _csrf: token })).status).toBe(410);
    expect((await lead()).verdict).toBe("declined");
  });

  it("a link to an erased lead says so", async () => {
    const { f, id, path, browser } = await setUp();
    await f.api(`/api/leads/${id}`, { method: "DELETE" });
    const response = await browser.get(path("qualify"));
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("Ce prospect n&#39;existe plus");
  });
});
