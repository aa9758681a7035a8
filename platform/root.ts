import { join } from 'node:path';

/**
 * The checkout's (or the image's) root directory. Source runs from it through tsx; the compiled server
 * runs from dist/server inside it (`npm run build`), two levels further down.
 */
export const ROOT = join(__dirname, '..', ...(__filename.endsWith('.js') ? ['..', '..'] : []));
