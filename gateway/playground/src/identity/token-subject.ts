/**
 * The subject (`sub`) a bearer token names: who the agencies' audit trails record as the reader.
 * Read without verifying, only to show the person whom they act as; the gateway verifies it.
 */
export function subjectOfBearer(authorization: string | undefined): string | null {
  const payload = authorization?.replace(/^Bearer\s+/i, '').split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { sub } = JSON.parse(json) as { sub?: unknown };
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}
