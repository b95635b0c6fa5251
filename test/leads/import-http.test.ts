// The CSV import as the owner meets it: upload → preview (nothing written) → confirm → progress → done,
// with returning people merged, open ones skipped, bad rows reported, and the whole import undoable.
import { describe, expect, it } from "vitest";
import { toCurrentOwner } from "../../src/accounts/store.ts";
import {
  CHUNK_ROWS,
  confirmImport,
  getImportJob,
  runImport,
  STALE_AFTER_MS,
} from "../../src/leads/import-job.ts";
import { ownerFixture } from "../helpers/owner-fixture.ts";
import { apiLead, signedIn, uploadCsv, waitForImport } from "./helpers.ts";

const NOW = "2027-03-01T09:00:00Z";
const utf8 = (text: string) => new TextEncoder().encode(text);
const leadCount = (f: Awaited<ReturnType<typeof ownerFixture>>) =>
  (f.deps.database.sqlite.prepare("SELECT COUNT(*) AS n FROM leads").get() as { n: number }).n;

const CSV = [
  "Nom;E-mail;Entreprise;Source;TJM;Étape;Date",
  "Ann Lee;ann@example.org;Acme;Malt;650;;15/01/2027",
  "Bob Roy;bob@example.org;Globex;LinkedIn;600;perdu;",
  "Cy Old;cy@example.org;Initech;;;;",
  "Dan Open;dan@example.org;;;;;",
  "Eve Bad;not-an-email;;;;;",
  "Fay Formula;fay@example.org;=cmd|' /C calc'!A0;;;;",
  "Ann Again;ANN@example.org;;;;;",
].join("\r\n");

