import { JembatanError, type ErrorLocation } from '../errors/jembatan-error';

export function forbidden(coordinate: string, location?: ErrorLocation): JembatanError {
  return new JembatanError(
    'FORBIDDEN',
    `Your roles and declared purpose do not grant ${coordinate}`,
    { field: coordinate },
    location,
  );
}
