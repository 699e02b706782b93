// Removes the relay's temporary data folder, when the config made it.
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.PARLEY_E2E_DATA_DIR;
  if (dir && process.env.PARLEY_E2E_DATA_DIR_OWNED === '1') rmSync(dir, { recursive: true, force: true });
}
