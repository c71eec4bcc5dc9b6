import { expect, type Page } from '@playwright/test';

/** A step as the routine defines it (what the built-in library says). */
export interface StepDef {
  technique: string;
  side: 'none' | 'left' | 'right' | 'both';
  secs: number;
}

/** The desk-break routine's definition: four steps, three of them two-sided. */
export const DESK_BREAK: StepDef[] = [
  { technique: 'Effleurage', side: 'none', secs: 45 },
  { technique: 'Kneading', side: 'both', secs: 60 },
  { technique: 'Trigger-point pressure', side: 'both', secs: 45 },
  { technique: 'Stretch', side: 'both', secs: 30 },
];

export interface Segment {
  kind: 'getready' | 'work' | 'switchsides' | 'rest';
  step: number; // 1-based
  side: 'none' | 'left' | 'right';
  start: number; // ms from the start tap
  end: number;
}

/** The timeline a player must follow, built from the definition independently of the app. */
export function timeline(steps: StepDef[], leadIn = 5000, switchMs = 8000, rest = 0): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const push = (kind: Segment['kind'], step: number, side: Segment['side'], duration: number) => {
    if (duration > 0) segments.push({ kind, step, side, start: at, end: at + duration });
    at += duration;
  };
  steps.forEach((step, index) => {
    const first = step.side === 'both' ? 'left' : step.side;
    push('getready', index + 1, first, leadIn);
    push('work', index + 1, first, step.secs * 1000);
    if (step.side === 'both') {
      push('switchsides', index + 1, 'right', switchMs);
      push('work', index + 1, 'right', step.secs * 1000);
    }
    if (index < steps.length - 1) push('rest', index + 1, 'none', rest);
  });
  return segments;
}

/** "m:ss", whole seconds rounded up: what the countdown must show with `ms` left. */
export function countdown(ms: number): string {
  const secs = Math.ceil(ms / 1000);
  return `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
}

/** The session's start instant on the fake clock. */
export const T0 = new Date('2026-11-25T08:00:00Z').getTime();

/**
 * Replaces the browser's cue outputs with recorders, before the app loads:
 * speech, vibration, Web Audio oscillators, the wake lock and Media Session handlers.
 */
export async function recordOutputs(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__spoken = [];
    w.__vibrations = [];
    w.__tones = [];
    w.__wakeLock = [];
    w.__media = {};
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      if (utterance.text) w.__spoken.push({ text: utterance.text, lang: utterance.lang, at: Date.now() });
    };
    Object.defineProperty(Navigator.prototype, 'vibrate', {
      configurable: true,
      value: (pattern: number | number[]) => {
        w.__vibrations.push({ pattern, at: Date.now() });
        return true;
      },
    });
    // Each oscillator records when, on the page's clock, it is meant to sound, and whether it was cancelled.
    const start = OscillatorNode.prototype.start;
    const stop = OscillatorNode.prototype.stop;
    OscillatorNode.prototype.start = function (when = 0) {
      const ctx = this.context as AudioContext;
      const due = Date.now() + Math.max(0, when - ctx.currentTime) * 1000;
      (this as any).__tone = { due: Math.round(due), when, stopped: null, cancelled: false };
      w.__tones.push((this as any).__tone);
      return start.call(this, when);
    };
    OscillatorNode.prototype.stop = function (when = 0) {
      const tone = (this as any).__tone;
      if (tone) {
        if (tone.stopped !== null && when <= tone.when) tone.cancelled = true;
        tone.stopped = when;
      }
      return stop.call(this, when);
    };
    const sentinel = () => {
      const lock = {
        released: false,
        release() {
          lock.released = true;
          w.__wakeLock.push('release');
          return Promise.resolve();
        },
        addEventListener() {},
        removeEventListener() {},
      };
      return lock;
    };
    Object.defineProperty(Navigator.prototype, 'wakeLock', {
      configurable: true,
      get: () => ({
        request: () => {
          w.__wakeLock.push('request');
          return Promise.resolve(sentinel());
        },
      }),
    });
    const setActionHandler = MediaSession.prototype.setActionHandler;
    MediaSession.prototype.setActionHandler = function (action: MediaSessionAction, handler: any) {
      w.__media[action] = handler;
      return setActionHandler.call(this, action, handler);
    };
  });
}

/** Opens the player for `id` on a paused fake clock and taps Start at T0. */
export async function startRoutine(page: Page, id: string) {
  await page.clock.install({ time: T0 - 10_000 });
  await page.goto(`/routine/${id}/play`);
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await page.clock.pauseAt(T0);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.stage')).toBeVisible();
}

/** What the player shows now. */
export async function shown(page: Page) {
  const stage = page.locator('.stage');
  return {
    kind: await stage.getAttribute('data-kind'),
    step: Number(await stage.getAttribute('data-step')),
    side: await stage.getAttribute('data-side'),
    countdown: (await page.locator('.stage__countdown').textContent())?.trim(),
  };
}

/** Checks what the player shows against `segment` at `t` ms after the start. */
export async function expectShowing(page: Page, segment: Segment, t: number, steps: StepDef[]) {
  const stage = page.locator('.stage');
  const label = `${segment.kind} of step ${segment.step} at ${t} ms`;
  await expect(stage, label).toHaveAttribute('data-kind', segment.kind);
  await expect(stage, label).toHaveAttribute('data-step', String(segment.step));
  await expect(stage, label).toHaveAttribute('data-side', segment.side);
  await expect(page.locator('.stage__countdown'), label).toHaveText(countdown(segment.end - t));
  if (segment.kind !== 'switchsides') {
    await expect(page.locator('.step-card__technique'), label).toHaveText(steps[segment.step - 1].technique);
  }
}

export const spoken = (page: Page) => page.evaluate(() => (window as any).__spoken as { text: string; at: number }[]);
export const tones = (page: Page) =>
  page.evaluate(() => (window as any).__tones as { due: number; cancelled: boolean }[]);
