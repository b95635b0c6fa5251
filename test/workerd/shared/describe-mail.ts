// Mail through a JSON HTTP API (MAIL_API_URL + MAIL_API_KEY), the same on Node and on Workers: each email
// of the outbox is one POST in Resend's shape, its Message-ID as Idempotency-Key; a 4xx that retrying
// cannot fix fails the email, a 5xx keeps it queued for the next tick.
import { describe, expect, it } from "vitest";
import { bookCall, ownerWithCallLink } from "./call-link.ts";
import type { Runtime } from "./describe-app.ts";
import { eventually } from "./describe-app.ts";
import { type AppFetch, expectJson, type OwnerClient } from "./http-client.ts";

type Peers = Record<string, string>;
export const MAIL_API_KEY = "mail-api-test-key";

interface ApiCall {
  headers: Record<string, string>;
  body: {
    from: string;
    to: string[];
    subject: string;
    html: string;
    text: string;
    headers: Record<string, string>;
    attachments?: { filename: string; content: string; content_type: string }[];
  };
}

async function peer<T>(peers: Peers, path: string, method = "GET"): Promise<T> {
  return expectJson<T>(globalThis.fetch(`${peers.PEERS_URL}${path}`, { method }), 200);
}

async function outboxTo(owner: OwnerClient, address: string) {
  const list = await expectJson<{
    items: { id: string; to: { address: string }[]; status: string; lastError: string | null }[];
  }>(owner.api("/api/outbox"), 200);
  return list.items.filter((m) => m.to[0]?.address === address);
}

/** `makeFetch(vars)`: the app with these variables added to (or, when "", removed from) the test ones. */
export function describeMailApi(
  runtime: Runtime,
  makeFetch: (vars: Record<string, string>) => AppFetch,
  peers: () => Peers,
): void {
  describe(`mail through a JSON API on ${runtime}`, () => {
    it("posts each email with the key and its Message-ID as Idempotency-Key; 4xx fails it, 5xx retries", async () => {
      const p = peers();
      const fetch = makeFetch({ SMTP_URL: "", MAIL_API_URL: `${p.PEERS_URL}/mail-api/send`, MAIL_API_KEY });
      const owner = await ownerWithCallLink(fetch, "api");
      const prospect = `${owner.handle}-prospect@example.org`;
      await bookCall(fetch, owner.handle, 20, { email: prospect, name: "Élodie Prospect" });
      let call: ApiCall | undefined;
      await eventually(async () => {
        const calls = await peer<ApiCall[]>(p, "/mail-api");
        call = calls.find((c) => c.body.to[0]?.includes(prospect));
        expect(call).toBeDefined();
        expect((await outboxTo(owner, prospect)).map((m) => m.status)).toEqual(["sent"]);
      });
      expect(call!.headers.authorization).toBe(`Bearer ${MAIL_API_KEY}`);
      expect(call!.headers["idempotency-key"]).toBe(call!.body.headers["Message-ID"]);
      expect(call!.body.to[0]).toBe(`"Élodie Prospect" <${prospect}>`);
      expect(call!.body.html).toContain("<html");
      expect(call!.body.text.length).toBeGreaterThan(20);
      const invite = call!.body.attachments?.find((a) => a.content_type.startsWith("text/calendar"));
      expect(invite?.content_type).toContain("method=");
      expect(atob(invite!.content)).toContain("BEGIN:VCALENDAR");

      await peer(p, "/mail-api/status?status=422", "POST");
      const rejected = `${owner.handle}-rejected@example.org`;
      await bookCall(fetch, owner.handle, 24, { email: rejected, name: "Élodie Prospect" });
      await eventually(async () => {
        const [message] = await outboxTo(owner, rejected);
        expect(message?.status).toBe("failed");
        expect(message?.lastError).toContain("HTTP 422");
      });

      await peer(p, "/mail-api/status?status=503", "POST");
      const delayed = `${owner.handle}-delayed@example.org`;
      await bookCall(fetch, owner.handle, 28, { email: delayed, name: "Élodie Prospect" });
      await eventually(async () => {
        const [message] = await outboxTo(owner, delayed);
        expect(message?.status).toBe("queued");
        expect(message?.lastError).toContain("HTTP 503");
      });
      await peer(p, "/mail-api/status?status=200", "POST");
    });
  });
}
