import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { remoteSourcesStore, THIS_PAGE, useEventStoreShallow } from '../../store';

/** The sources the list can be filtered by: this page, each remote name, each imported file. */
export function useSourceOptions(): { key: string; name: string }[] {
  const remoteNames = useStore(
    remoteSourcesStore,
    useShallow((state) => [...new Set(Object.values(state.sources).map((source) => source.name))]),
  );
  const importedFiles = useEventStoreShallow((state) => {
    const files = new Set<string>();
    for (const id in state.records) {
      const record = state.records[id];
      if (record?.source === 'imported') files.add(record.importedFrom?.fileName ?? 'log');
    }
    return [...files].sort();
  });
  return [
    { key: THIS_PAGE, name: 'This page' },
    ...remoteNames.map((name) => ({ key: `remote:${name}`, name })),
    ...importedFiles.map((file) => ({ key: `imported:${file}`, name: `Imported: ${file}` })),
  ];
}
