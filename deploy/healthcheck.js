/* global process, fetch, AbortSignal -- a plain Node script, copied into the image beside no package */
// The image's HEALTHCHECK: GET /health on the service's own port with node's fetch (slim images
// have no curl). The port variable is the service's own (GATEWAY_PORT, WORKFORCE_PORT, BPJS_PORT),
// read as the service reads it, so a changed port is still the one checked.
const [portVariable, defaultPort] = process.argv.slice(2);
const port = process.env[portVariable] || defaultPort;
fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
