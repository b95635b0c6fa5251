// Talking to Créneau over HTTP only, the same way under Node (app.request) and inside workerd (SELF.fetch):
// sign up owners through /signup, keep their session cookies and CSRF token, call the API with their key.

export type AppFetch = (path: string, init?: RequestInit) => Promise<Response>;

export const SIGNUP_CODE = "workerd-signup-code";
export const PASSWORD = "a long enough password";

export interface OwnerClient {
  handle: string;
  email: string;
  key: string;
  cookie: string;
  csrf: string;
  /** JSON API call with the owner's key; the body, when given, is sent as JSON */
  api(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  /** GET with the owner's session */
  page(path: string): Promise<Response>;
  /** a dashboard form POST with the owner's session and CSRF token */
  form(path: string, fields?: Record<string, string>): Promise<Response>;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

function mergeCookies(...lists: (string | string[])[]): string {
  const jar = new Map<string, string>();
  for (const list of lists)
    for (const pair of typeof list === "string" ? list.split("; ") : list) {
      const at = pair.indexOf("=");
      if (at > 0) jar.set(pair.slice(0, at), pair);
    }
  return [...jar.values()].join("; ");
}

export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no CSRF token on the page");
  return token;
}

let counter = 0;
/** A handle no other test in this database uses. */
export function uniqueHandle(prefix: string): string {
  counter++;
  return `${prefix}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export async function signUp(
  fetch: AppFetch,
  handle: string,
  name = `Owner ${handle}`,
): Promise<OwnerClient> {
  const email = `${handle}@example.com`;
  const form = await fetch("/signup");
  if (form.status !== 200) throw new Error(`GET /signup: ${form.status}`);
  let cookie = mergeCookies(cookiesOf(form));
  const created = await fetch("/signup", {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: "http://creneau.test" },
    body: new URLSearchParams({
      _csrf: csrfOf(await form.text()),
      code: SIGNUP_CODE,
      name,
      email,
      handle,
      timeZone: "Europe/Paris",
      locale: "fr",
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    }),
  });
  if (created.status !== 303) throw new Error(`POST /signup: ${created.status} ${await created.text()}`);
  cookie = mergeCookies(cookie, cookiesOf(created));
  const keysPage = await fetch("/dashboard/api-keys", { headers: { cookie } });
  const csrf = csrfOf(await keysPage.text());
  const keyResponse = await fetch("/dashboard/api-keys", {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: "http://creneau.test" },
    body: new URLSearchParams({ _csrf: csrf, name: "tests", scopes: "read,write" }),
  });
  const key = /<code>(crn_[^<]+)<\/code>/.exec(await keyResponse.text())?.[1];
  if (!key) throw new Error(`no API key: ${keyResponse.status}`);
  return {
    handle,
    email,
    key,
    cookie,
    csrf,
    api: (path, init = {}) =>
      fetch(path, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers: {
          authorization: `Bearer ${key}`,
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    page: (path) => fetch(path, { headers: { cookie }, redirect: "manual" }),
    form: (path, fields = {}) =>
      fetch(path, {
        method: "POST",
        redirect: "manual",
        headers: {
          cookie,
          "content-type": "application/x-www-form-urlencoded",
          origin: "http://creneau.test",
        },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      }),
  };
}

/** The JSON body, after checking the status (the body is in the failure message). */
export async function expectJson<T = Record<string, unknown>>(
  response: Promise<Response> | Response,
  status: number,
): Promise<T> {
  const r = await response;
  const text = await r.text();
  if (r.status !== status) throw new Error(`expected HTTP ${status}, got ${r.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : {}) as T;
}
