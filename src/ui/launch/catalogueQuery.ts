import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';

const catalogueSchema = z.object({
  version: z.literal(1),
  kinds: z.record(
    z.string(),
    z.object({ description: z.string(), expectedStatus: z.string().optional() }),
  ),
});

/** Descriptions of the demo kinds for people, from `public/catalogue.json`. */
export type CatalogueDescriptions = z.infer<typeof catalogueSchema>['kinds'];

async function fetchCatalogue(): Promise<CatalogueDescriptions> {
  const response = await fetch(`${import.meta.env.BASE_URL}catalogue.json`);
  if (!response.ok) {
    throw new Error(`catalogue.json could not be loaded (HTTP ${String(response.status)})`);
  }
  const parsed = catalogueSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error('catalogue.json is not in the expected shape');
  return parsed.data.kinds;
}

/** The catalogue descriptions: static, so fetched once per page. */
export const catalogueQuery = queryOptions({
  queryKey: ['catalogue'],
  queryFn: fetchCatalogue,
  staleTime: Infinity,
});
