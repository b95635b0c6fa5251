import { defineMessages } from "../../i18n.ts";

export const errorMessages = defineMessages({
  fr: {
    title_400: "Requête invalide",
    title_403: "Accès refusé",
    title_404: "Page introuvable",
    title_409: "Conflit",
    title_413: "Envoi trop volumineux",
    title_422: "Données invalides",
    title_429: "Trop de tentatives",
    title_500: "Une erreur est survenue",
    internal: "Quelque chose s'est mal passé de notre côté. Réessayez dans un instant.",
    requestId: "Identifiant de la requête :",
    home: "Retour à l'accueil",
  },
  en: {
    title_400: "Bad request",
    title_403: "Access denied",
    title_404: "Page not found",
    title_409: "Conflict",
    title_413: "Upload too large",
    title_422: "Invalid input",
    title_429: "Too many attempts",
    title_500: "Something went wrong",
    internal: "Something went wrong on our side. Please try again in a moment.",
    requestId: "Request id:",
    home: "Back to the home page",
  },
});
