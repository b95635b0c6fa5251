// Runs in the Node process that starts workerd (vitest.config.ts): the real peers the Worker talks to over
// the network, as in production: an SMTP server (reached through Cloudflare's TCP sockets), a JSON mail
// API, the Google Calendar fake and an .ics feed server. Tests inside workerd read what the peers saw
// and steer them through a small control server at PEERS_URL.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FAKE_CLIENT, startGoogleFake } from "../../peers/google-calendar-fake.ts";
import { startIcsServer } from "../../peers/ics-server.ts";
import { startRadicale } from "../../peers/radicale.ts";
import { startAuthSmtpServer } from "./smtp-peer.ts";

export interface Peers {
  bindings: Record<string, string>;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

async function readJson(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Json) : {};
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startPeers(): Promise<Peers> {
  const smtp = await startAuthSmtpServer();
  const google = await startGoogleFake();
  const ics = await startIcsServer();
  const radicale = await startRadicale({ calendars: [{ slug: "work", name: "Work" }] });
  const mailApi: { headers: Json; body: Json }[] = [];
  let mailApiStatus = 200;
  const hooks: { path: string; body: Json }[] = [];

  const control = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://peers");
    const route = `${req.method} ${url.pathname}`;
    try {
      switch (route) {
        case "GET /smtp":
          return send(
            res,
            200,
            smtp.messages.map((m) => ({
              to: m.to && !Array.isArray(m.to) ? m.to.text : null,
              from: m.from?.text ?? null,
              subject: m.subject ?? null,
              messageId: m.messageId ?? null,
              text: m.text ?? null,
              html: typeof m.html === "string" ? m.html : null,
              attachments: m.attachments.map((a) => ({
                filename: a.filename ?? null,
                contentType: a.contentType,
                method: (a.headers.get("content-type") as { params?: Json } | undefined)?.params?.method,
                content: a.content.toString("utf8"),
              })),
            })),
          );
        case "POST /smtp/reject":
          smtp.rejectNext = Number(url.searchParams.get("count") ?? 1);
          return send(res, 200, {});
        case "POST /mail-api/send":
          mailApi.push({ headers: req.headers as Json, body: await readJson(req) });
          return send(res, mailApiStatus, mailApiStatus === 200 ? { id: `msg-${mailApi.length}` } : {});
        case "GET /mail-api":
          return send(res, 200, mailApi);
        case "POST /mail-api/status":
          mailApiStatus = Number(url.searchParams.get("status") ?? 200);
          return send(res, 200, {});
        case "POST /google/calendars": {
          const body = (await readJson(req)) as { id: string; summary: string; primary?: boolean };
          google.addCalendar(body);
          return send(res, 200, {});
        }
        case "POST /google/events": {
          const body = (await readJson(req)) as { calendarId: string; event: Json };
          google.putEvent(body.calendarId, body.event);
          return send(res, 200, {});
        }
        case "GET /google/events":
          return send(res, 200, google.events(url.searchParams.get("calendarId") ?? ""));
        case "POST /google/refresh-token":
          return send(res, 200, { refreshToken: google.refreshToken() });
        case "POST /caldav/events": {
          const body = (await readJson(req)) as { file: string; ics: string };
          const put = await radicale.put("work", body.file, body.ics);
          return send(res, put.ok ? 200 : 502, { status: put.status });
        }
        case "GET /caldav/events":
          return send(res, 200, await radicale.objects("work"));
        case "POST /ics": {
          const body = (await readJson(req)) as { path: string; ics: string };
          ics.set(body.path, { body: body.ics, contentType: "text/calendar" });
          return send(res, 200, { url: ics.url(body.path) });
        }
        default:
          // Webhook endpoints of the tests' owners: accept every delivery.
          if (req.method === "POST" && url.pathname.startsWith("/hooks/")) {
            hooks.push({ path: url.pathname, body: await readJson(req) });
            return send(res, 200, {});
          }
          if (route === "GET /hooks") return send(res, 200, hooks);
          return send(res, 404, { error: route });
      }
    } catch (error) {
      return send(res, 500, { error: String(error) });
    }
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
  // Peers must not keep vitest alive once the run is over.
  control.unref();

  const peers: Peers = {
    bindings: {
      PEERS_URL: controlUrl,
      SMTP_URL: smtp.url,
      GOOGLE_CLIENT_ID: FAKE_CLIENT.id,
      GOOGLE_CLIENT_SECRET: FAKE_CLIENT.secret,
      GOOGLE_API_ROOT: google.apiRoot,
      GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
      ALLOW_PRIVATE_TARGETS: "1",
      // For the tests only (Créneau reads none of these): where the CalDAV server is and who may use it.
      TEST_CALDAV_URL: radicale.url,
      TEST_CALDAV_USER: radicale.username,
      TEST_CALDAV_PASSWORD: radicale.password,
    },
    async close() {
      await Promise.all([smtp.close(), google.close(), ics.close(), radicale.stop()]);
      await new Promise<void>((resolve) => control.close(() => resolve()));
    },
  };
  started.add(peers);
  return peers;
}

// vitest bundles its config apart from the globalSetup module, so peers started by the config are found
// through a process-wide registry when the run ends (test/workerd/peers/teardown.ts).
const REGISTRY = Symbol.for("creneau.workerd.peers");
const registry = globalThis as unknown as { [REGISTRY]?: Set<Peers> };
registry[REGISTRY] ??= new Set<Peers>();
const started = registry[REGISTRY];

export async function closeAllPeers(): Promise<void> {
  const all = [...started];
  started.clear();
  await Promise.all(all.map((p) => p.close()));
}
