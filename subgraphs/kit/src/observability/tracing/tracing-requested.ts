/**
 * Whether the standard OpenTelemetry variables ask for traces to be exported. Off unless they do:
 * `OTEL_TRACES_EXPORTER` names an exporter other than `none`, or an OTLP endpoint is set (the
 * exporter then defaults to `otlp`, as the specification says). `OTEL_SDK_DISABLED=true` wins.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.length > 0) return !exporters.includes('none');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}
