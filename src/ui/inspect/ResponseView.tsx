import { BoundedText } from './BoundedText.tsx';
import type { EventRecord } from '../../store';

/** The response, telling a real `null` from "no response" (Unset). */
export function ResponseView({ record }: { record: EventRecord }) {
  if (record.status !== 'completed') {
    return (
      <p>
        <span className="muted">No response (Unset): the event {describeEnd(record)}.</span>
      </p>
    );
  }
  const response = record.execution.response;
  return (
    <BoundedText
      label="Response"
      text={
        response === null
          ? 'null (a real null result, not Unset)'
          : JSON.stringify(response, null, 2)
      }
    />
  );
}

function describeEnd(record: EventRecord): string {
  switch (record.status) {
    case 'pending':
    case 'processing':
      return 'has not finished yet';
    default:
      return `ended ${record.status}`;
  }
}
