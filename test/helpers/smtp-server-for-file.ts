// A real SMTP server per test file, for the files that only need one: kept apart from smtp-server.ts, which the
// workerd global setup imports (vitest's hooks cannot be loaded there).
import { afterAll, beforeAll } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "./smtp-server.ts";

/** A real SMTP server for the tests of one file: started before them, closed after them. */
export function smtpServerForFile(): TestSmtpServer {
  let server: TestSmtpServer | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => server?.close());
  const started = () => {
    if (!server) throw new Error("The SMTP server starts before the file's tests, not at import.");
    return server;
  };
  return new Proxy({} as TestSmtpServer, {
    get: (_, key) => Reflect.get(started(), key),
    set: (_, key, value) => Reflect.set(started(), key, value),
  });
}
