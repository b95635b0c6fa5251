// The outbox's hand-over record: an email whose sender stopped after the point of no return (SMTP: the final dot)
// is never sent again; one whose sender stopped before it is; a sender taken over can no longer hand it over.
// And the SMTP session that gives the outbox that point, against a real server on 127.0.0.1.
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../src/platform/db/schema.ts";
import { smtpTransport } from "../../src/platform/mail/nodemailer-transport.ts";
import { deliverDue, deliverOne, enqueueMail, UNCONFIRMED } from "../../src/platform/mail/outbox.ts";
import {
  MailOutcomeUnknownError,
  type MailTransport,
  type SendOptions,
} from "../../src/platform/mail/port.ts";
import { deliveryDeps } from "../../src/platform/mail/send.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";

const never = new Promise<never>(() => {});
const run = promisify(execFile);

/** A transport whose sends do what each test says, counting hand-overs. */
function scriptedTransport(script: (options: SendOptions | undefined, call: number) => Promise<void>) {
  const state = { calls: 0, handedOver: 0 };
  const transport: MailTransport = {
    name: "scripted",
    async send(_message, options) {
      state.calls++;
      return script(
        {
          beforeCommit: async () => {
            await options?.beforeCommit?.();
            state.handedOver++;
          },
        },
        state.calls,
      );
    },
    render: async (m) => m.subject,
  };
  return { transport, state };
}

async function queuedMail(transport: MailTransport) {
  const f = await ownerFixture({ transport });
  const { id } = await enqueueMail(deliveryDeps(f.deps), {
    ownerId: f.owner.id,
    idempotencyKey: "k1",
    why: "test",
    to: { address: "p@example.org" },
    subject: "Bonjour",
    html: "<p>Bonjour</p>",
    text: "Bonjour",
    locale: "fr",
  });
  const row = () => f.deps.database.db.select().from(outbox).where(eq(outbox.id, id)).get();
  return { f, id, row, deliver: () => deliveryDeps(f.deps) };
}

