import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorTreeNode } from './errorTreeModel.ts';
import { ruleNote } from './verdictWords.ts';
import './errorTree.css';

interface Props {
  root: ErrorTreeNode;
}

interface VisibleNode {
  node: ErrorTreeNode;
  parentKey: string | undefined;
}

/**
 * An ARIA tree of an error, its aggregated errors and its causes. Keyboard: arrows move,
 * Left/Right collapse and expand, Home/End jump; one node is in the tab order at a time.
 */
export function ErrorTree({ root }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusedKey, setFocusedKey] = useState(root.key);
  const treeRef = useRef<HTMLUListElement>(null);

  const visible = useMemo(() => flatten(root, collapsed), [root, collapsed]);
  const activeKey = visible.some((entry) => entry.node.key === focusedKey) ? focusedKey : root.key;

  const focusNode = (key: string): void => {
    setFocusedKey(key);
    treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
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
    const hasChildren = node.children.length > 0;
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
        else if (isOpen) target = node.children[0]?.key;
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
      <TreeItem
        node={root}
        level={1}
        collapsed={collapsed}
        activeKey={activeKey}
        onFocusNode={setFocusedKey}
        onToggle={toggle}
      />
    </ul>
  );
}

interface ItemProps {
  node: ErrorTreeNode;
  level: number;
  collapsed: ReadonlySet<string>;
  activeKey: string;
  onFocusNode: (key: string) => void;
  onToggle: (key: string, open: boolean) => void;
}

function TreeItem({ node, level, collapsed, activeKey, onFocusNode, onToggle }: ItemProps) {
  const hasChildren = node.children.length > 0;
  const isOpen = hasChildren && !collapsed.has(node.key);
  const labelId = `error-node-${node.key}`;
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-expanded={hasChildren ? isOpen : undefined}
      aria-labelledby={labelId}
      tabIndex={node.key === activeKey ? 0 : -1}
      data-key={node.key}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusNode(node.key);
      }}
      onClick={(event) => {
        event.stopPropagation();
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
        {node.relation === 'cause' ? <span className="relation">caused by </span> : null}
        <strong>{node.name}</strong>
        {node.message === '' ? null : <span className="error-message">: {node.message}</span>}{' '}
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
      </span>
      {isOpen ? (
        <ul role="group">
          {node.children.map((child) => (
            <TreeItem
              key={child.key}
              node={child}
              level={level + 1}
              collapsed={collapsed}
              activeKey={activeKey}
              onFocusNode={onFocusNode}
              onToggle={onToggle}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function flatten(
  node: ErrorTreeNode,
  collapsed: ReadonlySet<string>,
  parentKey?: string,
  out: VisibleNode[] = [],
): VisibleNode[] {
  out.push({ node, parentKey });
  if (!collapsed.has(node.key)) {
    for (const child of node.children) flatten(child, collapsed, node.key, out);
  }
  return out;
}
