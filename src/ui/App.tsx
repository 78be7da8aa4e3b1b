/** Placeholder shell of the dashboard; the real views replace it. */
export function App() {
  return (
    <main>
      <h1>Lifecycle Lab</h1>
    </main>
  );
}
