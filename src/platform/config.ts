// The only module that reads the environment. Everything else receives a Config.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";

const flag = (byDefault: "0" | "1") =>
  z
    .enum(["0", "1", "true", "false"], { error: "must be 0 or 1" })
    .default(byDefault)
    .transform((v) => v === "1" || v === "true");

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  BASE_URL: httpUrl.optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must look like smtp://user:pass@host:port" }).optional(),
  MAIL_API_URL: httpUrl.optional(),
  MAIL_API_KEY: z.string().min(8, "must be at least 8 characters").optional(),
  MAIL_FROM: z.string().min(3).default("Créneau <creneau@localhost>"),
  SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_API_ROOT: httpUrl.default("https://www.googleapis.com"),
  GOOGLE_OAUTH_TOKEN_URL: httpUrl.default("https://oauth2.googleapis.com/token"),
  ALLOW_PRIVATE_TARGETS: flag("0"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SCHEDULER: flag("1"),
  LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
  PUBLIC_POST_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
  SIGNUP_CODE: z.string().min(12, "must be at least 12 characters").optional(),
});

export interface Config {
  port: number;
  dataDir: string;
  baseUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  /** a JSON mail API (Resend's request shape) instead of SMTP: POST {url} with Bearer {key} */
  mailApi: { url: string; key: string } | undefined;
  mailFrom: string;
  secretKey: string;
  google: { clientId?: string; clientSecret?: string; apiRoot: string; tokenUrl: string };
  allowPrivateTargets: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  scheduler: boolean;
  /** how long a scheduler holds a workflow run or an email it is sending before another may take over */
  leaseMs: number;
  /** requests per minute allowed to one API key; 0 turns the limit off */
  apiRateLimit: number;
  /** booking-form POSTs allowed per client address per 10 minutes; 0 turns the limit off */
  publicPostLimit: number;
  /** when set, /signup lets whoever knows it create another owner on this deployment */
  signupCode: string | undefined;
}

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.issues = issues;
  }
}

/** Validates raw environment values (empty strings count as unset). Throws ConfigError naming each variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw = Object.fromEntries(
    Object.keys(configSchema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]),
  );
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  }
  const c = parsed.data;
  if (!c.SECRET_KEY) throw new ConfigError(["SECRET_KEY: is required"]);
  if (c.MAIL_API_URL && !c.MAIL_API_KEY)
    throw new ConfigError(["MAIL_API_KEY: is required with MAIL_API_URL"]);
  if (c.MAIL_API_URL && c.SMTP_URL)
    throw new ConfigError(["MAIL_API_URL: set either SMTP_URL or MAIL_API_URL, not both"]);
  const baseUrl = (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, "");
  return {
    port: c.PORT,
    dataDir: c.DATA_DIR,
    baseUrl,
    secureCookies: baseUrl.startsWith("https://"),
    smtpUrl: c.SMTP_URL,
    mailApi: c.MAIL_API_URL && c.MAIL_API_KEY ? { url: c.MAIL_API_URL, key: c.MAIL_API_KEY } : undefined,
    mailFrom: c.MAIL_FROM,
    secretKey: c.SECRET_KEY,
    google: {
      clientId: c.GOOGLE_CLIENT_ID,
      clientSecret: c.GOOGLE_CLIENT_SECRET,
      apiRoot: c.GOOGLE_API_ROOT.replace(/\/+$/, ""),
      tokenUrl: c.GOOGLE_OAUTH_TOKEN_URL,
    },
    allowPrivateTargets: c.ALLOW_PRIVATE_TARGETS,
    logLevel: c.LOG_LEVEL,
    scheduler: c.SCHEDULER,
    publicPostLimit: c.PUBLIC_POST_LIMIT,
    leaseMs: c.LEASE_SECONDS * 1000,
    apiRateLimit: c.API_RATE_LIMIT,
    signupCode: c.SIGNUP_CODE,
  };
}

/**
 * Node: reads process.env; when SECRET_KEY is unset, uses DATA_DIR/secret.key, creating it (0600) on first run,
 * so links signed before a restart stay valid.
 */
export function loadNodeConfig(env: Record<string, string | undefined> = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || "./data");
  let secretKey = env.SECRET_KEY;
  if (!secretKey) {
    const keyFile = path.join(dataDir, "secret.key");
    if (existsSync(keyFile)) {
      secretKey = readFileSync(keyFile, "utf8").trim();
    } else {
      mkdirSync(dataDir, { recursive: true });
      secretKey = randomBytes(32).toString("base64url");
      try {
        writeFileSync(keyFile, `${secretKey}\n`, { mode: 0o600, flag: "wx" });
      } catch (error) {
        // Another process (server and CLI started together) wrote it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        secretKey = readFileSync(keyFile, "utf8").trim();
      }
    }
  }
  return parseConfig({ ...env, DATA_DIR: dataDir, SECRET_KEY: secretKey });
}
