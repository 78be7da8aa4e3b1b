import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { remoteSourcesStore, THIS_PAGE, useRecordsSelector, type RecordsCache } from '../../store';

/** The sources the list can be filtered by: this page, each remote name, each imported file. */
export function useSourceOptions(): { key: string; name: string }[] {
  const remoteNames = useStore(
    remoteSourcesStore,
    useShallow((state) => [...new Set(Object.values(state.sources).map((source) => source.name))]),
  );
  const importedFiles = useRecordsSelector(importedFilesOf);
  return [
    { key: THIS_PAGE, name: 'This page' },
    ...remoteNames.map((name) => ({ key: `remote:${name}`, name })),
    ...importedFiles.map((file) => ({ key: `imported:${file}`, name: `Imported: ${file}` })),
  ];
}

/** The imported files in the history, sorted; the same array until one appears or goes. */
function importedFilesOf(records: RecordsCache): readonly string[] {
  const sources = records.indexes().sources();
  const cached = filesCache.get(records);
  if (cached?.sources === sources) return cached.files;
  const files: string[] = [];
  for (const key of sources.keys()) {
    if (key.startsWith(IMPORTED)) files.push(key.slice(IMPORTED.length));
  }
  files.sort();
  filesCache.set(records, { sources, files });
  return files;
}

const IMPORTED = 'imported:';
const filesCache = new WeakMap<
  RecordsCache,
  { sources: ReadonlyMap<string, unknown>; files: readonly string[] }
>();
