// The pipeline: stages and moves (pure), the board's no-JavaScript forms, the API, and "won".
import { describe, expect, it } from "vitest";
import { checkMove, nextStage } from "../../src/leads/pipeline.ts";
import { plannedEnd, wonPrefill } from "../../src/leads/won-prefill.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";
import { apiLead, signedIn, WON_MISSION } from "./helpers.ts";

const NOW = "2027-03-01T09:00:00Z";

describe("stages (pure)", () => {
  it("walks the open stages in order, then won; closed stages have no next", () => {
    const walk: string[] = ["new"];
    for (let s = nextStage("new"); s; s = nextStage(s)) walk.push(s);
    expect(walk).toEqual([
      "new",
      "call_scheduled",
      "call_done",
      "team_meeting",
      "technical_test",
      "proposal",
      "won",
    ]);
    expect(nextStage("lost")).toBeUndefined();
    expect(nextStage("declined")).toBeUndefined();
  });

  it("allows any move but to the same stage, and asks a reason for a loss", () => {
    expect(checkMove("new", "proposal", null)).toBeNull();
    expect(checkMove("lost", "proposal", null)).toBeNull();
    expect(checkMove("new", "new", null)).toBe("same_stage");
    expect(checkMove("proposal", "lost", " ")).toBe("reason_required");
    expect(checkMove("proposal", "lost", "price")).toBeNull();
    expect(checkMove("proposal", "lost", null, { requireLostReason: false })).toBeNull();
  });

  it("prefills a won mission: planned end from the duration, Malt billed through the platform", () => {
    expect(plannedEnd("2027-04-01", 6)).toBe("2027-09-30");
    expect(plannedEnd("2027-04-01", 1.5)).toBe("2027-05-15");
    expect(plannedEnd("2027-04-01", 0)).toBeNull();
    expect(
      wonPrefill({
        contact: { name: "Alice", email: "alice@acme.example", company: "Acme" },
        roles: { dailyRate: 65_000, durationMonths: 3, startDate: "2027-05-03" },
        channel: "malt",
        today: "2027-03-01",
        realEmail: true,
      }),
    ).toEqual({
      clientName: "Acme",
      billingEmail: "alice@acme.example",
      title: "Acme",
      dailyRateCents: 65_000,
      startDate: "2027-05-03",
      plannedEndDate: "2027-08-02",
      source: "malt",
      billingMode: "platform",
    });
  });
});

