import { useEffect, useId, useRef, useState } from 'react';
import { isTerminalStatus } from '../../lib';
import { CUSTOM_KIND, useRecord } from '../../store';
import { compileCode } from '../../store/sandbox/compileClient';
import type { CodeLanguage } from '../../store/sandbox/compileCode';
import { ERROR_LINE_KEY } from '../../store/sandbox/sandboxedEvent';
import { noticeOnFailure, useStoreActions } from '../common/storeActions.ts';
import { createCodeEditor, type CodeEditor, type CodeProblem } from './codeEditor.ts';
import { TEMPLATES, templateCode } from './templates.ts';
import './eventEditor.css';

const STOP_REASON = 'Stopped from the editor: the sandbox worker was terminated';

/**
 * "Write your own event": a CodeMirror editor for `_invoke(ctx)` (and an optional
 * `_precheck()`), in JavaScript or TypeScript, with starter templates, a timeout and metadata.
 * Run compiles it (syntax errors are marked at their line and nothing runs) and launches it as
 * an event whose code runs in a sandbox worker; Stop ends the last run and its worker.
 */
export default function EventEditor() {
  const actions = useStoreActions();
  const firstTemplate = TEMPLATES[0];
  const [language, setLanguage] = useState<CodeLanguage>('javascript');
  const [templateId, setTemplateId] = useState(firstTemplate?.id ?? '');
  const [timeout, setTimeoutText] = useState(firstTemplate?.timeout ?? '');
  const [metadata, setMetadata] = useState('{"lesson": "my first event"}');
  const [problem, setProblem] = useState<string | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const [lastId, setLastId] = useState<string | null>(null);
  const editorRef = useRef<CodeEditor | null>(null);
  const hostRef = useRef<HTMLDivElement | null>(null);
  const ids = { language: useId(), template: useId(), timeout: useId(), metadata: useId() };

  const last = useRecord(lastId);
  const lastEnded = last === undefined || isTerminalStatus(last.status);
  const thrownLine = last?.metadata[ERROR_LINE_KEY];
  const thrownMessage =
    last?.execution.error != null && typeof last.execution.error === 'object'
      ? `${last.execution.error.error}: ${last.execution.error.message}`
      : null;

  useEffect(() => {
    const host = hostRef.current;
    if (host === null || firstTemplate === undefined) return;
    const editor = createCodeEditor(host, {
      code: templateCode(firstTemplate, 'javascript'),
      language: 'javascript',
      label: 'Code of your event',
      onChange: () => {
        setProblem(null);
      },
    });
    editorRef.current = editor;
    return () => {
      editor.destroy();
      editorRef.current = null;
    };
  }, [firstTemplate]);

  // An error thrown at run time is marked at the line it came from, like a syntax error.
  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    const problems: CodeProblem[] = [];
    if (typeof thrownLine === 'number' && thrownMessage !== null) {
      problems.push({ line: thrownLine, message: `Thrown in the last run: ${thrownMessage}` });
    }
    if (problem === null) editor.showProblems(problems);
  }, [thrownLine, thrownMessage, problem]);

  const loadTemplate = (id: string, nextLanguage: CodeLanguage): void => {
    const template = TEMPLATES.find((entry) => entry.id === id);
    if (template === undefined) return;
    editorRef.current?.setCode(templateCode(template, nextLanguage));
    setTimeoutText(template.timeout);
    setProblem(null);
  };

  const run = async (): Promise<void> => {
    const editor = editorRef.current;
    if (editor === null) return;
    setRunning(true);
    setIssues([]);
    const source = editor.getCode();
    try {
      const compiled = await compileCode(source, language);
      if (!compiled.ok) {
        const where = `Line ${String(compiled.line)}, column ${String(compiled.column)}`;
        setProblem(`${where}: ${compiled.message}`);
        editor.showProblems([
          { line: compiled.line, offset: compiled.offset, message: compiled.message },
        ]);
        return;
      }
      setProblem(null);
      const result = await actions.launch(CUSTOM_KIND.kind, {
        language,
        source,
        code: compiled.code,
        metadata,
        timeout,
      });
      if (!result.ok) {
        setIssues(result.issues.map((issue) => `${issue.field}: ${issue.message}`));
        return;
      }
      const id = result.ids[0];
      if (id !== undefined) {
        setLastId(id);
        actions.select(id);
      }
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="event-editor">
      <div className="editor-options">
        <label className="field" htmlFor={ids.template}>
          <span>Start from</span>
          <select
            id={ids.template}
            value={templateId}
            onChange={(event) => {
              setTemplateId(event.target.value);
              loadTemplate(event.target.value, language);
            }}
          >
            {TEMPLATES.map((template) => (
              <option key={template.id} value={template.id}>
                {template.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={ids.language}>
          <span>Language</span>
          <select
            id={ids.language}
            value={language}
            onChange={(event) => {
              const next = event.target.value === 'typescript' ? 'typescript' : 'javascript';
              setLanguage(next);
              editorRef.current?.setLanguage(next);
              loadTemplate(templateId, next);
            }}
          >
            <option value="javascript">JavaScript</option>
            <option value="typescript">TypeScript</option>
          </select>
        </label>
      </div>
      <p className="muted editor-help">
        Define <code>_invoke(ctx)</code> (and optionally <code>_precheck()</code>); <code>ctx</code>{' '}
        has <code>signal</code>, <code>metadata</code>, <code>attempt</code>,{' '}
        <code>reportProgress(fraction, message)</code>, <code>sleep(ms)</code> and{' '}
        <code>scheduler</code>. It runs in a worker, away from this page.
      </p>
      <p className="muted editor-help">
        Under lesson time, <code>ctx.sleep</code>, <code>ctx.scheduler</code> and the timeout follow
        the lesson clock (pause, step, speed); a plain <code>setTimeout</code> in your code runs in
        real time.
      </p>
      <div className="code-host" ref={hostRef} />
      {problem !== null ? (
        <p className="field-error" role="alert">
          Syntax error — {problem}
        </p>
      ) : null}
      {typeof thrownLine === 'number' && thrownMessage !== null && problem === null ? (
        <p className="field-error">
          Line {thrownLine}: {thrownMessage}
        </p>
      ) : null}
      <div className="editor-options">
        <label className="field" htmlFor={ids.timeout}>
          <span>Timeout (s)</span>
          <input
            id={ids.timeout}
            inputMode="decimal"
            value={timeout}
            placeholder="none"
            onChange={(event) => {
              setTimeoutText(event.target.value);
            }}
          />
        </label>
        <label className="field" htmlFor={ids.metadata}>
          <span>Metadata (JSON)</span>
          <input
            id={ids.metadata}
            value={metadata}
            spellCheck={false}
            onChange={(event) => {
              setMetadata(event.target.value);
            }}
          />
        </label>
      </div>
      {issues.length > 0 ? (
        <ul className="field-error" role="alert">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
      <div className="editor-actions">
        {/* aria-disabled while compiling: a disabled button would drop the focus onto the
            page's body for the moment the compiler takes. */}
        <button
          type="button"
          className="primary"
          aria-disabled={running ? true : undefined}
          onClick={() => {
            if (!running) void run();
          }}
        >
          Run
        </button>
        <button
          type="button"
          disabled={lastId === null || lastEnded}
          onClick={() => {
            if (lastId !== null) noticeOnFailure(actions, actions.cancel(lastId, STOP_REASON));
          }}
        >
          Stop
        </button>
        <p className="muted" aria-live="polite">
          {last === undefined ? 'Not run yet.' : `Last run: ${last.status}`}
        </p>
      </div>
    </div>
  );
}
