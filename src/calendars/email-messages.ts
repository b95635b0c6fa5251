import { defineMessages } from "../platform/i18n.ts";

export const calendarEmailMessages = defineMessages({
  fr: {
    brokenSubject: "Votre agenda « {name} » est déconnecté",
    brokenHeading: "Un agenda ne se synchronise plus",
    brokenIntro:
      "Créneau ne peut plus lire l'agenda « {name} » : {reason}. Vos liens de réservation restent ouverts ; les occupations de cet agenda sont celles de la dernière synchronisation réussie ({when}) et ne bougeront plus tant qu'il n'est pas reconnecté.",
    brokenNever: "jamais",
    brokenAction: "Reconnectez-le depuis la page Agendas : c'est l'affaire d'une minute.",
    brokenButton: "Reconnecter l'agenda",
    reminderSubject: "Dans {minutes} min : {title} avec {prospect}",
    reminderHeading: "Votre appel commence bientôt",
    reminderIntro: "{prospect} vous attend à {time} pour « {title} ».",
    reminderPending: "Ce rendez-vous attend encore votre confirmation.",
    joinButton: "Rejoindre l'appel",
    callButton: "Appeler {phone}",
    cancelButton: "Annuler ce rendez-vous",
    todayButton: "Voir les appels du jour",
    footer: "Rappel envoyé par Créneau, {minutes} minutes avant chaque appel (réglable dans Agendas).",
  },
  en: {
    brokenSubject: "Your calendar “{name}” is disconnected",
    brokenHeading: "A calendar stopped syncing",
    brokenIntro:
      "Créneau can no longer read the calendar “{name}”: {reason}. Your booking links stay open; this calendar's busy times are those of its last good sync ({when}) and will not change until it is reconnected.",
    brokenNever: "never",
    brokenAction: "Reconnect it from the Calendars page: it takes a minute.",
    brokenButton: "Reconnect the calendar",
    reminderSubject: "In {minutes} min: {title} with {prospect}",
    reminderHeading: "Your call starts soon",
    reminderIntro: "{prospect} expects you at {time} for “{title}”.",
    reminderPending: "You have not confirmed this booking yet.",
    joinButton: "Join the call",
    callButton: "Call {phone}",
    cancelButton: "Cancel this booking",
    todayButton: "See today's calls",
    footer: "Reminder sent by Créneau {minutes} minutes before each call (change it under Calendars).",
  },
});
