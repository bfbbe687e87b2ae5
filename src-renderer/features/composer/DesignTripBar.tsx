// Shown over the editor while the user makes a design for a post being composed: where the post
// stands, and the way back to it (the composer reopens with the draft and the new design attached).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store';
import { clearDesignTrip, designTrip } from './design-trip';

export function DesignTripBar() {
  const { t } = useTranslation();
  const screen = useApp((s) => s.screen);
  const composerOpen = useApp((s) => s.composer !== null);
  const [dismissed, setDismissed] = useState(false);
  const trip = screen === 'editor' && !composerOpen && !dismissed ? designTrip() : null;
  if (!trip) return null;
  return (
    <div className="design-trip" role="region" aria-label={t('composer.trip.label')}>
      <span>{t('composer.trip.text', { title: trip.title })}</span>
      <button type="button" className="button button-primary" onClick={() => useApp.getState().openComposer({ kind: 'resume' })}>
        {t('composer.trip.back')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          clearDesignTrip();
          setDismissed(true);
        }}
      >
        {t('composer.trip.dismiss')}
      </button>
    </div>
  );
}
