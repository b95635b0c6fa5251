// How to greet someone from the single "name" field they typed.
const TITLES = new Set([
  "m.",
  "m",
  "mme",
  "mlle",
  "me",
  "dr",
  "dr.",
  "pr",
  "pr.",
  "mr",
  "mr.",
  "mrs",
  "mrs.",
  "ms",
  "ms.",
]);

/** "Jean" from "Jean Dupont"; the full name when it starts with a title ("M. Dupont"), which reads better whole. */
export function greetingName(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, " ");
  const [first = ""] = name.split(" ");
  if (!first || TITLES.has(first.toLowerCase())) return name;
  return first;
}
