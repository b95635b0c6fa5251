import { defineMessages } from "../../i18n.ts";

export const layoutMessages = defineMessages({
  fr: {
    skip: "Aller au contenu",
    navLabel: "Navigation principale",
    dashboard: "Tableau de bord",
    eventTypes: "Liens de réservation",
    bookings: "Rendez-vous",
    leads: "Prospects",
    missions: "Missions",
    invoices: "Factures",
    insights: "Statistiques",
    outbox: "E-mails envoyés",
    apiKeys: "Clés d'API",
    settings: "Réglages",
    logout: "Se déconnecter",
  },
  en: {
    skip: "Skip to content",
    navLabel: "Main navigation",
    dashboard: "Dashboard",
    eventTypes: "Booking links",
    bookings: "Bookings",
    leads: "Leads",
    missions: "Missions",
    invoices: "Invoices",
    insights: "Insights",
    outbox: "Sent emails",
    apiKeys: "API keys",
    settings: "Settings",
    logout: "Sign out",
  },
});
