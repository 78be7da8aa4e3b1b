import { queryOptions } from '@tanstack/react-query';

/** What `public/catalogue.json` says about one demo kind, for people. */
export interface KindDescription {
  description: string;
  /** How it ends with its default parameters, in words (`completed`, `completed or failed`). */
  expectedStatus?: string;
}

/** Descriptions of the demo kinds by kind name. */
export type CatalogueDescriptions = Record<string, KindDescription>;

async function fetchCatalogue(): Promise<CatalogueDescriptions> {
  const response = await fetch(`${import.meta.env.BASE_URL}catalogue.json`);
  if (!response.ok) {
    throw new Error(`catalogue.json could not be loaded (HTTP ${String(response.status)})`);
  }
  return readCatalogue(await response.json());
}

/**
 * Checks the file's shape by hand: it is ours and tiny, and a schema library here would be
 * the only reason to ship one in the first download.
 */
export function readCatalogue(data: unknown): CatalogueDescriptions {
  const kinds = isObject(data) && data.version === 1 ? data.kinds : undefined;
  if (!isObject(kinds)) throw new Error('catalogue.json is not in the expected shape');
  const result: CatalogueDescriptions = {};
  for (const [kind, entry] of Object.entries(kinds)) {
    if (!isObject(entry) || typeof entry.description !== 'string') {
      throw new Error(`catalogue.json: "${kind}" has no description`);
    }
    result[kind] = {
      description: entry.description,
      ...(typeof entry.expectedStatus === 'string' ? { expectedStatus: entry.expectedStatus } : {}),
    };
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The catalogue descriptions: static, so fetched once per page. */
export const catalogueQuery = queryOptions({
  queryKey: ['catalogue'],
  queryFn: fetchCatalogue,
  staleTime: Infinity,
});
