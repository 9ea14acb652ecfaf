import { JembatanError } from '../errors/jembatan-error';

export function forbidden(coordinate: string): JembatanError {
  return new JembatanError('FORBIDDEN', `Your roles and declared purpose do not grant ${coordinate}`, {
    field: coordinate,
  });
}
