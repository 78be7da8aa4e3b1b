import { useState } from 'react';
import { findKind, useSelectedRecord } from '../../store';
import { encodeLesson, type Lesson } from '../lesson/lessonLink.ts';
import { openTourStep } from '../tour/tourRequest.ts';
import { currentLessonClock } from './lessonTime.ts';

/**
 * "Copy link": the lesson this page shows — the selected event's kind and parameters, the
 * clock, the open tour step — as a link that reproduces it. The link is also shown, so it can
 * be copied by hand where there is no clipboard.
 */
export function CopyLessonLink() {
  const selected = useSelectedRecord();
  const [link, setLink] = useState<string | null>(null);
  const [state, setState] = useState<'copied' | 'failed' | null>(null);

  const onCopy = async (): Promise<void> => {
    const lesson = currentLesson(selected);
    const url = new URL(window.location.href);
    url.hash = encodeLesson(lesson).slice(1);
    setLink(url.href);
    try {
      await navigator.clipboard.writeText(url.href);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy-lesson">
      <button type="button" onClick={() => void onCopy()}>
        Copy link
      </button>
      {link !== null ? (
        <input
          className="lesson-link"
          aria-label="Lesson link"
          readOnly
          value={link}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
      ) : null}
      <span role="status" className="muted">
        {state === 'copied' ? 'Link copied.' : null}
        {state === 'failed' ? 'No clipboard here: copy the link from the box.' : null}
      </span>
    </span>
  );
}

function currentLesson(
  selected: { kind: string; params: Record<string, unknown>; source: string } | null,
): Lesson {
  const lesson = currentLessonClock();
  const kind =
    selected !== null && selected.source !== 'remote' && findKind(selected.kind) !== undefined
      ? selected.kind
      : null;
  const params: Record<string, string> = {};
  if (kind !== null && selected !== null) {
    for (const [name, value] of Object.entries(selected.params)) {
      if (value === null || value === undefined) continue;
      params[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return {
    kind,
    params,
    clock:
      lesson === null
        ? { mode: 'real' }
        : { mode: 'lesson', speed: lesson.speed, paused: lesson.paused },
    tourStep: openTourStep(),
  };
}