describe("the board", () => {
  it("moves a card with its own form, records the change with its time, and comes back to the card", async () => {
    const f = await ownerFixture({ now: NOW });
    const id = await apiLead(f, { name: "Alice Martin", email: "alice@example.org", source: "malt" });
    const session = await signedIn(f);
    const board = await (await session.get("/dashboard/leads/board")).text();
    expect(board).toContain(`id="lead-${id}"`);
    expect(board).toContain(
      `<label for="move-${id}" class="visually-hidden">Déplacer Alice Martin vers</label>`,
    );
    f.clock.set("2027-03-02T10:30:00Z");
    const moved = await session.post(
      `/dashboard/leads/${id}/move`,
      { to: "call_done", from: "new", back: "board" },
      { csrfFrom: "/dashboard/leads/board" },
    );
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toBe(`/dashboard/leads/board?moved=${id}#lead-${id}`);
    const after = await (await session.get(moved.headers.get("location")!)).text();
    expect(after).toContain("Alice Martin est passé à l&#39;étape «\u00a0Appel fait\u00a0».");
    const lead = (await (await f.api(`/api/leads/${id}`)).json()) as {
      stage: string;
      timeline: { kind: string; at: string; data: Record<string, unknown> }[];
    };
    expect(lead.stage).toBe("call_done");
    expect(lead.timeline[0]).toEqual({
      kind: "stage.changed",
      at: "2027-03-02T10:30:00.000Z",
      data: { from: "new", to: "call_done", by: "owner" },
    });
  });

  it("asks why before marking lost, and refuses an empty reason", async () => {
    const f = await ownerFixture({ now: NOW });
    const id = await apiLead(f, { name: "Bob", email: "bob@example.org" });
    const session = await signedIn(f);
    const ask = await session.post(
      `/dashboard/leads/${id}/move`,
      { to: "lost", from: "new", back: "board" },
      { csrfFrom: "/dashboard/leads/board" },
    );
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('name="lostReason"');
    const empty = await session.post(
      `/dashboard/leads/${id}/move`,
      { to: "lost", from: "new", back: "board", lostReason: "" },
      { csrfFrom: "/dashboard/leads/board" },
    );
    expect(empty.status).toBe(422);
    expect(((await (await f.api(`/api/leads/${id}`)).json()) as { stage: string }).stage).toBe("new");
    await session.post(
      `/dashboard/leads/${id}/move`,
      { to: "lost", from: "new", back: "lead", lostReason: "TJM trop bas" },
      { csrfFrom: "/dashboard/leads/board" },
    );
    const lead = (await (await f.api(`/api/leads/${id}`)).json()) as { stage: string; lostReason: string };
    expect(lead).toMatchObject({ stage: "lost", lostReason: "TJM trop bas" });
    expect(await (await session.get(`/dashboard/leads/${id}`)).text()).toContain("TJM trop bas");
  });

  it("a move from a stage the lead has left is not applied (two tabs, an old email)", async () => {
    const f = await ownerFixture({ now: NOW });
    const id = await apiLead(f, { name: "Cy", email: "cy@example.org" });
    const session = await signedIn(f);
    await session.post(
      `/dashboard/leads/${id}/move`,
      { to: "call_done", from: "new", back: "board" },
      { csrfFrom: "/dashboard/leads/board" },
    );
    await session.post(
      `/dashboard/leads/${id}/move`,
      { to: "proposal", from: "new", back: "board" },
      { csrfFrom: "/dashboard/leads/board" },
    );
    const lead = (await (await f.api(`/api/leads/${id}`)).json()) as { stage: string; timeline: unknown[] };
    expect(lead.stage).toBe("call_done");
    expect(lead.timeline).toHaveLength(2);
  });

  it("a form without its CSRF token changes nothing", async () => {
    const f = await ownerFixture({ now: NOW });
    const id = await apiLead(f, { name: "Dee", email: "dee@example.org" });
    const session = await signedIn(f);
    const response = await session.post(`/dashboard/leads/${id}/move`, { to: "proposal", from: "new" });
    expect(response.status).toBe(403);
    expect(((await (await f.api(`/api/leads/${id}`)).json()) as { stage: string }).stage).toBe("new");
  });

  it("shows a column's most recent cards and links to the rest", async () => {
    const f = await ownerFixture({ now: NOW });
    for (let i = 0; i < 23; i++) await apiLead(f, { name: `Lead ${i}`, email: `l${i}@example.org` });
    const session = await signedIn(f);
    const board = await (await session.get("/dashboard/leads/board")).text();
    expect(board.match(/class="lead-card"/g)).toHaveLength(20);
    expect(board).toContain('<a href="/dashboard/leads?stage=new">Voir les 23</a>');
  });
});

describe("the API", () => {
  it("PATCH moves the stage and keeps notes, each recorded in the timeline", async () => {
    const f = await ownerFixture({ now: NOW });
    const id = await apiLead(f, { name: "Eve", email: "eve@example.org" });
    const response = await f.api(`/api/leads/${id}`, {
      method: "PATCH",
      body: { stage: "team_meeting", notes: "CTO sympa" },
    });
    expect(response.status).toBe(200);
    const lead = (await response.json()) as {
      stage: string;
      notes: string;
      timeline: { kind: string; data: Record<string, unknown> }[];
    };
    expect(lead).toMatchObject({ stage: "team_meeting", notes: "CTO sympa" });
    expect(lead.timeline.map((e) => [e.kind, e.data.by])).toEqual(
      expect.arrayContaining([
        ["stage.changed", "api"],
        ["notes.updated", "api"],
      ]),
    );
    // Lost without a reason is accepted by the API (API.md's PATCH takes stage and notes).
    expect((await f.api(`/api/leads/${id}`, { method: "PATCH", body: { stage: "lost" } })).status).toBe(200);
    expect((await f.api(`/api/leads/${id}`, { method: "PATCH", body: { stage: "nowhere" } })).status).toBe(
      422,
    );
    expect((await f.api("/api/leads/unknown", { method: "PATCH", body: { stage: "won" } })).status).toBe(404);
  });
});

