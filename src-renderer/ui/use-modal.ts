import { useEffect, type RefObject } from 'react';

/** Opens a <dialog> as a modal once mounted (focus trapped, Escape → cancel, as the platform does it). */
export function useModal(ref: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
  }, [ref]);
}
