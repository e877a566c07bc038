import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog over the library: Escape closes it, focus moves into it and comes back
 * to where it was when it closes. */
export function Dialog({ label, onClose, children, testId, wide }: { label: string; onClose: () => void; children: ReactNode; testId: string; wide?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
        className={`my-8 w-full rounded-lg bg-white p-5 shadow-xl outline-none dark:bg-slate-800 ${wide ? 'max-w-3xl' : 'max-w-md'}`}
      >
        {children}
      </div>
    </div>
  );
}
