// A real Radicale (Debian `radicale`) on 127.0.0.1 with a throwaway storage folder and one htpasswd user.
// Calendars are created as folders before start; events go in over HTTP like any CalDAV client, or as
// files before start when a test needs thousands of them.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RadicaleServer {
  url: string;
  username: string;
  password: string;
  /** the collection URL of a calendar created with `calendars` */
  calendarUrl(slug: string): string;
  put(slug: string, file: string, ics: string): Promise<Response>;
  remove(slug: string, file: string): Promise<Response>;
  /** the .ics object names in a calendar, read over WebDAV */
  objects(slug: string): Promise<string[]>;
  get(slug: string, file: string): Promise<string | null>;
  /** SIGSTOP: the socket still accepts connections but nothing answers (a server that hangs) */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

export interface RadicaleOptions {
  calendars?: { slug: string; name: string }[];
  /** files written into calendars before start: slug → [file name, iCalendar text] */
  seed?: Record<string, [string, string][]>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRadicale(options: RadicaleOptions = {}): Promise<RadicaleServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "creneau-radicale-"));
  const username = "alice";
  const password = "correct horse";
  const root = path.join(dir, "collections", "collection-root", username);
  mkdirSync(root, { recursive: true });
  for (const calendar of options.calendars ?? [{ slug: "work", name: "Work" }]) {
    mkdirSync(path.join(root, calendar.slug), { recursive: true });
    writeFileSync(
      path.join(root, calendar.slug, ".Radicale.props"),
      JSON.stringify({
        tag: "VCALENDAR",
        "D:displayname": calendar.name,
        "C:supported-calendar-component-set": "VEVENT",
      }),
    );
  }
  for (const [slug, files] of Object.entries(options.seed ?? {}))
    for (const [file, ics] of files) writeFileSync(path.join(root, slug, file), ics);
  writeFileSync(path.join(dir, "users"), `${username}:${password}\n`);
  const port = await freePort();
  writeFileSync(
    path.join(dir, "config"),
    [
      "[server]",
      `hosts = 127.0.0.1:${port}`,
      "[auth]",
      "type = htpasswd",
      `htpasswd_filename = ${path.join(dir, "users")}`,
      "htpasswd_encryption = plain",
      "delay = 0",
      "[rights]",
      "type = owner_only",
      "[storage]",
      `filesystem_folder = ${path.join(dir, "collections")}`,
      "[web]",
      "type = none",
      "[logging]",
      "level = warning",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn("/usr/bin/radicale", ["--config", path.join(dir, "config")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}/`;
  const auth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const r = await fetch(url, { headers: { authorization: auth }, signal: AbortSignal.timeout(1000) });
      await r.body?.cancel();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill("SIGKILL");
        throw new Error(`Radicale did not start: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const calendarUrl = (slug: string) => `${url}${username}/${slug}/`;
  const request = (method: string, target: string, init: RequestInit = {}) =>
    fetch(target, {
      ...init,
      method,
      headers: { authorization: auth, ...(init.headers as Record<string, string>) },
    });
  return {
    url,
    username,
    password,
    calendarUrl,
    put: (slug, file, ics) =>
      request("PUT", `${calendarUrl(slug)}${file}`, {
        body: ics,
        headers: { "content-type": "text/calendar" },
      }),
    remove: (slug, file) => request("DELETE", `${calendarUrl(slug)}${file}`),
    async objects(slug) {
      const r = await request("PROPFIND", calendarUrl(slug), { headers: { depth: "1" } });
      const body = await r.text();
      return [...body.matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) =>
        decodeURIComponent(m[1]!.split("/").pop()!),
      );
    },
    async get(slug, file) {
      const r = await request("GET", `${calendarUrl(slug)}${file}`);
      return r.ok ? r.text() : null;
    },
    freeze: () => child.kill("SIGSTOP"),
    thaw: () => child.kill("SIGCONT"),
    async stop() {
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
