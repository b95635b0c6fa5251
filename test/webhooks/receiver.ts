// A real HTTP receiver for webhook tests: verifies every signature with the endpoint's secret (at the test
// clock's time), records what arrived, and can be taken down and brought back on the same port.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../../src/webhooks/signature.ts";

export interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
  deliveryId: string;
  attempt: number;
  signatureOk: boolean;
}

export interface Receiver {
  url: (path?: string) => string;
  received: Received[];
  secret: string;
  /** answer with this status instead of 204 (e.g. 500 to fail every delivery) */
  status: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(nowMs: () => number): Promise<Receiver> {
  let port = 0;
  let server: http.Server | null = null;
  const receiver: Receiver = {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received: [],
    secret: "",
    status: 204,
    async down() {
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async up() {
      const s = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const check = verifySignature(
            req.headers["creneau-signature"] as string,
            body,
            receiver.secret,
            nowMs(),
          );
          const payload = JSON.parse(body) as { id: string; type: string; data: Record<string, unknown> };
          if (receiver.status < 300)
            receiver.received.push({
              id: payload.id,
              type: payload.type,
              data: payload.data,
              deliveryId: String(req.headers["creneau-delivery-id"]),
              attempt: Number(req.headers["creneau-attempt"]),
              signatureOk: check.ok,
            });
          res.writeHead(check.ok ? receiver.status : 401, { connection: "close" }).end("ok");
        });
      });
      await new Promise<void>((resolve) => s.listen(port, "127.0.0.1", () => resolve()));
      port = (s.address() as AddressInfo).port;
      server = s;
    },
    async close() {
      await receiver.down();
    },
  };
  await receiver.up();
  return receiver;
}
