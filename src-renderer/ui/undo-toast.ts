// After a destructive action: say what happened and offer Undo in the toast (8 s), the way the
// clients and library screens do. `undo` runs once; its failure becomes an error toast.
import { useApp } from '../app/store';

export function undoToast(message: string, undoLabel: string, undo: () => unknown | Promise<unknown>, onUndoError?: (error: unknown) => string): number {
  const { toast } = useApp.getState();
  return toast({
    message,
    tone: 'info',
    action: {
      label: undoLabel,
      run: () => {
        Promise.resolve()
          .then(undo)
          .catch((error: unknown) => toast({ message: onUndoError ? onUndoError(error) : String(error), tone: 'error' }));
      },
    },
  });
}
