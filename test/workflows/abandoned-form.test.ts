// abandoned-form: a visitor answers a booking link's questions and picks no time → one nudge a day later,
// back to the times with the answers kept, with an opt-out; never twice, never after booking, never stale.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { saveWorkflowSettings } from "../../src/platform/workflows/settings-store.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import {
  DISCOVERY,
  discoveryBooking,
  GOOD_ANSWERS,
  type OwnerFixture,
  ownerFixture,
} from "../helpers/owner-fixture.ts";

const NOW = Date.parse("2027-03-26T09:00:00Z");
const HOUR = 3_600_000;
const FORM = {
  name: "Alice Martin",
  email: "Alice@Example.org",
  "answers.rate": "650",
  "answers.months": "6",
  "answers.stack": "TypeScript",
  timeZone: "America/New_York",
};

async function withLink(overrides: Record<string, unknown> = {}) {
  const f = await ownerFixture({ now: "2027-03-26T09:00:00Z" });
  expect((await f.api("/api/event-types", { body: { ...DISCOVERY, ...overrides } })).status).toBe(201);
  return { f, s: new BrowserSession(f, "en-GB,en;q=0.9") };
}

async function answer(s: BrowserSession, fields: Record<string, string> = {}, path = "/jean/discovery") {
  const posted = await s.post(path, { ...FORM, lang: "en", ...fields }, { csrfFrom: path });
  return posted;
}

async function nudges(f: OwnerFixture) {
  return f.deps.database.db.select().from(outbox).where(eq(outbox.why, "workflow:abandoned-form")).all();
}

async function formRuns(f: OwnerFixture) {
  return f.deps.database.db
    .select()
    .from(workflowRuns)
    .where(eq(workflowRuns.workflow, "abandoned-form"))
    .all();
}

const urlIn = (text: string, pattern: RegExp) => pattern.exec(text)?.[0] ?? "";

