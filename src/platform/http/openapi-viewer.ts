// Interactive API documentation at /api/docs: Swagger UI (vendored, see openapi-viewer/README.md) served from
// our own origin. The page's own script is a file too, so the CSP keeps script-src 'self' with no inline code.

export const SWAGGER_UI_VERSION = "5.35.0";

export const VIEWER_FILES = {
  "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js.gz", type: "text/javascript; charset=utf-8" },
  "swagger-ui.css": { file: "swagger-ui.css.gz", type: "text/css; charset=utf-8" },
} as const;

export type ViewerFile = keyof typeof VIEWER_FILES;

export const VIEWER_INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "none",
    defaultModelsExpandDepth: 0,
    persistAuthorization: false,
  });
});
`;

/**
 * Swagger UI sets style attributes and builds its own <style> elements, so styles need 'unsafe-inline' here;
 * scripts stay 'self' only, and nothing may frame the page or send a form off-site.
 */
export const VIEWER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export function viewerPage(available: boolean): string {
  const body = available
    ? `<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>`
    : `<main style="font-family: system-ui; max-width: 40rem; margin: 3rem auto">
<h1>Créneau API</h1>
<p>The interactive viewer is not bundled in this runtime. The OpenAPI document is at
<a href="/api/openapi.json">/api/openapi.json</a>: open it in any OpenAPI viewer.</p></main>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Créneau API</title>
${available ? '<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">' : ""}
</head>
<body>
${body}
</body>
</html>
`;
}
