import { formatValue } from './formatValue';
import type { PrintedValue } from './scenarios';

interface Props {
  printed: readonly PrintedValue[];
  /** An expression whose value waits for the reader's prediction. */
  hidden?: string | null;
}

/** What a run printed: one row per expression, values as text. */
export function PrintedValues({ printed, hidden = null }: Props) {
  return (
    <table className="tour-output">
      <caption>Output</caption>
      <thead>
        <tr>
          <th scope="col">Expression</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {printed.map(({ expression, value }) => (
          <tr key={expression}>
            <th scope="row">
              <code>{expression}</code>
            </th>
            <td>
              {expression === hidden ? (
                <span className="tour-hidden-value">? Predict it above first</span>
              ) : (
                <code className="tour-value">{formatValue(value)}</code>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
