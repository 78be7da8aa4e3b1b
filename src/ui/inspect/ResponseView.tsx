import { BoundedText } from './BoundedText.tsx';
import type { EventRecord } from '../../store';
import { usePrettyJson } from './usePrettyJson.ts';

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
  if (response === null) {
    return <BoundedText label="Response" text="null (a real null result, not Unset)" />;
  }
  return <ResponseJson response={response} />;
}

/** A response of any size: its JSON is written in slices (see `usePrettyJson`). */
function ResponseJson({ response }: { response: unknown }) {
  const pretty = usePrettyJson(response);
  return <BoundedText label="Response" text={pretty.text} preparing={!pretty.complete} />;
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