describe("CSV import", () => {
  it("previews without writing, then imports the valid rows after the owner confirms", async () => {
    const f = await ownerFixture({ now: NOW });
    // Cy is a returning contact whose lead is closed; Dan has a lead still open.
    const cy = await apiLead(f, { name: "Cy", email: "cy@example.org" });
    await f.api(`/api/leads/${cy}`, { method: "PATCH", body: { stage: "lost" } });
    await apiLead(f, { name: "Dan", email: "dan@example.org" });
    const session = await signedIn(f);

    const upload = await uploadCsv(f, session, utf8(CSV));
    expect(upload.status).toBe(303);
    const jobPath = upload.headers.get("location")!;
    const preview = await (await session.get(jobPath)).text();
    expect(leadCount(f)).toBe(2);
    expect(preview).toContain("Lu en utf-8, séparateur «\u00a0;\u00a0».");
    expect(preview).toContain("<li>2 nouveau(x) prospect(s)</li>");
    expect(preview).toContain(
      "<li>1 personne(s) déjà connue(s)\u00a0: la demande rejoint leur historique</li>",
    );
    expect(preview).toContain("<li>1 personne(s) déjà en cours dans le pipeline\u00a0: ignorée(s)</li>");
    expect(preview).toContain("<li>3 ligne(s) avec des erreurs\u00a0: elles ne seront pas importées</li>");
    expect(preview).toContain("<strong>Ligne 6</strong>\u00a0: e-mail invalide");
    expect(preview).toContain("entreprise ressemble à une formule de tableur (=cmd|&#39; /C calc&#39;!A0)");
    expect(preview).toContain("<strong>Ligne 8</strong>\u00a0: même e-mail que la ligne 2");
    expect(preview).toContain("Importer les 3 ligne(s) valides");

    const confirm = await session.post(`${jobPath}/confirm`, {}, { csrfFrom: jobPath });
    expect(confirm.status).toBe(303);
    const done = await waitForImport(session, jobPath);
    expect(done).toContain("2 prospect(s) créé(s), 1 demande(s) ajoutée(s) à une personne déjà connue.");
    expect(leadCount(f)).toBe(5);
    const items = (
      (await (await f.api("/api/leads?limit=10")).json()) as {
        items: {
          name: string;
          email: string;
          source: string;
          stage: string;
          contactId: string;
          createdAt: string;
        }[];
      }
    ).items;
    const ann = items.find((i) => i.email === "ann@example.org")!;
    expect(ann).toMatchObject({
      name: "Ann Lee",
      source: "malt",
      stage: "new",
      createdAt: "2027-01-14T23:00:00.000Z",
    });
    expect(items.find((i) => i.email === "bob@example.org")).toMatchObject({
      source: "linkedin",
      stage: "lost",
    });
    const cyLeads = items.filter((i) => i.email === "cy@example.org");
    expect(cyLeads).toHaveLength(2);
    expect(new Set(cyLeads.map((l) => l.contactId)).size).toBe(1);
    // A returning person keeps their name as it was.
    expect(cyLeads.every((l) => l.name === "Cy")).toBe(true);
    // Confirming twice imports once.
    await session.post(`${jobPath}/confirm`, {}, { csrfFrom: jobPath });
    await waitForImport(session, jobPath);
    expect(leadCount(f)).toBe(5);
  });

  it("reports a file it cannot read and offers nothing to import", async () => {
    const f = await ownerFixture({ now: NOW });
    const session = await signedIn(f);
    const upload = await uploadCsv(f, session, utf8("Contact,Téléphone\nAnn,0102030405\n"));
    const page = await (await session.get(upload.headers.get("location")!)).text();
    expect(page).toContain("Colonnes manquantes\u00a0: e-mail. Colonnes trouvées\u00a0: Contact, Téléphone.");
    expect(page).not.toContain("/confirm");
    const empty = await uploadCsv(f, session, new Uint8Array());
    expect(empty.status).toBe(422);
  });

  it("honours a delimiter chosen by hand", async () => {
    const f = await ownerFixture({ now: NOW });
    const session = await signedIn(f);
    const upload = await uploadCsv(f, session, utf8("name|email\nAnn|ann@example.org\n"), { delimiter: "|" });
    expect(await (await session.get(upload.headers.get("location")!)).text()).toContain(
      "<li>1 nouveau(x) prospect(s)</li>",
    );
  });

  it("shows the progress while it runs, resumes after an interruption, and undoes the whole import", async () => {
    const f = await ownerFixture({ now: NOW });
    const session = await signedIn(f);
    const rows = Array.from({ length: CHUNK_ROWS * 2 + 10 }, (_, i) => `P${i},p${i}@example.org`);
    const upload = await uploadCsv(f, session, utf8(["name,email", ...rows].join("\n")));
    const jobPath = upload.headers.get("location")!;
    const jobId = jobPath.split("/").pop()!;
    // Confirmed, but no runner started: as if the server stopped right after.
    const owner = toCurrentOwner(f.owner);
    const job = (await getImportJob(f.deps, owner.id, jobId))!;
    await confirmImport(f.deps, owner, job);
    const running = await session.get(jobPath);
    expect(running.headers.get("refresh")).toBe("1");
    expect(await running.text()).toContain(
      `<progress id="import-progress" max="${CHUNK_ROWS * 2 + 10}" value="0">`,
    );
    // One chunk at a time (as on Workers): the progress moves by a chunk and the page shows it.
    expect(await runImport(f.deps, owner, jobId, { maxChunks: 1, chunkRows: 100 })).toMatchObject({
      status: "running",
      done: 100,
    });
    expect(await (await session.get(jobPath)).text()).toContain(`value="100">`);
    // Then the server stops: after a while without progress, the page offers to resume.
    f.clock.advance(STALE_AFTER_MS + 1);
    const stalled = await (await session.get(jobPath)).text();
    expect(stalled).toContain("L&#39;import s&#39;est arrêté à 100 sur 1010");
    const resume = await session.post(`${jobPath}/resume`, {}, { csrfFrom: jobPath });
    expect(resume.status).toBe(303);
    await waitForImport(session, jobPath);
    expect(leadCount(f)).toBe(CHUNK_ROWS * 2 + 10);
    expect(await runImport(f.deps, owner, jobId)).toMatchObject({
      status: "done",
      done: CHUNK_ROWS * 2 + 10,
    });
    await session.post(`${jobPath}/undo`, {}, { csrfFrom: jobPath });
    expect(leadCount(f)).toBe(0);
    expect(
      (f.deps.database.sqlite.prepare("SELECT COUNT(*) AS n FROM contacts").get() as { n: number }).n,
    ).toBe(0);
    expect(await (await session.get(jobPath)).text()).toContain("Import annulé");
  });
});
