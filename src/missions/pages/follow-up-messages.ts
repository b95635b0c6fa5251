// Words of the two pages reached from follow-up emails: the owner's check-in approval, the client's opt-out.
import { defineMessages } from "../../platform/i18n.ts";

export const followUpMessages = defineMessages({
  fr: {
    checkInTitle: "Reprendre contact avec {client}",
    checkInIntro:
      "La mission «\u00a0{mission}\u00a0» est terminée. Relisez ce message, modifiez-le si vous voulez\u00a0: il partira à {to} en votre nom.",
    message: "Message",
    messageHint: "En texte simple\u00a0; une ligne vide sépare les paragraphes.",
    messageRequired: "Écrivez le message à envoyer.",
    send: "Envoyer à {client}",
    sent: "Votre message à {client} est parti (ou part dans la minute).",
    sentText: "Le message envoyé",
    optedOut: "{client} a demandé à ne plus recevoir ce type de message\u00a0: rien ne sera envoyé.",
    notEnded: "La mission n'est plus terminée\u00a0: ce message n'a plus lieu d'être.",
    linkExpiredTitle: "Lien expiré",
    linkInvalidTitle: "Lien invalide",
    linkText:
      "Ce lien n'est plus valable. Vous pouvez toujours écrire à votre client depuis votre messagerie.",
    optOutTitle: "Ne plus recevoir de relances",
    optOutIntro:
      "Vous recevez des rappels et des demandes d'avis envoyés par Créneau pour {owner}. Les factures et les comptes rendus d'activité continueront de vous parvenir.",
    optOutButton: "Ne plus recevoir ces messages",
    optedOutDone: "C'est noté\u00a0: {owner} ne vous enverra plus ce type de message par Créneau.",
    optOutInvalid: "Ce lien n'est pas valable. Répondez simplement à l'e-mail reçu pour vous désinscrire.",
  },
  en: {
    checkInTitle: "Get back in touch with {client}",
    checkInIntro:
      "The “{mission}” mission has ended. Read this message and change it if you like: it will go to {to} on your behalf.",
    message: "Message",
    messageHint: "Plain text; an empty line separates paragraphs.",
    messageRequired: "Write the message to send.",
    send: "Send to {client}",
    sent: "Your message to {client} has left (or leaves within a minute).",
    sentText: "The message sent",
    optedOut: "{client} asked not to receive this kind of message: nothing will be sent.",
    notEnded: "The mission is no longer ended: this message no longer makes sense.",
    linkExpiredTitle: "Link expired",
    linkInvalidTitle: "Invalid link",
    linkText: "This link is no longer valid. You can still write to your client from your mailbox.",
    optOutTitle: "Stop receiving follow-ups",
    optOutIntro:
      "You receive reminders and feedback requests sent by Créneau on behalf of {owner}. Invoices and activity reports will still reach you.",
    optOutButton: "Stop these messages",
    optedOutDone: "Done: {owner} will no longer send you this kind of message through Créneau.",
    optOutInvalid: "This link is not valid. Simply reply to the email you received to unsubscribe.",
  },
});
