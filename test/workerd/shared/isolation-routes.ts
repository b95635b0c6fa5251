// How the isolation suite fills in each route: which owner-A id a `:param` stands for (from the path
// before it), and a body that would succeed if the id were B's own, so only ownership can refuse it.
import type { RouteInfo } from "./describe-isolation.ts";
import type { SeededOwner } from "./seed-owner.ts";

type Ids = SeededOwner["ids"];

/** Routes that are public by design (secret-token links, booking pages, assets) or end B's session. */
export function isPublicRoute(route: RouteInfo): boolean {
  const { path, method } = route;
  if (!(path.startsWith("/api/") || path.startsWith("/dashboard"))) return true;
  if (path.startsWith("/api/public/") || path.startsWith("/api/docs") || path === "/api/openapi.json")
    return true;
  return method === "ALL";
}

const ID_BY_SEGMENT: Record<string, keyof Ids> = {
  "event-types": "eventType",
  bookings: "booking",
  leads: "lead",
  clients: "client",
  missions: "mission",
  invoices: "invoice",
  calendars: "calendar",
  outbox: "outbox",
  runs: "run",
  webhooks: "webhook",
  "webhook-deliveries": "delivery",
  "api-keys": "apiKey",
};

/** Parameters that name something of the caller's own (an export file of the year), not one of A's things. */
export function namesVictim(pattern: string): boolean {
  return pattern.split("/").some((segment) => segment.startsWith(":") && segment !== ":file");
}

/** The path with A's ids in place of its parameters; null when a parameter has no A counterpart. */
export function substitute(pattern: string, ids: Ids): string | null {
  const segments = pattern.split("/");
  const out: string[] = [];
  for (const [index, segment] of segments.entries()) {
    if (!segment.startsWith(":")) {
      out.push(segment);
      continue;
    }
    const name = segment.slice(1);
    const before = segments[index - 1] ?? "";
    if (name === "month") out.push(ids.month);
    else if (name === "file") out.push(`invoices-${ids.month.slice(0, 4)}.csv`);
    else if (before === "import") out.push(ids.lead);
    else {
      const key = ID_BY_SEGMENT[before];
      if (!key) return null;
      out.push(ids[key]);
    }
  }
  return out.join("/");
}

/** Valid-looking input per route; for B's own create routes, input that points at A's things. */
export function attackBody(route: RouteInfo, ids: Ids): Record<string, unknown> | undefined {
  const key = `${route.method} ${route.path}`;
  const pwned = "Pwned by another owner";
  const day = `${ids.month}-15`;
  const bodies: Record<string, Record<string, unknown>> = {
    "PATCH /api/event-types/:id": { title: pwned },
    "POST /api/bookings/:id/cancel": { reason: pwned },
    "PATCH /api/clients/:id": { name: pwned },
    "PATCH /api/missions/:id": { title: pwned, status: "ended" },
    "POST /api/missions/:id/activity-reports": { month: ids.month, days: [] },
    "PATCH /api/invoices/:id": {
      lines: [{ description: pwned, quantity: 1, unitPriceCents: 1, vatRate: 20 }],
    },
    "POST /api/invoices/:id/payments": { amountCents: 100, date: day },
    "PATCH /api/calendars/:id": { name: pwned },
    "PATCH /api/leads/:id": { stage: "lost", notes: pwned },
    "PATCH /api/webhooks/:id": { description: pwned, status: "disabled" },
    "POST /dashboard/event-types/:id": { title: pwned },
    "POST /dashboard/clients/:id": { name: pwned },
    "POST /dashboard/missions/:id": { title: pwned },
    "POST /dashboard/calendars/:id": { name: pwned },
    "POST /dashboard/leads/:id/notes": { notes: pwned },
    "POST /dashboard/leads/:id/move": { stage: "lost" },
    // B's own create routes, pointing at A's things.
    "POST /api/missions": {
      clientId: ids.client,
      title: pwned,
      dailyRateCents: 1,
      currency: "EUR",
      startDate: day,
      source: "malt",
      billingMode: "monthly",
    },
    "POST /dashboard/missions": { clientId: ids.client, title: pwned, dailyRate: "1", startDate: day },
    "POST /api/invoices": { missionId: ids.mission, periodStart: day, periodEnd: day },
  };
  return bodies[key];
}
