import { EVENT_STATUSES, type EventStatus } from '../../lib';
import { matchesFilter, sourceKeyOf, type EventRecord } from '../../store';

/** A comparison on the attempt number: `attempt:>1`, `attempt:<=2`, `attempt:3`. */
export interface AttemptTerm {
  op: '=' | '>' | '>=' | '<' | '<=';
  value: number;
}

/**
 * A filter typed as text, e.g. `status:failed retryable:true kind:http error:ConnectionError
 * attempt:>1 disk`. Terms of the same key are alternatives (`status:failed status:cancelled`),
 * different keys must all hold, and words without a key are searched for in the record's text.
 * Double quotes keep spaces in a value or a phrase: `source:"remote:billing worker"`.
 */
export interface FilterQuery {
  status: EventStatus[];
  kind: string[];
  retryable: boolean | null;
  error: string[];
  attempt: AttemptTerm[];
  source: string[];
  words: string[];
  /** Terms that could not be read, with why: `status:done — no such status`. */
  problems: string[];
}

const KEYS = ['status', 'kind', 'retryable', 'error', 'attempt', 'source'] as const;
type Key = (typeof KEYS)[number];

function isKey(text: string): text is Key {
  return (KEYS as readonly string[]).includes(text);
}

function isStatus(text: string): text is EventStatus {
  return (EVENT_STATUSES as readonly string[]).includes(text);
}

/**
 * The query's terms as typed, split at spaces outside double quotes: `source:"remote:billing
 * worker"` is one term, and so is `"connection refused"`.
 */
function splitTerms(text: string): string[] {
  return text.match(/(?:[^\s"]|"(?:[^"\\]|\\[\s\S]?)*(?:"|$))+/g) ?? [];
}

/** A term's text without its quotes (`\"` and `\\` inside them stand for `"` and `\`). */
function unquote(text: string): string {
  return text.replace(/"((?:[^"\\]|\\[\s\S]?)*)(?:"|$)/g, (_, inner: string) =>
    inner.replace(/\\([\s\S])/g, '$1'),
  );
}

/** `value` as one term's value: quoted when it holds a space or a quote. */
function quoteIfNeeded(value: string): string {
  return /[\s"\\]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

/** Reads a query; it never throws, and says in `problems` what it could not read. */
export function parseFilterQuery(text: string): FilterQuery {
  const query: FilterQuery = {
    status: [],
    kind: [],
    retryable: null,
    error: [],
    attempt: [],
    source: [],
    words: [],
    problems: [],
  };
  for (const token of splitTerms(text)) {
    const colon = token.indexOf(':');
    const key = token.slice(0, colon).toLowerCase();
    const value = unquote(token.slice(colon + 1));
    if (colon <= 0 || !isKey(key)) {
      const word = unquote(token).toLowerCase();
      if (word !== '') query.words.push(word);
      continue;
    }
    if (value === '') {
      query.problems.push(`${token} — give a value after the colon`);
      continue;
    }
    readTerm(query, key, value, token);
  }
  return query;
}

function readTerm(query: FilterQuery, key: Key, value: string, token: string): void {
  const lower = value.toLowerCase();
  switch (key) {
    case 'status':
      if (isStatus(lower)) query.status.push(lower);
      else query.problems.push(`${token} — no such status (${EVENT_STATUSES.join(', ')})`);
      return;
    case 'retryable':
      if (lower === 'true' || lower === 'false') query.retryable = lower === 'true';
      else query.problems.push(`${token} — use retryable:true or retryable:false`);
      return;
    case 'attempt': {
      const match = /^(>=|<=|>|<|=)?(\d+)$/.exec(value);
      if (match?.[2] === undefined) {
        query.problems.push(`${token} — use a number, optionally after >, >=, < or <=`);
        return;
      }
      const op = (match[1] ?? '=') as AttemptTerm['op'];
      query.attempt.push({ op, value: Number(match[2]) });
      return;
    }
    case 'kind':
    case 'error':
    case 'source':
      query[key].push(lower);
      return;
  }
}

/** `true` when the query has nothing that narrows the list. */
export function isEmptyQuery(query: FilterQuery): boolean {
  return (
    query.status.length === 0 &&
    query.kind.length === 0 &&
    query.retryable === null &&
    query.error.length === 0 &&
    query.attempt.length === 0 &&
    query.source.length === 0 &&
    query.words.length === 0
  );
}

/** `true` when `record` passes every term of `query`. */
export function matchesQuery(record: EventRecord, query: FilterQuery): boolean {
  if (query.status.length > 0 && !query.status.includes(record.status)) return false;
  if (query.kind.length > 0 && !query.kind.some((kind) => kindMatches(record, kind))) {
    return false;
  }
  if (query.retryable !== null && record.retryable !== query.retryable) return false;
  if (query.source.length > 0 && !query.source.some((source) => sourceMatches(record, source))) {
    return false;
  }
  if (query.attempt.some((term) => !compare(record.attempt, term))) return false;
  if (query.error.length > 0) {
    const error = record.execution.error;
    const text = error === null ? '' : `${error.error} ${error.message}`.toLowerCase();
    if (error === null || !query.error.some((needle) => text.includes(needle))) return false;
  }
  if (query.words.length > 0) {
    if (!query.words.every((word) => matchesFilter(record, { search: word }))) return false;
  }
  return true;
}

function kindMatches(record: EventRecord, kind: string): boolean {
  return record.kind.toLowerCase() === kind || record.label.toLowerCase().startsWith(kind);
}

/**
 * `source:` names what made the record (`live`, `restored`, `imported`, `remote`) or one source
 * by its key, as the Source picker writes it (`this-page`, `remote:<name>`, `imported:<file>`).
 */
function sourceMatches(record: EventRecord, source: string): boolean {
  return record.source === source || sourceKeyOf(record).toLowerCase() === source;
}

function compare(attempt: number, { op, value }: AttemptTerm): boolean {
  switch (op) {
    case '=':
      return attempt === value;
    case '>':
      return attempt > value;
    case '>=':
      return attempt >= value;
    case '<':
      return attempt < value;
    case '<=':
      return attempt <= value;
  }
}

/**
 * The query with every `key:` term replaced by `key:value` (or removed when `value` is
 * `null`), the other terms kept in order: how the status and kind pickers edit the query.
 */
export function withTerm(text: string, key: Key, value: string | null): string {
  const kept = splitTerms(text).filter((token) => !token.toLowerCase().startsWith(`${key}:`));
  if (value !== null) kept.unshift(`${key}:${quoteIfNeeded(value)}`);
  return kept.join(' ');
}

/** The single value of a key when the query has exactly one term of it, else `null`. */
export function singleTerm(query: FilterQuery, key: 'status' | 'kind' | 'source'): string | null {
  const values = query[key];
  return values.length === 1 ? (values[0] ?? null) : null;
}
