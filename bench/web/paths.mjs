// Where the two packages under test live, and the native library the Node
// binding loads: PIXABOTS_LIBRARY if set, else the Release build in build/.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = fileURLToPath(new URL('../../', import.meta.url));
export const webDir = join(repoDir, 'bindings', 'web');
export const nodeBindingDir = join(repoDir, 'bindings', 'node');
export const nativeLibrary = process.env.PIXABOTS_LIBRARY ?? join(repoDir, 'build', 'src', 'libpixabots.so.1');

// Set before the binding first loads the library (it reads the variable then).
process.env.PIXABOTS_LIBRARY = nativeLibrary;
