// What GET /api/me answers: the owner the API key belongs to (never the password hash).
import * as z from "zod";

export const meResponse = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  email: z.string(),
  timeZone: z.string(),
  locale: z.enum(["fr", "en"]),
});
