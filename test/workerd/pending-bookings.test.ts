// On D1 inside workerd: a pending booking moved away and back (its reminder run reopened by an upsert), the
// outbox looked up for earlier invitations (json_each), then approved and cancelled through the API.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CALL_LINK, callStarts } from "./shared/call-link.ts";
import { type AppFetch, signUp, uniqueHandle } from "./shared/http-client.ts";

const workerFetch: AppFetch = (path, init) => SELF.fetch(`http://creneau.test${path}`, init);

describe("pending bookings on D1", () => {
  it("reschedule back reopens the run; approval and cancel send the prospect one email each", async () => {
    const owner = await signUp(workerFetch, uniqueHandle("pend"));
    const et = await owner.api("/api/event-types", { body: { ...CALL_LINK, requiresConfirmation: true } });
    expect(et.status).toBe(201);
    const starts = await callStarts(workerFetch, owner.handle);
    const [t1, t2] = [starts[10], starts[14]];
    expect(t1 && t2).toBeTruthy();
    const booked = await workerFetch(`/api/public/${owner.handle}/call/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start: t1, timeZone: "Europe/Paris", name: "Zoé", email: "zoe@example.org" }),
    });
    expect(booked.status).toBe(201);
    const { booking } = (await booked.json()) as {
      booking: { id: string; status: string; manageUrl: string };
    };
    expect(booking.status).toBe("pending");
    const token = booking.manageUrl.split("/bookings/")[1]!;
    for (const start of [t2, t1]) {
      const moved = await workerFetch(`/api/public/bookings/${token}/reschedule`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ start }),
      });
      expect(moved.status).toBe(200);
    }
    const runs = (await (await owner.api("/api/workflows/runs?workflow=booking-reminders")).json()) as {
      items: { key: string; status: string }[];
    };
    expect(runs.items.map((r) => `${r.key}:${r.status}`).sort()).toEqual(
      [`${booking.id}@${Date.parse(t1!)}:waiting`, `${booking.id}@${Date.parse(t2!)}:cancelled`].sort(),
    );

    expect((await owner.api(`/api/bookings/${booking.id}/approve`, { method: "POST" })).status).toBe(200);
    expect((await owner.api(`/api/bookings/${booking.id}/approve`, { method: "POST" })).status).toBe(200);
    expect(
      (await owner.api(`/api/bookings/${booking.id}/cancel`, { method: "POST", body: { reason: "Désolé" } }))
        .status,
    ).toBe(200);
    const mails = (await (await owner.api("/api/outbox?limit=50")).json()) as {
      items: { why: string; to: { address: string }[] }[];
    };
    const toZoe = mails.items.filter((m) => m.to[0]?.address === "zoe@example.org").map((m) => m.why);
    expect(toZoe.sort()).toEqual(
      [
        "booking.approved",
        "booking.cancelled-by-owner",
        "booking.confirmation",
        "booking.rescheduled",
        "booking.rescheduled",
      ].sort(),
    );
  });
});