describe("abandoned-form", () => {
  it("nudges once, a day later, in the visitor's language, back to the times with the answers kept", async () => {
    const { f, s } = await withLink();
    expect((await answer(s)).status).toBe(303);
    // Coming back to step 1 the same day starts nothing new: one run per link and email.
    f.clock.advance(HOUR);
    expect((await answer(s, { email: "alice@example.org" })).status).toBe(303);
    const [run, ...others] = await formRuns(f);
    expect(others).toHaveLength(0);
    expect(run).toMatchObject({ key: `${run!.input.eventTypeId}:alice@example.org`, status: "waiting" });

    f.clock.set(NOW + 24 * HOUR - 60_000);
    await tick(f.deps);
    expect(await nudges(f)).toHaveLength(0);
    f.clock.set(NOW + 24 * HOUR + 60_000);
    await tick(f.deps);
    await tick(f.deps);
    const [mail, ...more] = await nudges(f);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ toAddress: "Alice@Example.org", locale: "en", status: "sent" });
    expect(mail!.subject).toBe("Your call with Jean Dupont: only the time is missing");
    expect(mail!.text).toContain("Hello Alice,");
    expect(mail!.text).toContain("“Premier échange”");
    const optOut = urlIn(mail!.text, /http:\/\/localhost:3000\/bookings\/stop\/[\w.-]+\?lang=en/);
    expect(optOut).not.toBe("");
    expect(mail!.headers).toEqual({
      "List-Unsubscribe": `<${optOut}>, <mailto:jean@example.com?subject=unsubscribe>`,
      "Reply-To": "jean@example.com",
    });

    // The button opens the week of times as "Alice Martin", without answering again.
    const resume = urlIn(
      mail!.text,
      /http:\/\/localhost:3000\/jean\/discovery\/slots\?s=[\w.-]+&lang=en&timeZone=America%2FNew_York/,
    );
    expect(resume).not.toBe("");
    const slots = await s.get(resume.replace("http://localhost:3000", ""));
    expect(slots.status).toBe(200);
    const page = await slots.text();
    expect(page).toContain("Alice Martin");
    expect(page).toContain('action="/jean/discovery/book"');

    f.clock.advance(10 * 24 * HOUR);
    await answer(s);
    await tick(f.deps);
    expect(await nudges(f)).toHaveLength(1);
    expect((await formRuns(f)).map((r) => r.status)).toEqual(["completed"]);
  });

  it("ends without a word when that email books that link, on the page or through the API", async () => {
    const { f, s } = await withLink();
    await answer(s);
    f.clock.advance(2 * HOUR);
    const booked = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: discoveryBooking(),
    });
    expect(booked.status).toBe(201);
    await tick(f.deps);
    expect((await formRuns(f)).map((r) => r.status)).toEqual(["completed"]);
    f.clock.set(NOW + 25 * HOUR);
    await tick(f.deps);
    expect(await nudges(f)).toHaveLength(0);

    // Someone else booking the same link does not end Alice's run.
    const other = await withLink();
    await answer(other.s);
    await other.f.publicApi("/api/public/jean/discovery/bookings", {
      body: discoveryBooking({ name: "Bob", email: "bob@example.org" }),
    });
    other.f.clock.set(NOW + 25 * HOUR);
    await tick(other.f.deps);
    expect(await nudges(other.f)).toHaveLength(1);
  });

  it("honours the opt-out link: a page to confirm, then no nudge about any link", async () => {
    const { f, s } = await withLink();
    await f.api("/api/event-types", { body: { ...DISCOVERY, slug: "audit", title: "Audit" } });
    await answer(s);
    f.clock.set(NOW + 25 * HOUR);
    await tick(f.deps);
    const [mail] = await nudges(f);
    const optOut = urlIn(mail!.text, /\/bookings\/stop\/[\w.-]+\?lang=en/);
    const shown = await s.get(optOut);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("Stop these emails");
    const path = optOut.split("?")[0]!;
    const done = await s.post(`${path}?lang=en`, {}, { csrfFrom: optOut });
    expect(done.status).toBe(303);
    expect(await (await s.get(optOut)).text()).toContain(
      "you will not receive this kind of reminder from Jean Dupont again",
    );
    // A forged token is refused.
    expect((await s.get(`/bookings/stop/${path.split("/").pop()}x`)).status).toBe(404);

    await answer(s, {}, "/jean/audit");
    f.clock.advance(25 * HOUR);
    await tick(f.deps);
    expect(await nudges(f)).toHaveLength(1);
    expect((await formRuns(f)).map((r) => r.status)).toEqual(["completed", "completed"]);
  });

  it("skips a nudge long overdue, or about a link switched off; starts none for a blocked lead or when switched off", async () => {
    const late = await withLink();
    await answer(late.s);
    late.f.clock.set(NOW + 4 * 24 * HOUR); // the scheduler was down for days
    await tick(late.f.deps);
    expect(await nudges(late.f)).toHaveLength(0);
    expect((await formRuns(late.f)).map((r) => r.status)).toEqual(["completed"]);

    const closed = await withLink();
    await answer(closed.s);
    const types = (await (await closed.f.api("/api/event-types")).json()).items as {
      id: string;
      slug: string;
    }[];
    const type = types.find((t) => t.slug === "discovery");
    expect(
      (await closed.f.api(`/api/event-types/${type!.id}`, { method: "PATCH", body: { active: false } }))
        .status,
    ).toBe(200);
    closed.f.clock.set(NOW + 25 * HOUR);
    await tick(closed.f.deps);
    expect(await nudges(closed.f)).toHaveLength(0);

    // Triage declined and the link blocks declined leads: they were told no, nothing follows.
    const blocked = await withLink();
    expect((await answer(blocked.s, { "answers.rate": "300" })).status).toBe(200);
    expect(await formRuns(blocked.f)).toHaveLength(0);

    const off = await withLink();
    await saveWorkflowSettings(off.f.deps.database, off.f.owner.id, { disabled: ["abandoned-form"] }, NOW);
    expect((await answer(off.s)).status).toBe(303);
    expect(await formRuns(off.f)).toHaveLength(0);
  });

  it("waits as long as the owner set, and forgets the answers when the person is erased", async () => {
    const { f, s } = await withLink();
    await saveWorkflowSettings(f.deps.database, f.owner.id, { abandonedFormHours: 48 }, NOW);
    await answer(s);
    f.clock.set(NOW + 25 * HOUR);
    await tick(f.deps);
    expect(await nudges(f)).toHaveLength(0);
    f.clock.set(NOW + 48 * HOUR + 60_000);
    await tick(f.deps);
    expect(await nudges(f)).toHaveLength(1);

    // The person later books, then asks to be erased: the run holding their answers goes too.
    const booked = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: {
        start: "2027-03-30T09:00:00+02:00",
        timeZone: "Europe/Paris",
        name: "Alice",
        email: "alice@example.org",
        answers: GOOD_ANSWERS,
      },
    });
    const { lead } = (await booked.json()) as { lead: { id: string } };
    expect((await f.api(`/api/leads/${lead.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await formRuns(f)).toHaveLength(0);
    expect(await nudges(f)).toHaveLength(0);
  });
});
