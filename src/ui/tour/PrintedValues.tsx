import { formatValue } from './formatValue';
import type { PrintedValue } from './scenarios';

/** What a run printed: one row per expression, values as text. */
export function PrintedValues({ printed }: { printed: readonly PrintedValue[] }) {
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
              <code className="tour-value">{formatValue(value)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
