// One app, one window: a second launch hands over to the running app (which comes to the front)
// and quits, so two processes never write the same vault file.
import type { App } from 'electron';

export function ensureSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, focusMainWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusMainWindow());
  return true;
}
