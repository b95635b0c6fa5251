// A tiny cookie jar that fills forms like a browser: fetches the page, reads its CSRF token, posts.
import type { TestApp } from "./test-app.ts";

export class BrowserSession {
  readonly cookies = new Map<string, string>();
  private readonly target: TestApp;
  readonly acceptLanguage: string;

  constructor(target: TestApp, acceptLanguage = "fr-FR,fr;q=0.9") {
    this.target = target;
    this.acceptLanguage = acceptLanguage;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const [name = "", ...rest] = pair.split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.target.app.request(path, {
      headers: {
        cookie: this.cookieHeader(),
        "accept-language": this.acceptLanguage,
        accept: "text/html",
        ...headers,
      },
    });
    this.remember(response);
    return response;
  }

  /** The CSRF token of the page's first form. */
  async csrfFrom(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`No CSRF token on ${path}`);
    return token;
  }

  async post(
    path: string,
    fields: Record<string, string>,
    options: { csrfFrom?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const token = options.csrfFrom ? await this.csrfFrom(options.csrfFrom) : undefined;
    const body = new URLSearchParams({ ...(token ? { _csrf: token } : {}), ...fields });
    const response = await this.target.app.request(path, {
      method: "POST",
      body,
      headers: {
        cookie: this.cookieHeader(),
        "content-type": "application/x-www-form-urlencoded",
        "accept-language": this.acceptLanguage,
        accept: "text/html",
        ...options.headers,
      },
    });
    this.remember(response);
    return response;
  }
}

export const OWNER = {
  name: "Jean Dupont",
  email: "jean@example.com",
  handle: "jean",
  timeZone: "Europe/Paris",
  locale: "fr",
  password: "correct horse battery staple",
};

export async function setUpOwner(
  session: BrowserSession,
  overrides: Partial<typeof OWNER> = {},
): Promise<Response> {
  const owner = { ...OWNER, ...overrides };
  return session.post("/setup", { ...owner, passwordConfirm: owner.password }, { csrfFrom: "/setup" });
}
