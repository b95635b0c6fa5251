// Tells the owner, once per failure streak, that an endpoint was disabled after three days of failures.
// The idempotency key holds the streak's start, so a second scheduler recording the same outcome sends nothing.
import { findOwnerById } from "../accounts/store.ts";
import type { AppDeps } from "../platform/deps.ts";
import { renderEmail } from "../platform/mail/email-layout.ts";
import { sendMail } from "../platform/mail/send.ts";
import { getEndpoint } from "./endpoint-store.ts";

const MESSAGES = {
  fr: {
    subject: "Webhook désactivé : {url}",
    heading: "Un webhook a été désactivé",
    intro:
      "Depuis trois jours, chaque envoi vers {url} a échoué (dernière raison : {reason}). Créneau a désactivé ce point de réception et n'y envoie plus d'événements.",
    action:
      "Corrigez le récepteur, puis réactivez-le depuis le tableau de bord ; les envois échoués peuvent être rejoués un par un.",
    button: "Voir le webhook",
  },
  en: {
    subject: "Webhook disabled: {url}",
    heading: "A webhook was disabled",
    intro:
      "For three days, every delivery to {url} failed (last reason: {reason}). Créneau disabled this endpoint and no longer sends it events.",
    action:
      "Fix the receiver, then enable it again from the dashboard; failed deliveries can be replayed one by one.",
    button: "Open the webhook",
  },
} as const;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");

export async function notifyEndpointDisabled(
  deps: AppDeps,
  ownerId: string,
  endpointId: string,
): Promise<void> {
  const [owner, endpoint] = await Promise.all([
    findOwnerById(deps.database, ownerId),
    getEndpoint(deps.database, ownerId, endpointId),
  ]);
  if (!owner || !endpoint) return;
  const locale = owner.locale === "en" ? "en" : "fr";
  const t = MESSAGES[locale];
  const values = { url: endpoint.url, reason: endpoint.disabledReason ?? "-" };
  const email = renderEmail({
    locale,
    heading: t.heading,
    blocks: [
      { kind: "paragraph", text: fill(t.intro, values) },
      { kind: "paragraph", text: t.action },
      { kind: "button", label: t.button, url: `${deps.config.baseUrl}/dashboard/webhooks/${endpoint.id}` },
    ],
  });
  await sendMail(deps, {
    ownerId,
    idempotencyKey: `webhook:${endpoint.id}:disabled:${endpoint.updatedAt}`,
    why: "webhook.disabled",
    to: { address: owner.email, name: owner.name },
    subject: fill(t.subject, values)
      .replace(/[\r\n]+/g, " ")
      .slice(0, 200),
    locale,
    ...email,
  });
}
