// The one h1 of a screen. It takes focus when the screen (or setup step) changes, so keyboard and
// screen-reader users start reading at the new content instead of the button they just pressed.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, focusKey }: { children: ReactNode; focusKey?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <h1 className="screen-title" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
