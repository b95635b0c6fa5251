// What the owner reads: the facts first, then what to do about them.
import { defineMessages } from "../../platform/i18n.ts";

export const ownerTexts = {
  fr: {
    newConfirmedSubject: "Nouveau rendez-vous\u00a0: {prospect}, {when}",
    newPendingSubject: "À confirmer\u00a0: {prospect}, {when}",
    subjectWithVerdict: "{subject} ({verdict})",
    newConfirmedHeading: "Nouveau rendez-vous",
    newPendingHeading: "Nouvelle demande à confirmer",
    newConfirmedIntro: "{prospect} a réservé «\u00a0{title}\u00a0».",
    newPendingIntro:
      "{prospect} demande un rendez-vous «\u00a0{title}\u00a0», qui attend votre confirmation.",
    verdictNotice: "Tri\u00a0: {verdict}",
    answersTitle: "Ses réponses",
    notesTitle: "Le message de {prospect}\u00a0:",
    approveButton: "Confirmer le rendez-vous",
    cancelKindlyButton: "Annuler avec un message bienveillant",
    openLeadButton: "Ouvrir la fiche du lead",
    cancelledSubject: "Rendez-vous annulé par {prospect}\u00a0: {when}",
    cancelledHeading: "Rendez-vous annulé",
    cancelledIntro:
      "{prospect} a annulé le rendez-vous «\u00a0{title}\u00a0». Le créneau est de nouveau libre.",
    reasonTitle: "Le motif indiqué\u00a0:",
    noReason: "Aucun motif n’a été indiqué.",
    rescheduledSubject: "Rendez-vous déplacé\u00a0: {prospect}, {when}",
    rescheduledHeading: "Rendez-vous déplacé",
    rescheduledIntro: "Le rendez-vous «\u00a0{title}\u00a0» avec {prospect} a changé d’horaire.",
    rescheduledPending: "Le nouvel horaire attend votre confirmation.",
  },
  en: {
    newConfirmedSubject: "New booking: {prospect}, {when}",
    newPendingSubject: "To approve: {prospect}, {when}",
    subjectWithVerdict: "{subject} ({verdict})",
    newConfirmedHeading: "New booking",
    newPendingHeading: "New request to approve",
    newConfirmedIntro: "{prospect} has booked “{title}”.",
    newPendingIntro: "{prospect} is asking for “{title}”, which awaits your approval.",
    verdictNotice: "Triage: {verdict}",
    answersTitle: "Their answers",
    notesTitle: "A message from {prospect}:",
    approveButton: "Approve",
    cancelKindlyButton: "Cancel with a kind message",
    openLeadButton: "Open the lead",
    cancelledSubject: "Cancelled by {prospect}: {when}",
    cancelledHeading: "Meeting cancelled",
    cancelledIntro: "{prospect} has cancelled “{title}”. The slot is free again.",
    reasonTitle: "The reason they gave:",
    noReason: "No reason was given.",
    rescheduledSubject: "Rescheduled: {prospect}, {when}",
    rescheduledHeading: "Meeting rescheduled",
    rescheduledIntro: "The meeting “{title}” with {prospect} has moved.",
    rescheduledPending: "The new time awaits your approval.",
  },
};

export const ownerMessages = defineMessages(ownerTexts);