describe("won", () => {
  it("creates the client and the mission from the prefilled form in one step, once", async () => {
    const f = await ownerFixture({ now: NOW });
    const id = await apiLead(f, {
      name: "Alice Martin",
      email: "alice@acme.example",
      company: "Acme",
      source: "linkedin",
      answers: { dailyRateCents: 65_000, durationMonths: 6, startDate: "2027-04-01" },
    });
    const session = await signedIn(f);
    const form = await (await session.get(`/dashboard/leads/${id}/won`)).text();
    for (const value of [
      'value="Acme"',
      'value="alice@acme.example"',
      'value="650"',
      'value="2027-04-01"',
      'value="2027-09-30"',
    ])
      expect(form).toContain(value);
    const fields = {
      clientId: "",
      clientName: "Acme SAS",
      billingEmail: "billing@acme.example",
      line1: "1 rue de la Paix",
      postalCode: "75002",
      city: "Paris",
      country: "FR",
      siren: "",
      title: "Refonte",
      dailyRate: "650",
      startDate: "2027-04-01",
      plannedEndDate: "2027-09-30",
      billingMode: "monthly",
      paymentTermsDays: "30",
    };
    const missing = await session.post(
      `/dashboard/leads/${id}/won`,
      { ...fields, line1: "" },
      { csrfFrom: `/dashboard/leads/${id}/won` },
    );
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain("Adresse\u00a0: est obligatoire");
    const done = await session.post(`/dashboard/leads/${id}/won`, fields, {
      csrfFrom: `/dashboard/leads/${id}/won`,
    });
    expect(done.status).toBe(303);
    const lead = (await (await f.api(`/api/leads/${id}`)).json()) as { stage: string; missionId: string };
    expect(lead.stage).toBe("won");
    const mission = (await (await f.api(`/api/missions/${lead.missionId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(mission).toMatchObject({
      clientName: "Acme SAS",
      leadId: id,
      title: "Refonte",
      dailyRateCents: 65_000,
      startDate: "2027-04-01",
      plannedEndDate: "2027-09-30",
      source: "linkedin",
      status: "planned",
    });
    const again = await session.post(`/dashboard/leads/${id}/won`, fields, {
      csrfFrom: `/dashboard/leads/${id}/won`,
    });
    expect(again.status).toBe(409);
    const counts = f.deps.database.sqlite
      .prepare("SELECT (SELECT COUNT(*) FROM missions) AS m, (SELECT COUNT(*) FROM clients) AS c")
      .get();
    expect(counts).toEqual({ m: 1, c: 1 });
  });

  it("through the API, for an existing client", async () => {
    const f = await ownerFixture({ now: NOW });
    const client = (await (
      await f.api("/api/clients", {
        body: {
          name: "Globex",
          billingEmail: "ap@globex.example",
          address: { line1: "2 av. Foch", postalCode: "69006", city: "Lyon", country: "FR" },
        },
      })
    ).json()) as { id: string };
    const id = await apiLead(f, { name: "Hank", email: "hank@globex.example" });
    const response = await f.api(`/api/leads/${id}/win`, {
      body: {
        clientId: client.id,
        mission: WON_MISSION,
      },
    });
    expect(response.status).toBe(201);
    const { missionId } = (await response.json()) as { missionId: string };
    expect(
      ((await (await f.api(`/api/missions/${missionId}`)).json()) as { clientId: string }).clientId,
    ).toBe(client.id);
    const ivy = await apiLead(f, { name: "Ivy", email: "ivy@x.example" });
    const wrong = await f.api(`/api/leads/${ivy}/win`, {
      body: {
        clientId: "nope",
        mission: { ...WON_MISSION, title: "X", dailyRateCents: 1, source: "direct" },
      },
    });
    expect(wrong.status).toBe(422);
    expect(((await (await f.api(`/api/leads/${ivy}`)).json()) as { stage: string }).stage).toBe("new");
  });
});
