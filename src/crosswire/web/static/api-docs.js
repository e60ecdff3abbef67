// Starts Swagger UI on /api/docs (a file, not an inline script: the server's CSP allows
// scripts from this server only). Requests from "Try it out" carry the session cookie.
"use strict";
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
