// Mail on Workers: the JSON mail API (shared with Node), the explicit "unsent" state of a deployment with no
// transport, and the app built once per isolate whatever the number of requests.
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker, { instanceStats, type WorkerEnv } from "../../src/worker.ts";
import { bookCall, ownerWithCallLink } from "./shared/call-link.ts";
import { describeMailApi } from "./shared/describe-mail.ts";
import { type AppFetch, expectJson } from "./shared/http-client.ts";

const bindings = env as unknown as WorkerEnv & Record<string, string>;

/** The Worker with some variables changed, as a deployment configured that way would be. */
function workerWith(vars: Record<string, string>): AppFetch {
  const changed = { ...bindings, ...vars };
  return async (path, init) => {
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`http://creneau.test${path}`, init), changed, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

describeMailApi("workerd", workerWith, () => bindings);

describe("a Worker without a mail transport", () => {
  it("keeps each email as 'unsent' with the reason, never retries it, shows the raw message, and sends it on request once configured", async () => {
    const fetch = workerWith({ SMTP_URL: "" });
    const owner = await ownerWithCallLink(fetch, "nomail");
    await bookCall(fetch, owner.handle, 20, { email: "zoe@example.org", name: "Zoë Prospect" });
    await expectJson(owner.api("/api/workflows/tick", { method: "POST" }), 200);
    await expectJson(owner.api("/api/workflows/tick", { method: "POST" }), 200);
    const outbox = await expectJson<{
      items: { id: string; to: { address: string }[]; status: string; attempts: number; lastError: string }[];
    }>(owner.api("/api/outbox"), 200);
    expect(outbox.items.length).toBeGreaterThan(0);
    for (const message of outbox.items) {
      expect(message.status).toBe("unsent");
      expect(message.attempts).toBe(0);
      expect(message.lastError).toContain("No mail transport is configured");
    }
    const filtered = await expectJson<{ items: unknown[] }>(owner.api("/api/outbox?status=unsent"), 200);
    expect(filtered.items).toHaveLength(outbox.items.length);
    const page = await (await owner.page("/dashboard/outbox")).text();
    expect(page).toContain("Non envoyé : aucun transport");
    const toProspect = outbox.items.find((m) => m.to[0]?.address === "zoe@example.org");
    const rawResponse = await owner.api(`/api/outbox/${toProspect!.id}/raw`);
    const raw = new TextDecoder().decode(await rawResponse.arrayBuffer());
    // RFC 2047: a name with non-ASCII letters is one encoded word, never inside quotes.
    const encodedName = btoa(String.fromCharCode(...new TextEncoder().encode("Zoë Prospect")));
    expect(raw).toContain(`To: =?UTF-8?B?${encodedName}?= <zoe@example.org>`);
    expect(raw).toMatch(/^Message-ID: <[^>]+>\r$/m);
    expect(raw).toContain("Content-Type: multipart/mixed");
    expect(raw).toMatch(/^Content-Type: text\/calendar;[^\r\n]*method=REQUEST/m);

    // Asked to send them while there is still no transport: refused, nothing changes.
    const refused = await owner.api("/api/outbox/resend-unsent", { method: "POST" });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain("SMTP_URL");
    // The deployment gets SMTP_URL: the owner's request sends them (the call is two days away), once.
    const configured = workerWith({});
    const resend = () =>
      configured("/api/outbox/resend-unsent", {
        method: "POST",
        headers: { authorization: `Bearer ${owner.key}` },
      });
    expect(await expectJson(resend(), 200)).toEqual({ requeued: outbox.items.length, expired: 0 });
    const smtpTo = async () =>
      (await expectJson<{ to: string | null }[]>(globalThis.fetch(`${bindings.PEERS_URL}/smtp`), 200)).filter(
        (m) => m.to?.includes("zoe@example.org"),
      );
    expect(await smtpTo()).toHaveLength(1);
    const after = await expectJson<{ items: { status: string }[] }>(owner.api("/api/outbox"), 200);
    expect(after.items.map((m) => m.status)).toEqual(outbox.items.map(() => "sent"));
    expect(await expectJson(resend(), 200)).toEqual({ requeued: 0, expired: 0 });
    expect(await smtpTo()).toHaveLength(1);
  });
});

describe("SMTP over Cloudflare's TCP sockets", () => {
  it("authenticates with the user and password of SMTP_URL, and keeps a 4xx answer queued for a retry", async () => {
    const fetch = workerWith({});
    const owner = await ownerWithCallLink(fetch, "smtp");
    const book = (index: number, email: string) => bookCall(fetch, owner.handle, index, { email });
    const statusOf = async (address: string) => {
      const list = await expectJson<{
        items: { to: { address: string }[]; status: string; lastError: string }[];
      }>(owner.api("/api/outbox"), 200);
      return list.items.find((m) => m.to[0]?.address === address);
    };
    await book(20, `${owner.handle}-ok@example.org`);
    expect((await statusOf(`${owner.handle}-ok@example.org`))?.status).toBe("sent");
    const received = await expectJson<{ to: string; subject: string }[]>(
      globalThis.fetch(`${bindings.PEERS_URL}/smtp`),
      200,
    );
    expect(received.some((m) => m.to.includes(`${owner.handle}-ok@example.org`))).toBe(true);

    await expectJson(globalThis.fetch(`${bindings.PEERS_URL}/smtp/reject?count=2`, { method: "POST" }), 200);
    await book(24, `${owner.handle}-busy@example.org`);
    const busy = await statusOf(`${owner.handle}-busy@example.org`);
    expect(busy?.status).toBe("queued");
    expect(busy?.lastError).toContain("451");
  });
});

describe("the app per isolate", () => {
  it("serves every request through the Worker's own fetch handler with the same app", async () => {
    await SELF.fetch("http://creneau.test/healthz");
    const built = instanceStats.built;
    for (let i = 0; i < 5; i++) expect((await SELF.fetch("http://creneau.test/login")).status).toBe(200);
    expect(instanceStats.built).toBe(built);
  });

  it("is built once for a given configuration and reused by every request", async () => {
    const same = workerWith({ LOG_LEVEL: "error" });
    await same("/healthz");
    const built = instanceStats.built;
    for (let i = 0; i < 5; i++) expect((await same("/healthz")).status).toBe(200);
    expect(instanceStats.built).toBe(built);
    await workerWith({ LOG_LEVEL: "warn", MAIL_FROM: "Other <other@example.org>" })("/healthz");
    expect(instanceStats.built).toBe(built + 1);
    await same("/healthz");
    expect(instanceStats.built).toBe(built + 1);
  });
});