describe("outbox hand-over", () => {
  it("a sender that stopped after the hand-over: counted as sent, unconfirmed, never sent again", async () => {
    const { transport, state } = scriptedTransport(async (o) => {
      await o?.beforeCommit?.();
      return never; // the process dies here, waiting for the server's answer
    });
    const { f, id, row, deliver } = await queuedMail(transport);
    void deliverOne(deliver(), id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await row()).toMatchObject({ status: "sending", sentAt: f.clock.now() });
    f.clock.advance(f.config.leaseMs + 1);
    expect(await deliverDue(deliver())).toMatchObject({ sent: 0 });
    expect(await row()).toMatchObject({ status: "sent", lastError: UNCONFIRMED, attempts: 1 });
    expect(state).toEqual({ calls: 1, handedOver: 1 });
  });

  it("a sender that stopped before the hand-over: sent again once its lease expires", async () => {
    const { transport, state } = scriptedTransport(async (o, call) => {
      if (call === 1) return never; // dies while talking to the server, before the final dot
      await o?.beforeCommit?.();
    });
    const { f, id, row, deliver } = await queuedMail(transport);
    void deliverOne(deliver(), id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await deliverDue(deliver())).toMatchObject({ sent: 0 });
    f.clock.advance(f.config.leaseMs + 1);
    expect(await deliverDue(deliver())).toMatchObject({ sent: 1 });
    expect(await row()).toMatchObject({ status: "sent", lastError: null, attempts: 2 });
    expect(state).toEqual({ calls: 2, handedOver: 1 });
  });

  it("a slow sender whose email was taken over cannot hand it over any more", async () => {
    let releaseFirst: () => void = () => {};
    const firstMayGoOn = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const { transport, state } = scriptedTransport(async (o, call) => {
      if (call === 1) await firstMayGoOn;
      await o?.beforeCommit?.();
    });
    const { f, id, row, deliver } = await queuedMail(transport);
    const first = deliverOne(deliver(), id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    f.clock.advance(f.config.leaseMs + 1);
    expect(await deliverOne(deliver(), id)).toBe("sent");
    releaseFirst();
    expect(await first).toBeNull();
    expect(state).toEqual({ calls: 2, handedOver: 1 });
    expect(await row()).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("no answer after the whole message: counted as sent, unconfirmed; a refusal after it: retried", async () => {
    const { transport, state } = scriptedTransport(async (o, call) => {
      await o?.beforeCommit?.();
      if (call === 1) throw new MailOutcomeUnknownError("connection reset after the final dot");
      throw Object.assign(new Error("451 try later"), { responseCode: 451 });
    });
    const unknown = await queuedMail(transport);
    expect(await deliverOne(unknown.deliver(), unknown.id)).toBe("sent");
    expect(await unknown.row()).toMatchObject({ status: "sent", lastError: UNCONFIRMED });
    const refused = await queuedMail(transport);
    expect(await deliverOne(refused.deliver(), refused.id)).toBe("queued");
    expect(await refused.row()).toMatchObject({ status: "queued", sentAt: null, lastError: "451 try later" });
    expect(state.handedOver).toBe(2);
  });
});

describe("SMTP session", () => {
  const received: string[] = [];
  let connections = 0;
  let server: SMTPServer;
  let url: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onData(stream, _session, callback) {
        let text = "";
        stream.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        stream.on("end", () => {
          received.push(/^Subject: (.*)$/m.exec(text)?.[1] ?? "");
          callback();
        });
      },
    });
    server.on("error", () => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const message = (subject: string) => ({
    from: "creneau@example.org",
    to: { address: "p@example.org" },
    subject,
    html: `<p>${subject}</p>`,
    text: subject,
    messageId: `<${subject}@example.org>`,
  });

  it("keeps one connection for many messages, and hands each over only after the server took all but its dot", async () => {
    const transport = smtpTransport(url);
    const before = connections;
    const order: string[] = [];
    for (let i = 0; i < 20; i++) {
      await transport.send(message(`m${i}`), {
        beforeCommit: async () => {
          order.push(`commit m${i} (${received.length} received)`);
        },
      });
    }
    expect(connections - before).toBe(1);
    expect(received.slice(-20)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(order[5]).toBe(`commit m5 (${received.length - 15} received)`);
  });

  it("logs in with the credentials in SMTP_URL", async () => {
    const logins: string[] = [];
    const guarded = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        if (auth.password !== "s3cret") return callback(new Error("Invalid username or password"));
        callback(null, { user: auth.username });
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => guarded.listen(0, "127.0.0.1", resolve));
    const port = (guarded.server.address() as AddressInfo).port;
    try {
      await smtpTransport(`smtp://jean:s3cret@127.0.0.1:${port}`).send(message("auth"));
      await expect(
        smtpTransport(`smtp://jean:wrong@127.0.0.1:${port}`).send(message("auth")),
      ).rejects.toThrow(/Invalid username or password/);
      expect(logins).toEqual(["jean:s3cret", "jean:wrong"]);
    } finally {
      await new Promise<void>((resolve) => guarded.close(() => resolve()));
    }
  });

  it("the kept connection never holds a process open (creneau tick exits once done)", async () => {
    const transport = pathToFileURL(
      path.resolve(import.meta.dirname, "../../src/platform/mail/nodemailer-transport.ts"),
    );
    const script = `
      const { smtpTransport } = await import(${JSON.stringify(transport.href)});
      const t = smtpTransport(${JSON.stringify(url)});
      await t.send({ from: "a@example.org", to: { address: "p@example.org" }, subject: "kept", html: "<p>x</p>", text: "x", messageId: "<kept@example.org>" });
      console.log(JSON.stringify(process.getActiveResourcesInfo()));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script]);
    expect(received).toContain("kept");
    expect(JSON.parse(stdout)).not.toContain("TCPSocketWrap");
  });

  it("a hand-over that fails aborts before the final dot: the server discards the message", async () => {
    const transport = smtpTransport(url);
    const before = received.length;
    await expect(
      transport.send(message("refused"), {
        beforeCommit: async () => {
          throw new Error("claim lost");
        },
      }),
    ).rejects.toThrow("claim lost");
    await transport.send(message("after"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.slice(before)).toEqual(["after"]);
  });
});
