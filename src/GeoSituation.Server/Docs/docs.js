// Starts Scalar's API reference on the OpenAPI document of this server. Kept in a file (not inline) so the
// page's content security policy needs no 'unsafe-inline' script.
Scalar.createApiReference('#app', {
  url: '/openapi/v1.json',
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: 'never',
  metaData: { title: 'GeoSituation API reference' },
});
