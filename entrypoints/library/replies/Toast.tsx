import { useEffect } from 'react';
import { useI18n } from '@/components/i18n';

export interface ToastState {
  /** Changes for every new toast, so that its timer starts again. */
  key: number;
  message: string;
  /** When present, the toast offers "Undo". */
  undo?: () => void | Promise<void>;
}

/** A message at the bottom of the page that goes away after a while; with "Undo" for
 * what can be taken back (a deletion). */
export function Toast({ toast, onClose }: { toast: ToastState | null; onClose(): void }) {
  const { t } = useI18n();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, 12_000);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  if (!toast) return null;
  return (
    <div
      role="status"
      className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
      data-testid="replies-toast"
    >
      <span data-testid="replies-toast-message">{toast.message}</span>
      {toast.undo && (
        <button
          type="button"
          className="rounded px-2 py-0.5 font-semibold text-blue-300 hover:bg-white/10 dark:text-blue-700"
          data-testid="replies-undo"
          onClick={() => {
            const undo = toast.undo!;
            onClose();
            void undo();
          }}
        >
          {t('repliesUndo')}
        </button>
      )}
      <button type="button" aria-label={t('repliesToastClose')} className="px-1 opacity-70 hover:opacity-100" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
