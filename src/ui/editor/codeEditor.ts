import { javascript } from '@codemirror/lang-javascript';
import { Compartment, EditorState } from '@codemirror/state';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import type { CodeLanguage } from '../../store/sandbox/compileCode';

/** One problem to mark in the code: a 1-based line, and the text shown there. */
export interface CodeProblem {
  line: number;
  /** 0-based offset, when known exactly; otherwise the whole line is marked. */
  offset?: number;
  message: string;
}

/** The editor, as the React component drives it. */
export interface CodeEditor {
  getCode(): string;
  setCode(code: string): void;
  setLanguage(language: CodeLanguage): void;
  showProblems(problems: readonly CodeProblem[]): void;
  destroy(): void;
}

/**
 * Sizes and colours of the editor; it lives in a shadow root, out of reach of app.css's rules
 * but not of the custom properties the page sets, which are inherited into it.
 */
const editorTheme = EditorView.theme({
  '&': { maxHeight: '22rem', backgroundColor: 'Canvas', color: 'CanvasText', fontSize: '0.85rem' },
  '.cm-scroller': { overflow: 'auto' },
  // Line numbers in the page's muted text colour: GrayText (#808080) is 3.9:1 on white and
  // 3.5:1 on the active line's #e2f2ff, where #555b70 is 6.7:1 and 5.9:1 (WCAG asks 4.5:1).
  '.cm-gutters': { backgroundColor: 'Canvas', color: 'var(--muted, #555b70)' },
  // The editor is not marked dark, so CodeMirror keeps its light blue active line in the
  // gutter under a dark page too, where the light line numbers would be unreadable on it.
  '@media (prefers-color-scheme: dark)': {
    '.cm-activeLineGutter': { backgroundColor: '#222227' },
  },
});

/**
 * A CodeMirror 6 editor in `host`, with JavaScript or TypeScript highlighting and a lint
 * gutter for problems found by the compiler or thrown at run time.
 *
 * It is mounted in a shadow root: CodeMirror writes its styles into `<style>` elements in a
 * document, which the page's `style-src 'self'` refuses, but into constructed style sheets
 * (`adoptedStyleSheets`) in a shadow root, which no policy restricts.
 */
export function createCodeEditor(
  host: HTMLElement,
  options: { code: string; language: CodeLanguage; label: string; onChange: () => void },
): CodeEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  root.append(parent);
  const language = new Compartment();
  const languageOf = (name: CodeLanguage) => javascript({ typescript: name === 'typescript' });
  const view = new EditorView({
    parent,
    root,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        basicSetup,
        editorTheme,
        language.of(languageOf(options.language)),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange();
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    setLanguage(name) {
      view.dispatch({ effects: language.reconfigure(languageOf(name)) });
    },
    showProblems(problems) {
      const { doc } = view.state;
      const diagnostics: Diagnostic[] = problems.map((problem) => {
        const line = doc.line(Math.min(Math.max(1, problem.line), doc.lines));
        const from =
          problem.offset !== undefined && problem.offset >= line.from && problem.offset <= line.to
            ? problem.offset
            : line.from;
        return {
          from,
          to: from === line.from ? line.to : Math.min(line.to, from + 1),
          severity: 'error',
          message: problem.message,
        };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    destroy: () => {
      view.destroy();
      parent.remove();
    },
  };
}
