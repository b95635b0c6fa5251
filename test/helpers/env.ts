/** The parent's environment without what Vitest adds (it sets BASE_URL="/", which is also our variable). */
export function cleanEnv(): Record<string, string> {
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...rest } = process.env;
  return rest as Record<string, string>;
}
