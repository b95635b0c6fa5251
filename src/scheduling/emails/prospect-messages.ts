// What the prospect reads: warm, short, and always a way to act (manage, rebook).
import { defineMessages } from "../../platform/i18n.ts";

export const prospectTexts = {
  fr: {
    confirmedSubject: "Votre rendez-vous avec {owner} est confirmé",
    confirmedHeading: "Votre rendez-vous est confirmé",
    confirmedIntro: "Votre rendez-vous avec {owner} est confirmé. En voici le récapitulatif\u00a0:",
    pendingSubject: "Demande de rendez-vous reçue — en attente de confirmation",
    pendingHeading: "Votre demande est bien reçue",
    pendingIntro:
      "Merci pour votre demande de rendez-vous. {owner} va l’examiner et vous recevrez un e-mail dès qu’elle sera confirmée.",
    pendingNotice: "En attente de confirmation par {owner}",
    icsConfirmed:
      "L’invitation (.ics) est jointe à cet e-mail\u00a0: ouvrez-la pour ajouter le rendez-vous à votre agenda.",
    inviteOnApproval:
      "L’invitation pour votre agenda (.ics) vous parviendra avec la confirmation\u00a0: d’ici là, l’horaire vous est réservé.",
    icsUpdated:
      "L’invitation mise à jour (.ics) est jointe\u00a0: ouvrez-la pour mettre à jour votre agenda.",
    icsCancelled:
      "L’annulation (.ics) est jointe\u00a0: ouvrez-la pour retirer le rendez-vous de votre agenda.",
    icsDeclined:
      "L’annulation (.ics) jointe retire de votre agenda l’invitation reçue plus tôt pour cet horaire.",
    approvedSubject: "{owner} a confirmé votre rendez-vous",
    approvedHeading: "Votre rendez-vous est confirmé",
    approvedIntro:
      "Bonne nouvelle\u00a0: {owner} a confirmé votre demande de rendez-vous. En voici le récapitulatif\u00a0:",
    manageHint: "Un empêchement\u00a0? Vous pouvez déplacer ou annuler le rendez-vous depuis ce lien\u00a0:",
    manageButton: "Gérer mon rendez-vous",
    cancelledByOwnerSubject: "Rendez-vous annulé\u00a0: {title} avec {owner}",
    cancelledByOwnerHeading: "Votre rendez-vous est annulé",
    cancelledByOwnerIntro: "{owner} a annulé le rendez-vous ci-dessous. Merci de votre compréhension.",
    ownerMessageTitle: "Le message de {owner}\u00a0:",
    rebookHint: "Si vous le souhaitez, vous pouvez choisir un autre créneau\u00a0:",
    rebookButton: "Choisir un autre créneau",
    cancelledByProspectSubject: "Annulation confirmée\u00a0: {title} avec {owner}",
    cancelledByProspectHeading: "Votre annulation est confirmée",
    cancelledByProspectIntro:
      "Votre rendez-vous avec {owner} est bien annulé, et nous avons prévenu {owner}.",
    rebookLaterHint: "Si vous souhaitez reprendre rendez-vous plus tard, c’est par ici\u00a0:",
    rebookLaterButton: "Reprendre rendez-vous",
    rescheduledSubject: "Rendez-vous déplacé\u00a0: {title} avec {owner}",
    rescheduledHeading: "Votre rendez-vous a été déplacé",
    rescheduledIntro:
      "Votre rendez-vous avec {owner} a changé d’horaire. En voici les nouveaux détails\u00a0:",
    declinedSubject: "Votre demande de rendez-vous avec {owner}",
    declinedHeading: "Au sujet de votre demande de rendez-vous",
    declinedIntro:
      "Merci pour votre demande de rendez-vous «\u00a0{title}\u00a0». {owner} ne pourra malheureusement pas y donner suite.",
    declinedClosing: "Merci encore pour votre intérêt, et bonne continuation dans votre projet.",
  },
  en: {
    confirmedSubject: "Your meeting with {owner} is confirmed",
    confirmedHeading: "Your meeting is confirmed",
    confirmedIntro: "Your meeting with {owner} is confirmed. Here are the details:",
    pendingSubject: "Meeting request received — awaiting confirmation",
    pendingHeading: "We have received your request",
    pendingIntro:
      "Thank you for your meeting request. {owner} will look at it, and you will get an email as soon as it is confirmed.",
    pendingNotice: "Awaiting confirmation by {owner}",
    icsConfirmed:
      "The invitation (.ics) is attached to this email: open it to add the meeting to your calendar.",
    inviteOnApproval:
      "The calendar invitation (.ics) will come with the confirmation: until then, the time is held for you.",
    icsUpdated: "The updated invitation (.ics) is attached: open it to update your calendar.",
    icsCancelled: "The cancellation (.ics) is attached: open it to remove the meeting from your calendar.",
    icsDeclined:
      "The attached cancellation (.ics) removes the invitation you received earlier for this time from your calendar.",
    approvedSubject: "{owner} has confirmed your meeting",
    approvedHeading: "Your meeting is confirmed",
    approvedIntro: "Good news: {owner} has confirmed your meeting request. Here are the details:",
    manageHint: "Can't make it? You can reschedule or cancel the meeting from this link:",
    manageButton: "Manage my meeting",
    cancelledByOwnerSubject: "Meeting cancelled: {title} with {owner}",
    cancelledByOwnerHeading: "Your meeting has been cancelled",
    cancelledByOwnerIntro: "{owner} has cancelled the meeting below. Thank you for your understanding.",
    ownerMessageTitle: "A message from {owner}:",
    rebookHint: "If you wish, you can pick another time:",
    rebookButton: "Pick another time",
    cancelledByProspectSubject: "Cancellation confirmed: {title} with {owner}",
    cancelledByProspectHeading: "Your cancellation is confirmed",
    cancelledByProspectIntro: "Your meeting with {owner} is cancelled, and we have let {owner} know.",
    rebookLaterHint: "If you would like to book again later, this is the way:",
    rebookLaterButton: "Book again",
    rescheduledSubject: "Meeting rescheduled: {title} with {owner}",
    rescheduledHeading: "Your meeting has been rescheduled",
    rescheduledIntro: "Your meeting with {owner} has moved. Here are the new details:",
    declinedSubject: "Your meeting request with {owner}",
    declinedHeading: "About your meeting request",
    declinedIntro:
      "Thank you for your request for “{title}”. Unfortunately, {owner} will not be able to take it further.",
    declinedClosing: "Thank you again for your interest, and all the best with your project.",
  },
};

export const prospectMessages = defineMessages(prospectTexts);
