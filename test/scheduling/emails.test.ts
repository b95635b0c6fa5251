import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/platform/i18n.ts";
import { renderEmail } from "../../src/platform/mail/email-layout.ts";
import type { BookingEmail, BookingEmailData } from "../../src/scheduling/emails/booking-email-data.ts";
import { commonTexts } from "../../src/scheduling/emails/common-messages.ts";
import {
  defaultOwnerCancelMessage,
  ownerCancelledEmail,
  ownerNewBookingEmail,
  ownerRescheduledEmail,
  pendingDeclinedEmail,
  prospectApprovedEmail,
  prospectCancelledEmail,
  prospectConfirmationEmail,
  prospectRescheduledEmail,
} from "../../src/scheduling/emails/index.ts";
import { ownerCancelMessageTexts } from "../../src/scheduling/emails/owner-cancel-message.ts";
import { ownerMessages, ownerTexts } from "../../src/scheduling/emails/owner-messages.ts";
import { prospectMessages, prospectTexts } from "../../src/scheduling/emails/prospect-messages.ts";
import { formatWhen } from "../../src/scheduling/emails/when.ts";

const NBSP = "\u00a0";
const at = (iso: string) => Temporal.ZonedDateTime.from(iso).epochMilliseconds;

// Paris moved to summer time on Sunday 28 March 2027, New York on 14 March: on the 29th they are 6 h apart.
const START = at("2027-03-29T09:00[Europe/Paris]");
const PREVIOUS_START = at("2027-03-22T09:00[Europe/Paris]");
const HOSTILE_SCRIPT = `<script>alert("pwn")</script>`;
const HOSTILE_NAME = `${HOSTILE_SCRIPT} Zoé & "Co"`;
const MANAGE_URL = "https://creneau.example/b/tok?sig=a1&exp=99";
const APPROVE_URL = "https://creneau.example/owner/approve?t=ap&sig=1";
const CANCEL_URL = "https://creneau.example/owner/cancel?t=ca&sig=2";
const LEAD_URL = "https://creneau.example/dashboard/leads/L1";
const REBOOK_URL = "https://creneau.example/camille/decouverte";

function data(locale: Locale, overrides: Partial<BookingEmailData> = {}): BookingEmailData {
  return {
    locale,
    owner: { name: "Camille Martin", email: "camille@example.fr", timeZone: "Europe/Paris" },
    prospect: { name: HOSTILE_NAME, email: "zoe@example.com", timeZone: "America/New_York" },
    eventTitle: "Audit & conseil",
    durationMinutes: 30,
    startMs: START,
    endMs: START + 30 * 60_000,
    location: { type: "video", details: "https://meet.example/abc" },
    manageUrl: MANAGE_URL,
    answers: [
      { label: "TJM", value: "650 €" },
      { label: "Contexte", value: `Refonte <b>React</b> & "API"\nÉquipe de 4` },
    ],
    verdict: { verdict: "review", reasons: ["TJM sous votre minimum (700 €)"] },
    status: "confirmed",
    notes: `Bonjour,\n${HOSTILE_SCRIPT} & "merci"`,
    ...overrides,
  };
}

interface Case {
  name: string;
  recipient: "owner" | "prospect";
  render: (locale: Locale) => BookingEmail;
  subject: Record<Locale, string>;
  urls: string[];
}

