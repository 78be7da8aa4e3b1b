import * as z from 'zod/mini';

/**
 * Zod as every schema of the app uses it: `zod/mini`, whose functional API lets the bundler
 * keep only the validators in use, with the English messages the full `zod` sets on its own
 * ("Invalid input: expected string, received number"). Without them `zod/mini` says only
 * "Invalid input", and `describeIssues` (./recordSchema) builds on the English text.
 *
 * ```ts
 * import { z } from './zod';
 * const delay = z.number().check(z.minimum(0, { error: 'delay must be 0 or more' }));
 * ```
 */
z.config(z.locales.en());

export { z };
