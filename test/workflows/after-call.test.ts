// after-call: the morning after a call the owner is asked to move the lead on, reminded once three days
// later if the stage did not change, and never again once it does; nothing for a call that did not happen.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { afterCallAskAt } from "../../src/leads/after-call-policy.ts";
import { outbox, workflowRuns } from "../../src/platform/db/schema.ts";
import { tick } from "../../src/platform/tick.ts";
import { saveWorkflowSettings } from "../../src/platform/workflows/settings-store.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { DISCOVERY, GOOD_ANSWERS, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";

// Friday 2027-03-26 09:00 UTC; the call is Monday 2027-03-29 09:00–09:30 Paris.
const CALL = "2027-03-29T09:00:00+02:00";
const CALL_MS = Date.parse(CALL);
// Tuesday 09:00 Paris, and three days later.
const ASK = Date.parse("2027-03-30T09:00:00+02:00");
const REMIND = Date.parse("2027-04-02T09:00:00+02:00");
const MIN = 60_000;

async function booked(options: { locale?: "fr" | "en"; answers?: Record<string, unknown> } = {}) {
  const f = await ownerFixture({ now: "2027-03-26T09:00:00Z", locale: options.locale });
  expect(
    (
      await f.api("/api/event-types", {
        body: { ...DISCOVERY, triage: { ...DISCOVERY.triage, onDecline: "flag" } },
      })
    ).status,
  ).toBe(201);
  const r = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: {
      start: CALL,
      timeZone: "Europe/Paris",
      name: "Alice Martin",
      email: "alice@example.org",
      answers: options.answers ?? GOOD_ANSWERS,
    },
  });
  expect(r.status).toBe(201);
  const body = (await r.json()) as { booking: { id: string; manageUrl: string }; lead: { id: string } };
  return { f, booking: body.booking, leadId: body.lead.id };
}

async function afterCallMails(f: OwnerFixture) {
  return f.deps.database.db.select().from(outbox).where(eq(outbox.why, "workflow:after-call")).all();
}

async function afterCallRun(f: OwnerFixture) {
  return f.deps.database.db.select().from(workflowRuns).where(eq(workflowRuns.workflow, "after-call")).get();
}

