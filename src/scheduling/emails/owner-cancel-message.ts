// The message the owner starts from when a call is not a fit: kind, short, and editable before it leaves.
import { defineMessages, type Locale } from "../../platform/i18n.ts";
import { greetingName } from "./names.ts";

export const ownerCancelMessageTexts = {
  fr: {
    notAFit:
      "Bonjour {name},\n\nMerci pour votre intérêt. Après lecture de vos réponses, je ne pense pas être la bonne personne pour cette mission, et je préfère ne pas vous faire perdre de temps.\n\nJe vous souhaite de trouver rapidement la bonne personne.\n\nBien cordialement,\n{owner}",
  },
  en: {
    notAFit:
      "Hello {name},\n\nThank you for your interest. Having read your answers, I don't think I am the right person for this mission, and I would rather not take up your time.\n\nI hope you quickly find the right person.\n\nKind regards,\n{owner}",
  },
};

const messages = defineMessages(ownerCancelMessageTexts);

export function defaultOwnerCancelMessage(locale: Locale, prospectName: string, ownerName: string): string {
  return messages(locale)("notAFit", { name: greetingName(prospectName), owner: ownerName.trim() });
}
