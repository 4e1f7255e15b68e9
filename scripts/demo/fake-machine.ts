/**
 * A machine for the browser-discovery tests: a set of files (paths in the platform's own
 * spelling), directory listings derived from them, and an environment. Not shipped.
 */
import { posix, win32 } from 'node:path';
import type { DiscoveryInput } from './browsers';

export type FakeMachine = DiscoveryInput & { files: Set<string> };

export function fakeMachine(options: {
  platform: NodeJS.Platform;
  arch?: string;
  env?: Record<string, string | undefined>;
  homeDir?: string;
  files?: readonly string[];
}): FakeMachine {
  const path = options.platform === 'win32' ? win32 : posix;
  const files = new Set(options.files ?? []);
  return {
    platform: options.platform,
    arch: options.arch ?? 'x64',
    env: options.env ?? {},
    homeDir: options.homeDir ?? (options.platform === 'win32' ? 'C:\\Users\\ana' : options.platform === 'darwin' ? '/Users/ana' : '/home/ana'),
    files,
    exists: (file) => files.has(file),
    list: (dir) => {
      const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
      const names = new Set<string>();
      for (const file of files) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split(path.sep)[0] as string);
      return [...names];
    },
  };
}
