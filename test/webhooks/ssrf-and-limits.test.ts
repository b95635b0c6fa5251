// Webhook targets: private, loopback and link-local addresses are refused (as typed, and as a name resolves
// at connect time), redirects are never followed, and a slow or chatty receiver is cut off.
import type { LookupAddress } from "node:dns";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emitWebhookEvent } from "../../src/webhooks/emit.ts";
import { webhookLimits } from "../../src/webhooks/send-request.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";
import { drain } from "./helpers.ts";

// A resolver under the test's control: *.loopback.test and *.v6loopback.test resolve to loopback, as a
// hostile DNS record would; every other name goes to the real resolver.
vi.mock("node:dns", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns")>();
  const fake = (hostname: string): LookupAddress | null =>
    hostname.endsWith(".loopback.test")
      ? { address: "127.0.0.1", family: 4 }
      : hostname.endsWith(".v6loopback.test")
        ? { address: "::1", family: 6 }
        : null;
  const lookup = (hostname: string, options: unknown, callback: (...args: unknown[]) => void) => {
    const answer = fake(hostname);
    if (!answer) return (real.lookup as (...a: unknown[]) => void)(hostname, options, callback);
    const all = typeof options === "object" && options !== null && (options as { all?: boolean }).all;
    if (all) callback(null, [answer]);
    else callback(null, answer.address, answer.family);
  };
  return { ...real, default: { ...real, lookup }, lookup };
});

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
  webhookLimits.timeoutMs = 10_000;
  webhookLimits.maxBytes = 64 * 1024;
});

/** A TCP listener that only counts who connects: proof that nothing reached it. */
async function connectionCounter() {
  const counter = { connections: 0, port: 0 };
  const server = net.createServer((socket) => {
    counter.connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  counter.port = (server.address() as AddressInfo).port;
  servers.push(server);
  return counter;
}

async function httpServer(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  servers.push({ close: () => server.close() && server.closeAllConnections() });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Delivery = {
  status: string;
  log: { statusCode: number | null; error: string | null; durationMs: number }[];
};

async function deliverOnce(f: Awaited<ReturnType<typeof ownerFixture>>, url: string) {
  const created = await f.api("/api/webhooks", { body: { url, events: ["lead.created"] } });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await emitWebhookEvent(f.deps, { ownerId: f.owner.id, type: "lead.created", resourceId: "l1", data: {} });
  await drain(f.deps);
  const list = (await (await f.api(`/api/webhooks/${id}/deliveries`)).json()) as { items: Delivery[] };
  return list.items[0]!;
}

describe("webhook targets", () => {
  it("refuses private, loopback, link-local and local names at registration", async () => {
    const f = await ownerFixture();
    for (const url of [
      "https://127.0.0.1/hook",
      "https://127.1.2.3/hook",
      "https://2130706433/hook",
      "https://0x7f.0.0.1/hook",
      "https://10.0.0.8/hook",
      "https://172.16.4.1/hook",
      "https://192.168.1.10/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://100.64.0.1/hook",
      "https://[::1]/hook",
      "https://[0:0:0:0:0:0:0:1]/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "https://[::ffff:7f00:1]/hook",
      "https://[fe80::1]/hook",
      "https://[fd00::1]/hook",
      "https://localhost/hook",
      "https://router.local/hook",
      "https://metadata.google.internal/hook",
      "https://intranet/hook",
    ]) {
      const r = await f.api("/api/webhooks", { body: { url, events: ["lead.created"] } });
      expect(r.status, url).toBe(422);
      const problem = (await r.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors[0], url).toMatchObject({ path: "url" });
      expect(problem.errors[0]!.message, url).toMatch(/private or local/);
    }
    for (const [url, message] of [
      ["http://hooks.example.com/x", /https/],
      ["ftp://hooks.example.com/x", /http/],
      ["https://user:secret@hooks.example.com/x", /user name/],
    ] as const) {
      const r = await f.api("/api/webhooks", { body: { url, events: ["lead.created"] } });
      expect(r.status, url).toBe(422);
      expect(JSON.stringify(await r.json()), url).toMatch(message);
    }
    expect(((await (await f.api("/api/webhooks")).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("refuses a public-looking name that resolves to loopback (IPv4 or IPv6) when it connects", async () => {
    const f = await ownerFixture();
    const target = await connectionCounter();
    for (const host of ["hooks.loopback.test", "hooks.v6loopback.test"]) {
      const delivery = await deliverOnce(f, `https://${host}:${target.port}/hook`);
      expect(delivery.status, host).toBe("pending");
      expect(delivery.log[0]!.statusCode).toBeNull();
      expect(delivery.log[0]!.error, host).toMatch(
        /refused: .* resolves to (127\.0\.0\.1|::1), a private or local/,
      );
    }
    expect(target.connections).toBe(0);
  });

  it("never follows a redirect, so a redirect to a private address goes nowhere", async () => {
    const f = await ownerFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    const internal = await connectionCounter();
    const outside = await httpServer((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${internal.port}/admin` }).end();
    });
    const delivery = await deliverOnce(f, `${outside}/hook`);
    expect(delivery.status).toBe("pending");
    expect(delivery.log[0]).toMatchObject({ statusCode: 307 });
    expect(delivery.log[0]!.error).toMatch(/redirects are not followed/);
    expect(internal.connections).toBe(0);
  });

  it("gives up on a receiver that does not answer in time, and on one whose answer is too large", async () => {
    const f = await ownerFixture({ env: { ALLOW_PRIVATE_TARGETS: "1" } });
    webhookLimits.timeoutMs = 300;
    webhookLimits.maxBytes = 1024;
    const silent = await httpServer(() => {
      // never answers
    });
    const slow = await deliverOnce(f, `${silent}/hook`);
    expect(slow.log[0]!.error).toMatch(/^timeout/);
    expect(slow.log[0]!.durationMs).toBeGreaterThanOrEqual(250);
    expect(slow.log[0]!.durationMs).toBeLessThan(5000);

    const chatty = await httpServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(1024 * 1024));
    });
    const large = await deliverOnce(f, `${chatty}/hook`);
    expect(large.status).toBe("pending");
    expect(large.log[0]!.error).toMatch(/answer too large/);
  });
});
