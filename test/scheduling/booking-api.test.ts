import { describe, expect, it } from "vitest";
import { DISCOVERY, GOOD_ANSWERS, ownerFixture } from "../helpers/owner-fixture.ts";
import type { CapturingTransport } from "../helpers/test-app.ts";

// Monday 2027-03-29 (the day after the spring DST change in Paris); the clock says Friday 26th 09:00 UTC.
const NOW = "2027-03-26T09:00:00Z";
const SLOT = "2027-03-29T09:00:00+02:00";

async function withLink(overrides: Record<string, unknown> = {}) {
  const f = await ownerFixture({ now: NOW });
  const created = await f.api("/api/event-types", { body: { ...DISCOVERY, ...overrides } });
  expect(created.status).toBe(201);
  return f;
}

function booking(overrides: Record<string, unknown> = {}) {
  return {
    start: SLOT,
    timeZone: "America/New_York",
    name: "Alice Martin",
    email: "alice@example.org",
    answers: GOOD_ANSWERS,
    ...overrides,
  };
}

describe("public booking API", () => {
  it("shows the link with its questions, and 404 for unknown handles or slugs", async () => {
    const f = await withLink();
    const response = await f.publicApi("/api/public/jean/discovery", {
      headers: { "accept-language": "en" },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      title: string;
      durationMinutes: number;
      questions: { id: string; label: string; role?: string }[];
    };
    expect(body.durationMinutes).toBe(30);
    expect(body.questions[0]).toMatchObject({
      id: "rate",
      label: "Daily rate offered",
      type: "money",
      required: true,
      role: "dailyRate",
    });
    expect((await f.publicApi("/api/public/nobody/discovery")).status).toBe(404);
    expect((await f.publicApi("/api/public/jean/nothing")).status).toBe(404);
  });

  it("lists slots keyed by the visitor's dates, with the visitor's offset", async () => {
    const f = await withLink();
    const response = await f.publicApi(
      "/api/public/jean/discovery/slots?from=2027-03-29&to=2027-03-29&timeZone=America/New_York",
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      timeZone: string;
      slots: Record<string, { start: string; end: string }[]>;
    };
    expect(body.timeZone).toBe("America/New_York");
    // 09:00 Paris (UTC+2 after the change) is 03:00 in New York (UTC−4).
    expect(body.slots["2027-03-29"]?.[0]).toEqual({
      start: "2027-03-29T03:00:00-04:00",
      end: "2027-03-29T03:30:00-04:00",
    });
  });

  it("answers 400 for a bad zone, a reversed range or more than 62 days", async () => {
    const f = await withLink();
    for (const q of [
      "from=2027-03-29&to=2027-03-29&timeZone=Mars/Base",
      "from=2027-03-29&to=2027-03-01&timeZone=UTC",
      "from=2027-01-01&to=2027-03-05&timeZone=UTC",
      "from=junk&to=2027-03-01&timeZone=UTC",
      "from=2027-02-27&to=2027-02-30&timeZone=UTC",
      "from=2027-01-01&to=2027-03-04&timeZone=UTC",
    ]) {
      const r = await f.publicApi(`/api/public/jean/discovery/slots?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
    }
    // 62 days, both ends included, is the longest range.
    const longest = await f.publicApi(
      "/api/public/jean/discovery/slots?from=2027-01-01&to=2027-03-03&timeZone=UTC",
    );
    expect(longest.status).toBe(200);
  });

  it("books a slot: 201 with the manage link; the slot disappears; a second booking gets 409", async () => {
    const f = await withLink();
    const response = await f.publicApi("/api/public/jean/discovery/bookings", { body: booking() });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      booking: { id: string; status: string; start: string; end: string; manageUrl: string };
      lead: { id: string; verdict: string };
    };
    expect(body.booking).toMatchObject({
      status: "confirmed",
      start: "2027-03-29T03:00:00-04:00",
      end: "2027-03-29T03:30:00-04:00",
    });
    expect(body.booking.manageUrl).toMatch(/^http:\/\/localhost:3000\/bookings\/.+/);
    expect(body.lead.verdict).toBe("qualified");
    const slots = (await (
      await f.publicApi(
        "/api/public/jean/discovery/slots?from=2027-03-29&to=2027-03-29&timeZone=Europe/Paris",
      )
    ).json()) as { slots: Record<string, { start: string }[]> };
    const starts = slots.slots["2027-03-29"]!.map((s) => s.start);
    // The booking plus its 10-minute buffers also rules out 09:30 (its padded start overlaps 09:30 + buffer).
    expect(starts).not.toContain("2027-03-29T09:00:00+02:00");
    expect(starts).not.toContain("2027-03-29T09:30:00+02:00");
    expect(starts).toContain("2027-03-29T10:00:00+02:00");
    const again = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: booking({ email: "bob@example.org" }),
    });
    expect(again.status).toBe(409);
  });

  it("refuses a start that was never offered with 409", async () => {
    const f = await withLink();
    for (const start of [
      "2027-03-29T09:05:00+02:00",
      "2027-03-28T09:00:00+02:00",
      "2027-03-29T13:00:00+02:00",
      "2027-03-26T09:30:00Z",
    ]) {
      expect(
        (await f.publicApi("/api/public/jean/discovery/bookings", { body: booking({ start }) })).status,
        start,
      ).toBe(409);
    }
  });

  it("answers 422 with one error per field for invalid or missing answers, keeping nothing", async () => {
    const f = await withLink();
    const r = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: booking({ email: "nope", answers: { rate: "abc", extra: 1 } }),
    });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["email"]));
    const r2 = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: booking({ answers: { rate: "abc", extra: 1 } }),
    });
    expect(r2.status).toBe(422);
    const paths = ((await r2.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["answers.rate", "answers.months", "answers.extra"]));
    const list = (await (await f.api("/api/bookings")).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
  });

  it("declines a 2-month mission on a blocking link: 200, booking null, the lead kept with its reason", async () => {
    const f = await withLink();
    const r = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: booking({ answers: { ...GOOD_ANSWERS, months: 2 } }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      booking: null;
      lead: { id: string; verdict: string; reasons: { rule: string; outcome: string }[] };
      message: string;
    };
    expect(body.booking).toBeNull();
    expect(body.lead.verdict).toBe("declined");
    expect(body.lead.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: "duration", outcome: "fail" })]),
    );
    expect(body.message.length).toBeGreaterThan(10);
    const list = (await (await f.api("/api/bookings")).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
  });

  it("books as pending when the link requires confirmation, and the owner approves it", async () => {
    const f = await withLink({ requiresConfirmation: true });
    const r = await f.publicApi("/api/public/jean/discovery/bookings", { body: booking() });
    expect(r.status).toBe(201);
    const { booking: b } = (await r.json()) as { booking: { id: string; status: string } };
    expect(b.status).toBe("pending");
    // A pending booking holds its slot.
    expect(
      (
        await f.publicApi("/api/public/jean/discovery/bookings", {
          body: booking({ email: "x@example.org" }),
        })
      ).status,
    ).toBe(409);
    const approved = await f.api(`/api/bookings/${b.id}/approve`, { method: "POST" });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { status: string }).status).toBe("confirmed");
  });

  it("50 concurrent requests for one slot: exactly one 201, the others 409", async () => {
    const f = await withLink();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        f.publicApi("/api/public/jean/discovery/bookings", { body: booking({ email: `p${i}@example.org` }) }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  });

  it("sends the prospect a confirmation with an .ics and the owner the answers and verdict", async () => {
    const f = await withLink();
    await f.publicApi("/api/public/jean/discovery/bookings", {
      body: booking({ locale: "en", notes: "<script>alert(1)</script> & co" }),
    });
    await f.settle();
    const sent = (f.deps.transport as CapturingTransport).sent;
    expect(sent).toHaveLength(2);
    const toProspect = sent.find((m) => m.to.address === "alice@example.org")!;
    const toOwner = sent.find((m) => m.to.address === "jean@example.com")!;
    expect(toProspect.attachments?.[0]).toMatchObject({
      contentType: expect.stringContaining("text/calendar"),
      method: "REQUEST",
    });
    expect(toProspect.attachments?.[0]?.content).toContain("METHOD:REQUEST");
    expect(toProspect.text).toContain("/bookings/");
    expect(toOwner.html).not.toContain("<script>alert(1)</script>");
    expect(toOwner.html).toContain("&lt;script&gt;");
    expect(toOwner.text).toContain("650");
  });
});

describe("managing a booking through its signed link", () => {
  async function booked() {
    const f = await withLink();
    const r = await f.publicApi("/api/public/jean/discovery/bookings", { body: booking() });
    const { booking: b } = (await r.json()) as { booking: { id: string; manageUrl: string } };
    const token = b.manageUrl.split("/bookings/")[1]!;
    return { f, id: b.id, token };
  }

  it("reads the booking, and 404s a tampered token", async () => {
    const { f, id, token } = await booked();
    const r = await f.publicApi(`/api/public/bookings/${token}`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      id,
      status: "confirmed",
      start: "2027-03-29T03:00:00-04:00",
      title: "Premier échange",
      canCancel: true,
      canReschedule: true,
    });
    expect((await f.publicApi(`/api/public/bookings/${token.slice(0, -2)}xx`)).status).toBe(404);
  });

  it("cancels, frees the slot and sends METHOD:CANCEL", async () => {
    const { f, token } = await booked();
    const r = await f.publicApi(`/api/public/bookings/${token}/cancel`, {
      body: { reason: "Project postponed" },
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "cancelled" });
    expect(
      ((await (await f.publicApi(`/api/public/bookings/${token}`)).json()) as { status: string }).status,
    ).toBe("cancelled");
    const again = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: booking({ email: "bob@example.org" }),
    });
    expect(again.status).toBe(201);
    await f.settle();
    const cancel = (f.deps.transport as CapturingTransport).sent.find(
      (m) => m.attachments?.[0]?.method === "CANCEL",
    );
    expect(cancel?.attachments?.[0]?.content).toContain("METHOD:CANCEL");
    expect(cancel?.attachments?.[0]?.content).toContain("SEQUENCE:1");
  });

  it("reschedules keeping the same booking, with SEQUENCE raised, and 409 onto a taken slot", async () => {
    const { f, id, token } = await booked();
    const other = await f.publicApi("/api/public/jean/discovery/bookings", {
      body: booking({ start: "2027-03-29T11:00:00+02:00", email: "bob@example.org" }),
    });
    expect(other.status).toBe(201);
    expect(
      (
        await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
          body: { start: "2027-03-29T11:00:00+02:00" },
        })
      ).status,
    ).toBe(409);
    const moved = await f.publicApi(`/api/public/bookings/${token}/reschedule`, {
      body: { start: "2027-03-30T10:00:00+02:00" },
    });
    expect(moved.status).toBe(200);
    const body = (await moved.json()) as { booking: { id: string; start: string } };
    expect(body.booking.id).toBe(id);
    expect(body.booking.start).toBe("2027-03-30T04:00:00-04:00");
    await f.settle();
    const invite = (f.deps.transport as CapturingTransport).sent
      .filter((m) => m.attachments?.[0]?.method === "REQUEST")
      .at(-1);
    expect(invite?.attachments?.[0]?.content).toContain("SEQUENCE:1");
  });

  it("refuses to cancel or reschedule inside the notice window with 409", async () => {
    const { f, token } = await booked();
    f.clock.set("2027-03-29T06:30:00Z"); // 08:30 Paris, 30 minutes before, notice is 2 hours
    const r = await f.publicApi(`/api/public/bookings/${token}/cancel`, { body: {} });
    expect(r.status).toBe(409);
    expect(((await r.json()) as { title: string }).title).toMatch(/too late/i);
    const view = (await (await f.publicApi(`/api/public/bookings/${token}`)).json()) as {
      canCancel: boolean;
    };
    expect(view.canCancel).toBe(false);
  });
});

describe("owner API for event types", () => {
  it("creates, reads, patches and deletes a link; a duplicate slug is 409; bad hours are 422", async () => {
    const f = await ownerFixture({ now: NOW });
    const created = await f.api("/api/event-types", { body: DISCOVERY });
    const et = (await created.json()) as { id: string; slug: string; bookingUrl: string };
    expect(et.bookingUrl).toBe("http://localhost:3000/jean/discovery");
    expect((await f.api("/api/event-types", { body: DISCOVERY })).status).toBe(409);
    const bad = await f.api("/api/event-types", {
      body: { ...DISCOVERY, slug: "bad", weeklyHours: { mon: [["12:00", "09:00"]] } },
    });
    expect(bad.status).toBe(422);
    const patched = await f.api(`/api/event-types/${et.id}`, {
      method: "PATCH",
      body: { durationMinutes: 45 },
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { durationMinutes: number }).durationMinutes).toBe(45);
    const list = (await (await f.api("/api/event-types")).json()) as { items: { slug: string }[] };
    expect(list.items.map((i) => i.slug).sort()).toEqual(["discovery", "premier-echange"]);
    expect((await f.api(`/api/event-types/${et.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await f.api(`/api/event-types/${et.id}`)).status).toBe(404);
  });

  it("keeps another owner's links and bookings out of reach", async () => {
    const f = await ownerFixture({ now: NOW });
    const et = (await (await f.api("/api/event-types", { body: DISCOVERY })).json()) as { id: string };
    const other = await ownerFixture({ now: NOW, handle: "marie", database: f.deps.database });
    expect((await other.api(`/api/event-types/${et.id}`)).status).toBe(404);
    expect(
      (await other.api(`/api/event-types/${et.id}`, { method: "PATCH", body: { title: "hijack" } })).status,
    ).toBe(404);
    expect((await other.api(`/api/event-types/${et.id}`, { method: "DELETE" })).status).toBe(404);
  });
});
