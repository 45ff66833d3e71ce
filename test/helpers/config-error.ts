import { parseConfig } from '../../src/config/load-config.js';

/** The message `parseConfig` throws for `data` read from `.backlogrc.yaml`, or null when it accepts it. */
export function configError(data: unknown): string | null {
  try {
    parseConfig(data, '.backlogrc.yaml');
  } catch (caught) {
    return (caught as Error).message;
  }
  return null;
}
