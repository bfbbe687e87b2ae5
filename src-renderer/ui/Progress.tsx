// Progress for a long job (export, import, backup, bulk render), with a Cancel button. `value` is
// 0…1, or null while the total is unknown. Pair it with an AbortController or the job's cancel call.
import { useTranslation } from 'react-i18next';

export interface ProgressProps {
  /** What is running, e.g. "Exporting 12 pages". */
  label: string;
  value: number | null;
  /** Shown as detail text, e.g. "3 of 12". */
  detail?: string;
  onCancel?: () => void;
  /** The Cancel button's text when a plain "Cancel" would be vague (e.g. "Cancel export"). */
  cancelLabel?: string;
  cancelling?: boolean;
}

export function ProgressWithCancel({ label, value, detail, onCancel, cancelLabel, cancelling = false }: ProgressProps) {
  const { t, i18n } = useTranslation();
  const clamped = value === null ? null : Math.min(Math.max(value, 0), 1);
  const percent = clamped === null ? null : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(clamped);
  return (
    <div className="progress" role="group" aria-label={label}>
      <div className="progress-text">
        <span className="progress-label">{label}</span>
        <span className="muted" aria-live="polite">
          {detail ?? (percent ? t('polish.progress.percent', { percent }) : t('polish.progress.working'))}
        </span>
      </div>
      <div
        className={`progress-track${clamped === null ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped === null ? undefined : Math.round(clamped * 100)}
        aria-valuetext={percent ?? undefined}
      >
        <div className="progress-bar" style={{ width: clamped === null ? undefined : `${clamped * 100}%` }} />
      </div>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
          {cancelLabel ?? t('polish.progress.cancel')}
        </button>
      )}
    </div>
  );
}
