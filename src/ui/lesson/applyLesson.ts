import { getAppStore } from '../../store';
import { startLessonTime, stopLessonTime } from '../clock/lessonTime.ts';
import { requestTourStep } from '../tour/tourRequest.ts';
import { decodeLesson } from './lessonLink.ts';

/**
 * Reproduces the lesson in a hash: its clock first (so the event runs on it), then its tour
 * step, then its event, launched and selected. A hash that does not fit gets a notice that
 * says why, and changes nothing.
 */
export async function applyLessonHash(hash: string): Promise<void> {
  const store = getAppStore();
  const reading = decodeLesson(hash);
  if (reading.type === 'none') return;
  if (reading.type === 'invalid') {
    store
      .getState()
      .notify(
        'warning',
        `This lesson link cannot be opened: ${reading.problem}. Nothing was changed.`,
      );
    return;
  }
  const { lesson } = reading;
  if (lesson.clock.mode === 'lesson') {
    startLessonTime({ speed: lesson.clock.speed, paused: lesson.clock.paused });
  } else {
    stopLessonTime();
  }
  if (lesson.tourStep !== null) requestTourStep(lesson.tourStep);
  if (lesson.kind === null) return;
  await store.getState().whenHydrated();
  const result = await store.getState().launch(lesson.kind, lesson.params, lesson.count ?? 1);
  if (!result.ok) {
    const issues = result.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    store
      .getState()
      .notify('warning', `The lesson's event could not be launched (${issues}). Check the link.`);
    return;
  }
  const [id] = result.ids;
  if (id !== undefined) store.getState().select(id);
}