const CASES: Case[] = [
  {
    name: "prospect confirmation (confirmed)",
    recipient: "prospect",
    render: (l) => prospectConfirmationEmail(data(l)),
    subject: {
      fr: "Votre rendez-vous avec Camille Martin est confirmé",
      en: "Your meeting with Camille Martin is confirmed",
    },
    urls: [MANAGE_URL],
  },
  {
    name: "prospect confirmation (pending)",
    recipient: "prospect",
    render: (l) => prospectConfirmationEmail(data(l, { status: "pending" })),
    subject: {
      fr: "Demande de rendez-vous reçue — en attente de confirmation",
      en: "Meeting request received — awaiting confirmation",
    },
    urls: [MANAGE_URL],
  },
  {
    name: "prospect request approved",
    recipient: "prospect",
    render: (l) => prospectApprovedEmail(data(l)),
    subject: {
      fr: "Camille Martin a confirmé votre rendez-vous",
      en: "Camille Martin has confirmed your meeting",
    },
    urls: [MANAGE_URL],
  },
  {
    name: "owner new booking",
    recipient: "owner",
    render: (l) =>
      ownerNewBookingEmail({
        ...data(l, { status: "pending" }),
        approveUrl: APPROVE_URL,
        cancelUrl: CANCEL_URL,
        leadUrl: LEAD_URL,
      }),
    subject: {
      fr: `À confirmer${NBSP}: ${HOSTILE_NAME}, lun. 29 mars, 09:00 (à examiner)`,
      en: `To approve: ${HOSTILE_NAME}, Mon 29 Mar, 09:00 (to review)`,
    },
    urls: [APPROVE_URL, CANCEL_URL, LEAD_URL],
  },
  {
    name: "prospect cancelled by the owner",
    recipient: "prospect",
    render: (l) =>
      prospectCancelledEmail({ ...data(l), by: "owner", message: "Désolé & merci", rebookUrl: REBOOK_URL }),
    subject: {
      fr: `Rendez-vous annulé${NBSP}: Audit & conseil avec Camille Martin`,
      en: "Meeting cancelled: Audit & conseil with Camille Martin",
    },
    urls: [REBOOK_URL],
  },
  {
    name: "prospect cancelled by themself",
    recipient: "prospect",
    render: (l) => prospectCancelledEmail({ ...data(l), by: "prospect", rebookUrl: REBOOK_URL }),
    subject: {
      fr: `Annulation confirmée${NBSP}: Audit & conseil avec Camille Martin`,
      en: "Cancellation confirmed: Audit & conseil with Camille Martin",
    },
    urls: [REBOOK_URL],
  },
  {
    name: "owner told the prospect cancelled",
    recipient: "owner",
    render: (l) => ownerCancelledEmail({ ...data(l), by: "prospect", reason: `Budget gelé & "reporté"` }),
    subject: {
      fr: `Rendez-vous annulé par ${HOSTILE_NAME}${NBSP}: lun. 29 mars, 09:00`,
      en: `Cancelled by ${HOSTILE_NAME}: Mon 29 Mar, 09:00`,
    },
    urls: [],
  },
  {
    name: "prospect rescheduled",
    recipient: "prospect",
    render: (l) => prospectRescheduledEmail({ ...data(l), previousStartMs: PREVIOUS_START }),
    subject: {
      fr: `Rendez-vous déplacé${NBSP}: Audit & conseil avec Camille Martin`,
      en: "Meeting rescheduled: Audit & conseil with Camille Martin",
    },
    urls: [MANAGE_URL],
  },
  {
    name: "owner rescheduled",
    recipient: "owner",
    render: (l) => ownerRescheduledEmail({ ...data(l), previousStartMs: PREVIOUS_START }),
    subject: {
      fr: `Rendez-vous déplacé${NBSP}: ${HOSTILE_NAME}, lun. 29 mars, 09:00`,
      en: `Rescheduled: ${HOSTILE_NAME}, Mon 29 Mar, 09:00`,
    },
    urls: [],
  },
  {
    name: "pending request declined",
    recipient: "prospect",
    render: (l) => pendingDeclinedEmail({ ...data(l, { status: "pending" }), message: "Pas le bon profil" }),
    subject: {
      fr: "Votre demande de rendez-vous avec Camille Martin",
      en: "Your meeting request with Camille Martin",
    },
    urls: [],
  },
];

const escapedHref = (url: string) => `href="${url.replaceAll("&", "&amp;")}"`;