describe("after-call", () => {
  it("asks the owner at 09:00 the morning after, once, with one-click links, then reminds once three days later", async () => {
    expect(afterCallAskAt(CALL_MS + 30 * MIN, "Europe/Paris")).toBe(ASK);
    const { f, leadId } = await booked({ answers: { ...GOOD_ANSWERS, rate: 40_000 } });
    await tick(f.deps);
    expect(await afterCallRun(f)).toMatchObject({
      status: "waiting",
      waitingOn: "sleep:ask-due",
      wakeAt: ASK,
    });
    f.clock.set(ASK - MIN);
    await tick(f.deps);
    expect(await afterCallMails(f)).toHaveLength(0);
    f.clock.set(ASK + MIN);
    await tick(f.deps);
    await tick(f.deps);
    const [ask, ...more] = await afterCallMails(f);
    expect(more).toHaveLength(0);
    expect(ask).toMatchObject({ toAddress: "jean@example.com", locale: "fr", status: "sent" });
    expect(ask!.subject).toBe("Après votre appel avec Alice Martin\u00a0: et maintenant\u00a0?");
    expect(ask!.text).toMatch(/le lundi 29 mars\s+2027/);
    expect(ask!.text).toContain("Appel prévu");
    expect(ask!.text).toContain("Passer à «\u00a0Appel fait\u00a0»");
    // The rate is under the owner's minimum: the lead is not qualified, so "mark qualified" is offered.
    expect(ask!.text).toContain("Marquer comme qualifié");
    expect(ask!.text).toContain("TJM proposé");
    expect(ask!.text).toMatch(/http:\/\/localhost:3000\/m\/leads\/\S+/);
    expect(ask!.text).toContain(`http://localhost:3000/dashboard/leads/${leadId}`);
    expect(ask!.html).toContain("Décliner avec un message");

    f.clock.set(REMIND - MIN);
    await tick(f.deps);
    expect(await afterCallMails(f)).toHaveLength(1);
    f.clock.set(REMIND + MIN);
    await tick(f.deps);
    await tick(f.deps);
    const mails = await afterCallMails(f);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe("Rappel\u00a0: que faire avec Alice Martin\u00a0?");
    expect((await afterCallRun(f))?.status).toBe("completed");
    f.clock.set(REMIND + 10 * 86_400_000);
    await tick(f.deps);
    expect(await afterCallMails(f)).toHaveLength(2);
  });

  it("stops as soon as the owner moves the lead on through the email's one-click link", async () => {
    const { f, leadId } = await booked();
    f.clock.set(ASK + MIN);
    await tick(f.deps);
    const [ask] = await afterCallMails(f);
    // A qualified lead is not offered "mark qualified" again.
    expect(ask!.text).not.toContain("Marquer comme qualifié");
    const advance = /http:\/\/localhost:3000(\/m\/leads\/[^\s)]+)/.exec(ask!.text)![1]!;
    const session = new BrowserSession(f);
    expect((await session.get(advance)).status).toBe(200);
    const moved = await session.post(advance, {}, { csrfFrom: advance });
    expect(moved.status).toBe(303);
    const lead = (await (await f.api(`/api/leads/${leadId}`)).json()) as { stage: string };
    expect(lead.stage).toBe("call_done");
    // The run ends now, not at its reminder time.
    f.clock.advance(MIN);
    await tick(f.deps);
    expect(await afterCallRun(f)).toMatchObject({ status: "completed" });
    f.clock.set(REMIND + MIN);
    await tick(f.deps);
    expect(await afterCallMails(f)).toHaveLength(1);
  });

  it("sends no reminder when the stage changed through the API after the question", async () => {
    const { f, leadId } = await booked();
    f.clock.set(ASK + MIN);
    await tick(f.deps);
    f.clock.set(ASK + 2 * 86_400_000);
    expect(
      (await f.api(`/api/leads/${leadId}`, { method: "PATCH", body: { stage: "declined" } })).status,
    ).toBe(200);
    f.clock.set(REMIND + MIN);
    await tick(f.deps);
    expect(await afterCallMails(f)).toHaveLength(1);
    expect((await afterCallRun(f))?.status).toBe("completed");
  });

  it("asks nothing about a cancelled call, a lead already moved, or a morning long gone", async () => {
    const cancelled = await booked();
    const token = cancelled.booking.manageUrl.split("/bookings/")[1]!;
    await cancelled.f.publicApi(`/api/public/bookings/${token}/cancel`, { body: {} });
    cancelled.f.clock.set(ASK + MIN);
    await tick(cancelled.f.deps);
    expect(await afterCallMails(cancelled.f)).toHaveLength(0);
    expect((await afterCallRun(cancelled.f))?.status).toBe("cancelled");

    // The owner moved the lead on right after the call, the same day: no question the next morning.
    const moved = await booked();
    moved.f.clock.set(CALL_MS + 40 * MIN);
    await moved.f.api(`/api/leads/${moved.leadId}`, { method: "PATCH", body: { stage: "team_meeting" } });
    moved.f.clock.set(ASK + MIN);
    await tick(moved.f.deps);
    expect(await afterCallMails(moved.f)).toHaveLength(0);
    expect((await afterCallRun(moved.f))?.status).toBe("completed");

    // The scheduler was down until the reminder would have been due: asking then helps no one.
    const late = await booked();
    await tick(late.f.deps);
    late.f.clock.set(REMIND + MIN);
    await tick(late.f.deps);
    expect(await afterCallMails(late.f)).toHaveLength(0);
  });

  it("follows a reschedule, honours the owner's reminder delay, and speaks the owner's language", async () => {
    const { f, booking } = await booked({ locale: "en" });
    await saveWorkflowSettings(f.deps.database, f.owner.id, { afterCallReminderDays: 5 }, f.clock.now());
    const token = booking.manageUrl.split("/bookings/")[1]!;
    // Moved to Thursday 1 April 10:00 Paris: the question comes on Friday morning instead of Tuesday.
    const moved = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-04-01T10:00:00+02:00" },
    });
    expect(moved.status).toBe(200);
    f.clock.set(ASK + MIN);
    await tick(f.deps);
    expect(await afterCallMails(f)).toHaveLength(0);
    const friday = Date.parse("2027-04-02T09:00:00+02:00");
    f.clock.set(friday + MIN);
    await tick(f.deps);
    const [ask] = await afterCallMails(f);
    expect(ask).toMatchObject({ locale: "en", subject: "After your call with Alice Martin: what next?" });
    expect(ask!.text).toContain("Move to “Call done”");
    expect(ask!.text).toContain("a reminder follows in 5 days");
    f.clock.set(friday + 3 * 86_400_000 + MIN);
    await tick(f.deps);
    expect(await afterCallMails(f)).toHaveLength(1);
    f.clock.set(friday + 5 * 86_400_000 + MIN);
    await tick(f.deps);
    expect((await afterCallMails(f)).map((m) => m.subject)).toEqual([
      "After your call with Alice Martin: what next?",
      "Reminder: what next with Alice Martin?",
    ]);
    const runs = await f.deps.database.db
      .select()
      .from(workflowRuns)
      .where(eq(workflowRuns.workflow, "after-call"))
      .all();
    expect(runs.map((r) => r.status).sort()).toEqual(["cancelled", "completed"]);
  });
});
