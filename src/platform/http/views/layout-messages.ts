import { defineMessages } from "../../i18n.ts";

export const layoutMessages = defineMessages({
  fr: {
    skip: "Aller au contenu",
    navLabel: "Navigation principale",
    dashboard: "Tableau de bord",
    outbox: "E-mails envoyés",
    apiKeys: "Clés d'API",
    settings: "Réglages",
    logout: "Se déconnecter",
  },
  en: {
    skip: "Skip to content",
    navLabel: "Main navigation",
    dashboard: "Dashboard",
    outbox: "Sent emails",
    apiKeys: "API keys",
    settings: "Settings",
    logout: "Sign out",
  },
});
