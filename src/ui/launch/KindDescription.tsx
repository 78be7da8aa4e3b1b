import { useQuery } from '@tanstack/react-query';
import { catalogueQuery } from './catalogueQuery.ts';

/** What the chosen kind does and how it usually ends, from `public/catalogue.json`. */
export default function KindDescription({ kind }: { kind: string }) {
  const { data, error, isPending } = useQuery(catalogueQuery);
  if (isPending) return <p className="muted">Loading the description…</p>;
  if (error) return <p className="muted">No description: {error.message}.</p>;
  const entry = data[kind];
  if (!entry) return <p className="muted">No description for this kind yet.</p>;
  return (
    <div className="kind-description">
      <p>{entry.description}</p>
      {entry.expectedStatus ? (
        <p className="muted">With the default parameters it ends: {entry.expectedStatus}.</p>
      ) : null}
    </div>
  );
}
