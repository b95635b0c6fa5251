// `npm run creneau -- <command>`: the same environment as the server; pending migrations applied first.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { createApiKey, SCOPES, type Scope } from "./accounts/api-keys.ts";
import { createOwner } from "./accounts/create-owner.ts";
import { findOwnerByHandle, listApiKeys, revokeApiKey } from "./accounts/store.ts";
import { ConfigError, loadNodeConfig } from "./platform/config.ts";
import { owners } from "./platform/db/schema.ts";
import { databaseFile } from "./platform/db/sqlite.ts";
import { AppError } from "./platform/http/problems.ts";
import { createLogger } from "./platform/logger.ts";
import { createNodeDeps, type NodeDeps } from "./platform/node-deps.ts";
import { tick } from "./platform/tick.ts";

const USAGE = `Usage: npm run creneau -- <command>
  init --handle H --name N --email E --password P --timezone TZ [--locale fr|en]
  api-key create --name NAME [--owner HANDLE] [--scopes read,write]
  api-key list [--owner HANDLE]
  api-key revoke ID [--owner HANDLE]
  backup FILE            online copy of the database, safe while the server runs
  restore FILE [--force] replace the database with a backup (stop the server first)
  tick                   run what is due now (emails, workflows)`;

class CliError extends Error {}

async function resolveOwner(deps: NodeDeps, handle: string | undefined) {
  if (handle) {
    const owner = await findOwnerByHandle(deps.database, handle);
    if (!owner) throw new CliError(`No owner with handle "${handle}".`);
    return owner;
  }
  const all = await deps.database.db.select().from(owners).limit(2);
  if (all.length === 0) throw new CliError("No owner yet: run `npm run creneau -- init ...` first.");
  if (all.length > 1) throw new CliError("Several owners: say which with --owner HANDLE.");
  return all[0]!;
}

function restore(dataDir: string, source: string, force: boolean): void {
  if (!existsSync(source)) throw new CliError(`No file at ${source}.`);
  const check = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    const ok = check.prepare("PRAGMA integrity_check").pluck().get();
    const hasOwners = check
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='owners'")
      .get();
    if (ok !== "ok" || !hasOwners)
      throw new CliError(`${source} is not a Créneau backup (integrity: ${String(ok)}).`);
  } finally {
    check.close();
  }
  const target = databaseFile(dataDir);
  if (existsSync(target) && !force)
    throw new CliError(`${target} exists: pass --force to replace it (stop the server first).`);
  const staging = `${target}.restoring`;
  copyFileSync(source, staging);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target); // atomic on one filesystem: never a half-written database
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      handle: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      timezone: { type: "string" },
      locale: { type: "string" },
      owner: { type: "string" },
      scopes: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, sub, arg] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = loadNodeConfig();
  if (command === "restore") {
    if (!sub) throw new CliError("restore needs a FILE.");
    restore(config.dataDir, path.resolve(sub), values.force === true);
    console.error(`Restored ${sub} into ${databaseFile(config.dataDir)}.`);
    return 0;
  }
  const deps = createNodeDeps(config, { logger: createLogger("warn", (l) => console.error(l)) });
  try {
    switch (command) {
      case "init": {
        const owner = await createOwner(
          deps,
          {
            handle: values.handle,
            name: values.name,
            email: values.email,
            password: values.password,
            timeZone: values.timezone,
            locale: values.locale ?? "fr",
          },
          { firstRunOnly: false },
        );
        console.error(
          `Created owner ${owner.handle} (${owner.email}). Public links: ${config.baseUrl}/${owner.handle}/…`,
        );
        return 0;
      }
      case "api-key": {
        const owner = await resolveOwner(deps, values.owner);
        if (sub === "create") {
          if (!values.name) throw new CliError("api-key create needs --name NAME.");
          const scopes = (values.scopes ?? "read,write").split(",").map((s) => s.trim());
          if (scopes.some((s) => !SCOPES.includes(s as Scope)))
            throw new CliError("--scopes takes read, write or read,write.");
          const { key } = await createApiKey(deps, owner.id, values.name, scopes as Scope[]);
          console.log(key);
          return 0;
        }
        if (sub === "list") {
          for (const k of await listApiKeys(deps.database, owner.id)) {
            console.log([k.id, k.prefix, k.name, k.scopes, k.revokedAt ? "revoked" : "active"].join("\t"));
          }
          return 0;
        }
        if (sub === "revoke") {
          if (!arg) throw new CliError("api-key revoke needs the key id (see api-key list).");
          if (!(await revokeApiKey(deps.database, owner.id, arg, deps.clock.now())))
            throw new CliError(`No active key ${arg}.`);
          console.error(`Revoked ${arg}.`);
          return 0;
        }
        throw new CliError("api-key takes create, list or revoke.");
      }
      case "backup": {
        if (!sub) throw new CliError("backup needs a FILE.");
        await deps.database.backup(path.resolve(sub));
        console.error(`Backed up to ${sub}.`);
        return 0;
      }
      case "tick": {
        console.log(JSON.stringify(await tick(deps)));
        return 0;
      }
      default:
        throw new CliError(`Unknown command "${command}".\n${USAGE}`);
    }
  } finally {
    await deps.database.close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError || error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    const details = (error.errors ?? []).map((e) => `  ${e.path}: ${e.message}`).join("\n");
    console.error(`${error.detail ?? error.message}${details ? `\n${details}` : ""}`);
  } else if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${error.message}\n${USAGE}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
