import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding package.json, from both src/ (ts-jest) and dist/ (built). */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function projectVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(projectRoot(), 'package.json')) as { version: string }).version;
}
