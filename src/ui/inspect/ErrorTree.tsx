import {
  useCallback,
  startTransition,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { ErrorDict } from '../../lib';
import {
  CHILDREN_PAGE,
  childrenOf,
  createTypeCounter,
  type ErrorTreeNode,
} from './errorTreeModel.ts';
import { shownOf, treeRows, type NodeRow, type ShownCounts } from './errorTreeRows.ts';
import { clipText } from './textLines.ts';
import { treeSearchJob } from './treeSearch.ts';
import { useSlicedWork } from './useSlicedWork.ts';
import { ruleNote } from './verdictWords.ts';
import './errorTree.css';

/** Characters of a message shown in a tree node; the JSON view below has the whole text. */
const MESSAGE_CLIP = 300;

/**
 * Levels indented: deeper ones line up under the last indented level, so that a group 100
 * levels deep does not squeeze its messages into a column one letter wide (whose layout alone
 * took longer than a frame).
 */
const INDENTED_LEVELS = 12;

/**
 * Children drawn per node in the tree's first render. The rest of the first page follows in a
 * background render: opening an error group 150,000 wide then costs two short tasks, not one
 * that lays out and paints 200 rows at once.
 */
const FIRST_DRAWN = 40;

interface Props {
  root: ErrorTreeNode;
}

/**
 * An ARIA tree of an error, its aggregated errors and its causes. Keyboard: arrows move,
 * Left/Right collapse and expand, Home/End jump; one node is in the tab order at a time.
 * Whatever the size of the error, what is drawn stays bounded: 200 children per node at a
 * time ("Show more" adds the next 200), messages clipped, counts by type for wide groups,
 * and a search over the whole tree, walked in slices, that lists its first 200 matches. Nodes
 * are built only when drawn.
 */
export function ErrorTree({ root }: Props) {
  const [query, setQuery] = useState('');
  // Swapping the tree for the results (or back) renders hundreds of nodes: as a transition,
  // React renders them in slices and typing stays responsive.
  const shownQuery = useDeferredValue(query);
  return (
    <div className="error-tree-view">
      <GroupSummary node={root} />
      <label className="error-tree-search">
        Search the error tree{' '}
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
      </label>
      {shownQuery.trim() === '' ? (
        <Tree root={root} />
      ) : (
        <SearchResults root={root} query={shownQuery} />
      )}
    </div>
  );
}

/** Errors counted per step of `GroupSummary`: about a millisecond in a cold page. */
const COUNTED_PER_STEP = 5_000;

/** "150,000 errors — showing the first 200, grouped by type: …" for a wide group. */
function GroupSummary({ node }: { node: ErrorTreeNode }) {
  const inside = node.source.exceptions;
  if (inside === undefined || inside.length <= CHILDREN_PAGE) return null;
  return <WideGroupSummary errors={inside} />;
}

function WideGroupSummary({ errors }: { errors: readonly ErrorDict[] }) {
  // Counted from the serialized errors, no node built, in slices: the event opens at once.
  const startCounting = useCallback(() => {
    const counter = createTypeCounter(errors);
    return { step: () => counter.step(COUNTED_PER_STEP), result: counter.result };
  }, [errors]);
  const { result: types } = useSlicedWork(startCounting);
  const shown = `${errors.length.toLocaleString('en')} errors — showing the first ${String(CHILDREN_PAGE)}`;
  if (types === undefined) {
    return <p className="error-group-summary">{`${shown}; counting them by type…`}</p>;
  }
  const listed = types
    .slice(0, 5)
    .map(({ name, count }) => `${name} × ${count.toLocaleString('en')}`)
    .join(', ');
  const more = types.length > 5 ? `, and ${String(types.length - 5)} more types` : '';
  return <p className="error-group-summary">{`${shown}, grouped by type: ${listed}${more}`}</p>;
}

function SearchResults({ root, query }: { root: ErrorTreeNode; query: string }) {
  const needle = query.trim();
  const startSearch = useCallback(() => treeSearchJob(root, needle, CHILDREN_PAGE), [root, needle]);
  const { result } = useSlicedWork(startSearch);
  if (result === undefined) {
    return (
      <p role="status" aria-busy="true">
        Searching…
      </p>
    );
  }
  const { matches, total } = result;
  const counted = `${total.toLocaleString('en')} ${total === 1 ? 'error matches' : 'errors match'}`;
  return (
    <div>
      <p role="status">
        {total === 0
          ? 'No error matches.'
          : `${counted}${total > matches.length ? ` — showing the first ${String(matches.length)}` : ''}`}
      </p>
      <ul aria-label="Matching errors" className="error-search-results">
        {matches.map((node) => (
          <li key={node.key}>
            <NodeLabel node={node} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Tree({ root }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [shown, setShown] = useState<ShownCounts>(() => new Map());
  const [focusedKey, setFocusedKey] = useState(root.key);
  const treeRef = useRef<HTMLUListElement>(null);
  const page = useDeferredValue(CHILDREN_PAGE, FIRST_DRAWN);

  const rows = useMemo(
    () => treeRows(root, collapsed, shown, page),
    [root, collapsed, shown, page],
  );
  const visible = useMemo(() => rows.filter((row): row is NodeRow => row.kind === 'node'), [rows]);
  const activeKey = visible.some((entry) => entry.node.key === focusedKey) ? focusedKey : root.key;

  const focusNode = (key: string): void => {
    setFocusedKey(key);
    treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  };

  // A transition: rendering 200 more rows yields to the browser every few milliseconds
  // instead of holding the main thread for all of them at once.
  const showMore = (node: ErrorTreeNode): void => {
    startTransition(() => {
      setShown((previous) =>
        new Map(previous).set(node.key, shownOf(node, previous, CHILDREN_PAGE) + CHILDREN_PAGE),
      );
    });
  };

  const toggle = (key: string, open: boolean): void => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (open) next.delete(key);
      else next.add(key);
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const index = visible.findIndex((entry) => entry.node.key === activeKey);
    const entry = visible[index];
    if (!entry) return;
    const { node, parentKey } = entry;
    const hasChildren = node.childCount > 0;
    const isOpen = hasChildren && !collapsed.has(node.key);
    let target: string | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = visible[index + 1]?.node.key;
        break;
      case 'ArrowUp':
        target = visible[index - 1]?.node.key;
        break;
      case 'Home':
        target = visible[0]?.node.key;
        break;
      case 'End':
        target = visible.at(-1)?.node.key;
        break;
      case 'ArrowRight':
        if (hasChildren && !isOpen) toggle(node.key, true);
        else if (isOpen) target = childrenOf(node, 1)[0]?.key;
        break;
      case 'ArrowLeft':
        if (isOpen) toggle(node.key, false);
        else target = parentKey;
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target !== undefined) focusNode(target);
  };

  return (
    <ul
      role="tree"
      aria-label="Error tree"
      className="error-tree"
      ref={treeRef}
      onKeyDown={onKeyDown}
    >
      {rows.map((row) =>
        row.kind === 'node' ? (
          <TreeItem
            key={row.node.key}
            row={row}
            isOpen={row.node.childCount > 0 && !collapsed.has(row.node.key)}
            active={row.node.key === activeKey}
            onFocusNode={setFocusedKey}
            onToggle={toggle}
          />
        ) : (
          <li
            key={`${row.node.key} more`}
            role="none"
            className="error-tree-more"
            style={indent(row.level)}
          >
            <button
              type="button"
              onClick={() => {
                showMore(row.node);
              }}
            >
              {`Show ${String(Math.min(CHILDREN_PAGE, row.notDrawn))} more (${row.notDrawn.toLocaleString('en')} not shown)`}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

/**
 * A row's indentation, by its level: deeper levels line up under the last indented one
 * (`INDENTED_LEVELS`), so that a group 100 levels deep does not squeeze its messages into a
 * column one letter wide.
 */
function indent(level: number): CSSProperties {
  return { '--depth': String(Math.min(level, INDENTED_LEVELS) - 1) } as CSSProperties;
}

interface ItemProps {
  row: NodeRow;
  isOpen: boolean;
  /** The one node in the tab order. */
  active: boolean;
  onFocusNode: (key: string) => void;
  onToggle: (key: string, open: boolean) => void;
}

/**
 * One node, drawn as a row of a flat list: its place in the tree is in `aria-level`,
 * `aria-setsize` and `aria-posinset`, not in nested lists, whose layout grew with the depth
 * (a group 100 levels deep took longer than a frame to lay out).
 */
function TreeItem({ row, isOpen, active, onFocusNode, onToggle }: ItemProps) {
  const { node, level } = row;
  const hasChildren = node.childCount > 0;
  const labelId = `error-node-${node.key}`;
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={hasChildren ? isOpen : undefined}
      aria-labelledby={labelId}
      tabIndex={active ? 0 : -1}
      data-key={node.key}
      style={indent(level)}
      onFocus={() => {
        onFocusNode(node.key);
      }}
      onClick={() => {
        onFocusNode(node.key);
        if (hasChildren) onToggle(node.key, !isOpen);
      }}
    >
      <span id={labelId} className="error-node">
        {hasChildren ? (
          <span aria-hidden="true" className="twisty">
            {isOpen ? '▾' : '▸'}
          </span>
        ) : null}
        <NodeLabel node={node} />
      </span>
    </li>
  );
}

/** A node's name, clipped message, retryability and notes. */
function NodeLabel({ node }: { node: ErrorTreeNode }) {
  const message = clipText(node.message, MESSAGE_CLIP);
  const rest =
    message.hidden > 0 ? `… (${message.hidden.toLocaleString('en')} more characters)` : '';
  return (
    <>
      {node.relation === 'cause' ? <span className="relation">caused by </span> : null}
      <strong>{node.name}</strong>
      {node.message === '' ? null : (
        <span className="error-message">: {message.shown + rest}</span>
      )}{' '}
      <span className={node.retryable ? 'flag flag-retryable' : 'flag flag-final'}>
        {node.retryable ? '↻ retryable' : '✖ not retryable'}
        {node.recorded === true ? ' (as recorded)' : ruleNote(node)}
      </span>
      {node.notes.map((note) => (
        <span key={note} className="note">
          {' '}
          ({note})
        </span>
      ))}
    </>
  );
}
