// A pending request as the owner's one-click link and the prospect's manage page show it: the owner declines
// a request (not "cancels a booking"), and the prospect gets no calendar file before the owner confirms.
import { describe, expect, it } from "vitest";
import { ownerActionUrl } from "../../src/scheduling/booking-links.ts";
import { BrowserSession } from "../helpers/browser-session.ts";
import { DISCOVERY, discoveryBooking, type OwnerFixture, ownerFixture } from "../helpers/owner-fixture.ts";

async function booked(requiresConfirmation: boolean) {
  const f = await ownerFixture({ now: "2027-03-26T09:00:00Z" });
  expect((await f.api("/api/event-types", { body: { ...DISCOVERY, requiresConfirmation } })).status).toBe(
    201,
  );
  const r = await f.publicApi("/api/public/jean/discovery/bookings", {
    body: discoveryBooking({ name: "Zoé Durand", email: "zoe@example.org" }),
  });
  expect(r.status).toBe(201);
  await f.settle();
  const { booking } = (await r.json()) as { booking: { id: string; manageUrl: string; end: string } };
  return { f, booking, endMs: Date.parse(booking.end) };
}

const heading = (page: string) => /<h1>([^<]*)<\/h1>/.exec(page)?.[1];
const cancelLink = (f: OwnerFixture, id: string, endMs: number) =>
  new URL(ownerActionUrl(f.config, id, "cancel", endMs)).pathname;

describe("the owner's one-click cancel link", () => {
  it("on a pending request offers to decline it, in the owner's language or the one asked for", async () => {
    const { f, booking, endMs } = await booked(true);
    const link = cancelLink(f, booking.id, endMs);
    const s = new BrowserSession(f);
    const fr = await (await s.get(link)).text();
    expect(heading(fr)).toBe("Décliner cette demande\u00a0?");
    expect(fr).toContain("Décliner et envoyer le message");
    expect(fr).not.toContain("Annuler");
    const en = await (await s.get(`${link}?lang=en`)).text();
    expect(heading(en)).toBe("Decline this request?");
    expect(en).toContain("Decline and send the message");

    const done = await s.post(link, { message: "Complet ce mois-ci." }, { csrfFrom: link });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${link}?done=declined`);
    const after = await (await s.get(`${link}?done=declined`)).text();
    expect(heading(after)).toBe("Décliner cette demande\u00a0?");
    expect(after).toContain("Demande déclinée. Votre message a été envoyé à Zoé Durand.");
  });

  it("on a confirmed booking still offers to cancel it", async () => {
    const { f, booking, endMs } = await booked(false);
    const link = cancelLink(f, booking.id, endMs);
    const s = new BrowserSession(f);
    expect(heading(await (await s.get(link)).text())).toBe("Annuler ce rendez-vous\u00a0?");
    const done = await s.post(link, { message: "Imprévu." }, { csrfFrom: link });
    expect(done.headers.get("location")).toBe(`${link}?done=1`);
    const after = await (await s.get(`${link}?done=1`)).text();
    expect(after).toContain("Rendez-vous annulé. Votre message a été envoyé à Zoé Durand.");
  });
});

describe("the manage page's invite.ics", () => {
  it("answers 409 with a clear page while the request is pending, the REQUEST once approved", async () => {
    const { f, booking } = await booked(true);
    const ics = `${new URL(booking.manageUrl).pathname}/invite.ics`;
    const pending = await f.app.request(ics);
    expect(pending.status).toBe(409);
    expect(pending.headers.get("content-type")).toContain("text/html");
    const page = await pending.text();
    expect(page).toContain("<h1>Pas encore d&#39;invitation</h1>");
    expect(page).toContain("Jean Dupont n&#39;a pas encore confirmé ce rendez-vous.");
    expect(page).not.toContain("BEGIN:VCALENDAR");

    expect((await f.api(`/api/bookings/${booking.id}/approve`, { method: "POST" })).status).toBe(200);
    const confirmed = await f.app.request(ics);
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get("content-type")).toContain("text/calendar");
    const body = await confirmed.text();
    expect(body).toContain("METHOD:REQUEST");
    expect(body).toContain("STATUS:CONFIRMED");
  });
});
