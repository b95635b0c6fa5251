// Reading the technologies a prospect lists, however they spell them ("NodeJS", "node.js",
// "Node"), and comparing them with the owner's required and excluded skills.

// Each group: the name shown to people first, then other spellings. Spellings that differ only
// by case, spaces, dots, hyphens or accents need no entry: skillKey already folds them together.
const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ["JavaScript", "js", "ecmascript", "es6", "vanilla js"],
  ["TypeScript", "ts"],
  ["Node.js", "node"],
  ["React", "reactjs"],
  ["React Native", "rn"],
  ["Vue.js", "vue", "vue3", "vue 2"],
  ["Angular", "angular2"],
  ["AngularJS"],
  ["Next.js", "next"],
  ["Nuxt", "nuxtjs"],
  ["NestJS", "nest"],
  ["Express", "expressjs"],
  ["PostgreSQL", "postgres", "pgsql", "psql"],
  ["MySQL"],
  ["MongoDB", "mongo"],
  ["Elasticsearch", "elastic"],
  ["Kubernetes", "k8s", "kube"],
  ["Go", "golang"],
  ["C#", "csharp", "c sharp"],
  [".NET", "dotnet", "dotnet core", ".net core"],
  ["ASP.NET", "asp.net core"],
  ["C++", "cpp"],
  ["Python", "py", "python3"],
  ["Ruby on Rails", "rails", "ror"],
  ["Spring Boot", "spring", "springboot"],
  ["Objective-C", "objc"],
  ["AWS", "amazon web services"],
  ["Google Cloud", "gcp", "google cloud platform"],
  ["Azure", "microsoft azure"],
  ["GraphQL", "gql"],
  ["Tailwind CSS", "tailwind"],
  ["Sass", "scss"],
  ["HTML", "html5"],
  ["CSS", "css3"],
  ["Kafka", "apache kafka"],
  ["WordPress", "wp"],
  ["jQuery"],
  // No aliases: listed so messages show the usual spelling even when the owner typed "php".
  ...[
    "PHP",
    "Symfony",
    "Laravel",
    "Drupal",
    "Magento",
    "Java",
    "Kotlin",
    "Scala",
    "Swift",
    "Ruby",
    "Rust",
    "Elixir",
    "Django",
    "Flask",
    "FastAPI",
    "Svelte",
    "SvelteKit",
    "Flutter",
    "Dart",
    "Docker",
    "Terraform",
    "Redis",
    "MariaDB",
    "Firebase",
    "Supabase",
    "SAP",
    "Salesforce",
    "COBOL",
    "Shopify",
  ].map((name) => [name]),
];

/** Folds a spelling to a comparison key: "Node.JS " → "nodejs", "C#" → "c#", "Éxpress" → "express". */
export function skillKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s._'’-]+/g, "")
    .replace(/^[^\p{L}\p{N}#+]+|[^\p{L}\p{N}#+]+$/gu, "");
}

const CANONICAL_BY_KEY = new Map<string, string>();
const DISPLAY_NAME = new Map<string, string>();
for (const [displayName, ...aliases] of ALIAS_GROUPS) {
  if (!displayName) continue;
  const canonical = skillKey(displayName);
  DISPLAY_NAME.set(canonical, displayName);
  for (const spelling of [displayName, ...aliases]) CANONICAL_BY_KEY.set(skillKey(spelling), canonical);
}

/** The identity used for comparisons: known aliases share one, an unknown skill is its own key. */
export function canonicalSkill(name: string): string {
  const key = skillKey(name);
  return CANONICAL_BY_KEY.get(key) ?? key;
}

export function isKnownSkill(name: string): boolean {
  return CANONICAL_BY_KEY.has(skillKey(name));
}

/** "nodejs" → "Node.js"; an unknown skill is returned as given. */
export function skillDisplayName(name: string): string {
  return DISPLAY_NAME.get(canonicalSkill(name)) ?? name.trim();
}

// Commas, semicolons, slashes, pipes, newlines, and the words "et"/"and" or a spaced "&"/"+"
// (an unspaced "+" belongs to "C++").
const LIST_SEPARATOR = /[,;/|\n\r]+|\s+(?:et|and|&|\+)\s+/i;

/**
 * Every skill a prospect mentions, as canonical identities. A list item that is not a known skill
 * ("React avec TypeScript", "Backend Java 17") is also read word by word, so a stack written as
 * a sentence still counts. A known multi-word item ("React Native") is kept whole, so it does
 * not also count as "React".
 */
export function extractSkills(answer: string | readonly string[]): Set<string> {
  const items = (typeof answer === "string" ? [answer] : answer).flatMap((text) =>
    text.split(LIST_SEPARATOR),
  );
  const skills = new Set<string>();
  for (const item of items) {
    const key = skillKey(item);
    if (key === "") continue;
    skills.add(canonicalSkill(item));
    if (isKnownSkill(item)) continue;
    for (const word of item.split(/[\s()[\]:!?]+/)) {
      if (skillKey(word) !== "") skills.add(canonicalSkill(word));
    }
  }
  return skills;
}