describe.each(CASES)("$name", (c) => {
  it.each(["fr", "en"] as const)("has its subject in %s", (locale) => {
    expect(c.render(locale).subject).toBe(c.subject[locale]);
  });

  it.each(["fr", "en"] as const)("shows the time in the recipient's zone, named, in %s", (locale) => {
    const { html, text } = c.render(locale);
    const newYork = locale === "fr" ? "heure de l’Est nord-américain, UTC−4" : "Eastern Time, UTC-4";
    const paris = locale === "fr" ? "heure d’Europe centrale, UTC+2" : "Central European Time, UTC+2";
    for (const part of [html, text.replace(/\n +/g, " ")]) {
      expect(part).toContain(`03:00–03:30 (${newYork})`);
      if (c.recipient === "owner") expect(part).toContain(`09:00–09:30 (${paris})`);
      else expect(part).not.toContain("09:00");
    }
  });

  it.each(["fr", "en"] as const)(
    "escapes hostile input in HTML and keeps it as typed in text, in %s",
    (locale) => {
      const { html, text } = c.render(locale);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toContain(`alert("pwn")`);
      expect(html).toContain("&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt;");
      expect(html).toContain("Audit &amp; conseil");
      expect(html).not.toContain("Audit & conseil");
      expect(text).toContain(HOSTILE_SCRIPT);
      expect(text).toContain("Audit & conseil");
      expect(text).not.toContain("&amp;");
    },
  );

  it("puts every button URL in both parts, and no other button", () => {
    const { html, text } = c.render("fr");
    for (const url of c.urls) {
      expect(html).toContain(escapedHref(url));
      expect(text).toContain(url);
    }
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(hrefs.sort()).toEqual([...c.urls].sort());
  });

  it("is a self-contained document in the recipient's language", () => {
    for (const locale of ["fr", "en"] as const) {
      const { html } = c.render(locale);
      expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${locale}">`));
      expect(html).not.toMatch(/<img|<link|<script|<iframe|\ssrc=|url\(/i);
    }
  });

  it("wraps the text part without ever cutting a URL", () => {
    const { text } = c.render("fr");
    for (const line of text.split("\n"))
      if (!line.includes("https://")) expect(line.length).toBeLessThanOrEqual(76);
    for (const url of c.urls) expect(text.split("\n").some((line) => line.endsWith(url))).toBe(true);
  });
});

describe("time zones across the DST change", () => {
  it("shows the same Paris wall time an hour apart in New York the week before and after Paris changes", () => {
    const before = formatWhen(PREVIOUS_START, PREVIOUS_START + 30 * 60_000, "fr", "America/New_York");
    const after = formatWhen(START, START + 30 * 60_000, "fr", "America/New_York");
    expect(before).toBe("lundi 22 mars 2027, 04:00–04:30 (heure de l’Est nord-américain, UTC−4)");
    expect(after).toBe("lundi 29 mars 2027, 03:00–03:30 (heure de l’Est nord-américain, UTC−4)");
    expect(formatWhen(PREVIOUS_START, PREVIOUS_START + 1, "fr", "Europe/Paris")).toContain("UTC+1)");
    // The zone's names are remembered by the offset in force: the week after, Paris is on summer time.
    expect(formatWhen(START, START + 1, "fr", "Europe/Paris")).toContain("UTC+2)");
    expect(formatWhen(PREVIOUS_START, PREVIOUS_START + 1, "fr", "Europe/Paris")).toContain("UTC+1)");
    expect(formatWhen(PREVIOUS_START, PREVIOUS_START + 1, "en", "Europe/Paris")).toContain(
      "(Central European Time, UTC+1)",
    );
  });

  it("names both days when a meeting crosses midnight in the reader's zone", () => {
    const start = at("2027-03-29T23:30[Europe/Paris]");
    expect(formatWhen(start, start + 60 * 60_000, "en", "Europe/Paris")).toBe(
      "Monday, 29 March 2027, 23:30 – Tuesday, 30 March 2027, 00:30 (Central European Time, UTC+2)",
    );
  });

  it("does not repeat the prospect's time to the owner when they share a zone", () => {
    const sameZone = data("fr", {
      prospect: { name: "Jean", email: "j@example.fr", timeZone: "Europe/Paris" },
    });
    const { text } = ownerNewBookingEmail({ ...sameZone, cancelUrl: CANCEL_URL, leadUrl: LEAD_URL });
    expect(text).not.toContain("Heure de Jean");
    expect(text.match(/09:00–09:30/g)).toHaveLength(1);
  });

  it("shows the old time struck through and the new one when rescheduled", () => {
    const { html, text } = prospectRescheduledEmail({ ...data("fr"), previousStartMs: PREVIOUS_START });
    expect(html).toMatch(/<s>lundi 22 mars 2027, 04:00–04:30[^<]*<\/s>/);
    expect(text).toContain(`Ancien horaire${NBSP}: lundi 22 mars 2027, 04:00–04:30`);
    expect(text).toContain(`Nouvel horaire${NBSP}: lundi 29 mars 2027, 03:00–03:30`);
    const owner = ownerRescheduledEmail({ ...data("en"), previousStartMs: PREVIOUS_START });
    expect(owner.html).toMatch(/<s>Monday, 22 March 2027, 09:00–09:30[^<]*<\/s>/);
  });
});

describe("owner new booking", () => {
  const links = { approveUrl: APPROVE_URL, cancelUrl: CANCEL_URL, leadUrl: LEAD_URL };

  it("offers Approve only for a pending booking with an approve link", () => {
    const pending = ownerNewBookingEmail({ ...data("en", { status: "pending" }), ...links });
    const confirmed = ownerNewBookingEmail({ ...data("en", { status: "confirmed" }), ...links });
    const noLink = ownerNewBookingEmail({
      ...data("en", { status: "pending" }),
      ...links,
      approveUrl: undefined,
    });
    expect(pending.html).toContain(escapedHref(APPROVE_URL));
    expect(pending.text).toContain(`Approve: ${APPROVE_URL}`);
    for (const email of [confirmed, noLink]) {
      expect(email.html).not.toContain("approve?");
      expect(email.text).not.toContain("Approve");
      expect(email.text).toContain(`Cancel with a kind message: ${CANCEL_URL}`);
      expect(email.text).toContain(`Open the lead: ${LEAD_URL}`);
    }
  });

  it("lists every answer, escaped in HTML with line breaks kept, raw in text", () => {
    const { html, text } = ownerNewBookingEmail({ ...data("fr"), ...links });
    expect(html).toContain("Refonte &lt;b&gt;React&lt;/b&gt; &amp; &quot;API&quot;<br>Équipe de 4");
    expect(html).not.toContain("<b>React</b>");
    expect(text).toContain(`TJM${NBSP}: 650 €`);
    expect(text).toContain(`Contexte${NBSP}: Refonte <b>React</b> & "API"\n  Équipe de 4`);
  });

  it("shows the notes as a quote and the verdict with its reasons", () => {
    const { html, text } = ownerNewBookingEmail({ ...data("fr"), ...links });
    expect(html).toContain(
      `Bonjour,<br>&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt; &amp; &quot;merci&quot;`,
    );
    expect(text).toContain(`> Bonjour,\n> ${HOSTILE_SCRIPT} & "merci"`);
    expect(text).toContain(`Tri${NBSP}: à examiner\n  - TJM sous votre minimum (700 €)`);
    expect(html).toContain("<li");
  });

  it("gives each verdict its own badge colour and omits the badge without a verdict", () => {
    const colour = (verdict: "qualified" | "review" | "declined") =>
      ownerNewBookingEmail({ ...data("en"), ...links, verdict: { verdict, reasons: [] } }).html.match(
        /border-left:4px solid (#[0-9a-f]{6});color/,
      )?.[1];
    expect(new Set([colour("qualified"), colour("review"), colour("declined")]).size).toBe(3);
    const none = ownerNewBookingEmail({ ...data("en"), ...links, verdict: undefined });
    expect(none.text).not.toContain("Triage");
    expect(none.subject).toBe(`New booking: ${HOSTILE_NAME}, Mon 29 Mar, 09:00`);
  });
});

describe("prospect emails", () => {
  it("says the invitation is attached when confirmed, and that it comes with the approval while pending", () => {
    expect(prospectConfirmationEmail(data("fr")).text).toContain("L’invitation (.ics) est jointe");
    const pending = prospectConfirmationEmail(data("en", { status: "pending" })).text;
    expect(pending).toContain("The calendar invitation (.ics) will come with the confirmation");
    expect(pending).not.toMatch(/attached/);
    const moved = prospectRescheduledEmail({
      ...data("fr", { status: "pending" }),
      previousStartMs: PREVIOUS_START,
    }).text;
    expect(moved).toContain("vous parviendra avec la confirmation");
    expect(moved).not.toContain("jointe");
  });

  it("confirms an approved request with the invitation and the manage link", () => {
    const { text } = prospectApprovedEmail(data("fr"));
    expect(text).toContain("Bonne nouvelle\u00a0: Camille Martin a confirmé votre demande de rendez-vous.");
    expect(text).toContain("L’invitation (.ics) est jointe");
    expect(text).toContain(MANAGE_URL);
  });

  it("mentions a CANCEL only when there was an invitation to remove", () => {
    const declined = (cancelsInvitation: boolean) =>
      pendingDeclinedEmail({ ...data("en", { status: "pending" }), cancelsInvitation }).text;
    expect(declined(true)).toContain("The attached cancellation (.ics) removes the invitation");
    expect(declined(false)).not.toContain(".ics");
    const cancelled = (cancelsInvitation: boolean) =>
      prospectCancelledEmail({ ...data("fr"), by: "prospect", cancelsInvitation }).text;
    expect(cancelled(true)).toContain("L’annulation (.ics) est jointe");
    expect(cancelled(false)).not.toContain(".ics");
  });

  it("formats the duration and the location in the prospect's language", () => {
    const fr = prospectConfirmationEmail(
      data("fr", { durationMinutes: 90, location: { type: "phone" } }),
    ).text;
    const en = prospectConfirmationEmail(
      data("en", { durationMinutes: 90, location: { type: "in_person", details: "12 rue de la Paix" } }),
    ).text;
    expect(fr).toContain(`Durée${NBSP}: 1${NBSP}h${NBSP}30`);
    expect(fr).toContain(`Lieu${NBSP}: Par téléphone`);
    expect(en).toContain("Duration: 1 h 30 min");
    expect(en).toContain("Location: In person — 12 rue de la Paix");
  });

  it("quotes the owner's cancellation message with its line breaks, and mentions the .ics", () => {
    const message = defaultOwnerCancelMessage("fr", "Jean Dupont", "Camille Martin");
    const { html, text } = prospectCancelledEmail({ ...data("fr"), by: "owner", message });
    expect(text).toContain(
      `Le message de Camille Martin${NBSP}:\n> Bonjour Jean,\n>\n> Merci pour votre intérêt.`,
    );
    expect(html).toContain("Bonjour Jean,<br><br>Merci pour votre intérêt.");
    expect(text).toContain("L’annulation (.ics) est jointe");
  });

  it("confirms a prospect's own cancellation without an owner message", () => {
    const { text } = prospectCancelledEmail({ ...data("en"), by: "prospect", message: "ignored" });
    expect(text).toContain("Your meeting with Camille Martin is cancelled");
    expect(text).not.toContain("ignored");
    expect(text).toContain("The cancellation (.ics) is attached");
  });

  it("declines a pending request kindly, with the owner's words and no manage link", () => {
    const { html, text } = pendingDeclinedEmail({
      ...data("fr", { status: "pending" }),
      message: "Merci & à bientôt",
    });
    expect(html).toContain("Camille Martin ne pourra malheureusement pas y donner suite.");
    expect(text).toContain("> Merci & à bientôt");
    expect(html).toContain("Merci &amp; à bientôt");
    expect(text).not.toContain(MANAGE_URL);
  });
});

describe("owner cancelled email", () => {
  it("quotes the prospect's reason, or says there was none", () => {
    const withReason = ownerCancelledEmail({ ...data("fr"), by: "prospect", reason: "Budget gelé\nReporté" });
    expect(withReason.text).toContain(`Le motif indiqué${NBSP}:\n> Budget gelé\n> Reporté`);
    const without = ownerCancelledEmail({ ...data("en"), by: "prospect", reason: "  " });
    expect(without.text).toContain("No reason was given.");
  });
});

describe("defaultOwnerCancelMessage", () => {
  it("greets the prospect by first name and signs with the owner's name", () => {
    const fr = defaultOwnerCancelMessage("fr", "Jean Dupont", "Camille Martin");
    expect(fr.startsWith("Bonjour Jean,\n\nMerci pour votre intérêt.")).toBe(true);
    expect(fr).toContain("je ne pense pas être la bonne personne pour cette mission");
    expect(fr.endsWith("Bien cordialement,\nCamille Martin")).toBe(true);
    const en = defaultOwnerCancelMessage("en", "Mrs Smith", "Camille Martin");
    expect(en.startsWith("Hello Mrs Smith,")).toBe(true);
    expect(en.endsWith("Kind regards,\nCamille Martin")).toBe(true);
  });
});

describe("messages", () => {
  const catalogues = {
    common: commonTexts,
    prospect: prospectTexts,
    owner: ownerTexts,
    ownerCancel: ownerCancelMessageTexts,
  } as Record<string, { fr: Record<string, string>; en: Record<string, string> }>;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(Object.keys(catalogues))(
    "%s: every key has a non-empty fr and en text with the same variables",
    (name) => {
      const { fr, en } = catalogues[name]!;
      expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
      for (const key of Object.keys(fr)) {
        expect(fr[key]!.trim(), `fr.${key}`).not.toBe("");
        expect(en[key]!.trim(), `en.${key}`).not.toBe("");
        expect(placeholders(en[key]!), key).toEqual(placeholders(fr[key]!));
      }
    },
  );

  it.each(Object.keys(catalogues))("%s: French uses typographic apostrophes and spaces", (name) => {
    for (const [key, text] of Object.entries(catalogues[name]!.fr)) {
      expect(text, key).not.toContain("'");
      expect(text, key).not.toMatch(/ [:;?!»]|« /);
    }
  });

  it("throws when a variable is missing", () => {
    expect(() => prospectMessages("fr")("confirmedSubject")).toThrow(/needs variable "owner"/);
    expect(() => ownerMessages("en")("newPendingSubject", { prospect: "Zoé" })).toThrow(
      /needs variable "when"/,
    );
  });
});

describe("renderEmail", () => {
  it("refuses a button whose URL is not http(s) or mailto", () => {
    expect(() =>
      renderEmail({
        locale: "en",
        heading: "x",
        blocks: [{ kind: "button", label: "Go", url: "javascript:alert(1)" }],
      }),
    ).toThrow(/http/);
  });

  it("escapes the heading, preheader and footer, and hides the preheader", () => {
    const { html, text } = renderEmail({
      locale: "fr",
      heading: "A & <b>",
      preheader: `"pre" <i>`,
      footer: "F & <u>",
      blocks: [{ kind: "notice", tone: "warn", text: "<em>n</em>" }],
    });
    expect(html).toContain("<title>A &amp; &lt;b&gt;</title>");
    expect(html).toMatch(/<div style="display:none;[^"]*">&quot;pre&quot; &lt;i&gt;<\/div>/);
    expect(html).toContain("F &amp; &lt;u&gt;");
    expect(html).toContain("&lt;em&gt;n&lt;/em&gt;");
    expect(text).toBe("A & <b>\n=======\n\n<em>n</em>\n\n-- \nF & <u>\n");
  });
});
