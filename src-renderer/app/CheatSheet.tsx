// `?`: every shortcut from the registry, grouped, with the keys as this platform writes them.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { comboKeys, SHORTCUT_GROUPS, SHORTCUTS } from './shortcuts';
import { useModal } from '../ui/use-modal';

export function Keys({ combo }: { combo: string }) {
  const { t } = useTranslation();
  return (
    <span className="keys">
      {comboKeys(combo, undefined, (k) => t(`polish.keys.${k}`)).map((k, i) => (
        <kbd key={i}>{k}</kbd>
      ))}
    </span>
  );
}

export function CheatSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref);
  return (
    <dialog
      ref={ref}
      className="dialog cheat-sheet"
      aria-labelledby="cheat-sheet-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === ref.current && onClose()}
    >
      <header className="cheat-sheet-header">
        <h2 id="cheat-sheet-title">{t('polish.shortcuts.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('polish.shortcuts.close')} onClick={onClose} autoFocus>
          ×
        </button>
      </header>
      <div className="cheat-sheet-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`cheat-${group}`}>
            <h3 id={`cheat-${group}`}>{t(`polish.shortcuts.groups.${group}`)}</h3>
            <dl>
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <div key={`${group}-${s.id}`} className="cheat-row">
                  <dt>{t(`polish.shortcuts.actions.${s.id}`)}</dt>
                  <dd>
                    {s.keys.map((combo, i) => (
                      <span key={combo}>
                        {i > 0 && <span className="muted"> {t('polish.shortcuts.or')} </span>}
                        <Keys combo={combo} />
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
