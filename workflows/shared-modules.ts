/**
 * Loaded once per worker and shared by every workflow it runs (the bundle's `preloadModules`):
 * evaluated for each workflow instead, zod cost every cached workflow half a megabyte.
 *
 * The SDK deep-freezes what it preloads, and zod fills its global configuration (the default
 * locale, the memoizer of its containers) when it makes its first schema: made here, before the
 * freeze. Only modules that keep no state of a workflow's belong here.
 */
import { z } from 'zod';

z.object({ warmUp: z.string() }).parse({ warmUp: 'zod configured before it is frozen' });
