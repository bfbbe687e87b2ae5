// The composer's first section: client (for a new post), title, networks, date and time in the
// client's zone, status, labels and campaign.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import { NETWORK_RULES } from '../../../src-main/core/captions';
import { NETWORKS, type PostStatus } from '../../../src-main/core/domain/posts';
import { ClientOptions } from '../../ui/ClientOptions';
import { NetworkIcon } from '../../ui/NetworkIcon';
import { toggleNetwork, type PostDraft } from './draft';
import { WhenFields } from './WhenFields';

export function PostBasics({
  draft,
  clients,
  statuses,
  zone,
  update,
}: {
  draft: PostDraft;
  clients: readonly Client[];
  statuses: readonly PostStatus[];
  zone: string | null;
  update(patch: Partial<PostDraft> | ((d: PostDraft) => PostDraft)): void;
}) {
  const { t } = useTranslation();
  const ids = { title: useId(), client: useId(), status: useId(), labels: useId(), campaign: useId(), networks: useId() };
  return (
    <section className="composer-section composer-basics">
      {!draft.postId && (
        <div className="composer-field">
          <label htmlFor={ids.client}>{t('composer.client')}</label>
          <select
            id={ids.client}
            value={draft.clientId ?? ''}
            onChange={(e) => update({ clientId: e.target.value || null, networks: draft.networks.map((n) => ({ ...n, designId: null, pageIndex: null })) })}
            required
          >
            <ClientOptions clients={clients} empty={t('composer.chooseClient')} />
          </select>
        </div>
      )}
      <div className="composer-field composer-title">
        <label htmlFor={ids.title}>{t('composer.title')}</label>
        <input id={ids.title} value={draft.title} maxLength={200} placeholder={t('composer.titlePlaceholder')} onChange={(e) => update({ title: e.target.value })} autoFocus={!draft.postId} />
      </div>
      <fieldset className="composer-networks">
        <legend id={ids.networks}>{t('composer.networks')}</legend>
        <div className="composer-chips">
          {NETWORKS.map((n) => {
            const on = draft.networks.some((d) => d.network === n);
            return (
              <button key={n} type="button" className="net-chip" aria-pressed={on} data-network={n} onClick={() => update((d) => toggleNetwork(d, n, !on))}>
                <NetworkIcon network={n} />
                {NETWORK_RULES[n].name}
              </button>
            );
          })}
        </div>
      </fieldset>
      <WhenFields
        date={draft.date}
        time={draft.time}
        zone={zone}
        onChange={(patch) =>
          update((d) => {
            const next = { ...d, ...patch };
            // Without a date nothing can stay scheduled.
            return next.date === '' && next.status === 'scheduled' ? { ...next, status: d.savedStatus === 'scheduled' ? 'draft' : (d.savedStatus ?? 'draft') } : next;
          })
        }
      />
      <div className="composer-row">
        <div className="composer-field">
          <label htmlFor={ids.status}>{t('composer.status')}</label>
          <select id={ids.status} value={draft.status} onChange={(e) => update({ status: e.target.value as PostStatus })}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`calendar.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="composer-field">
          <label htmlFor={ids.labels}>{t('composer.labels')}</label>
          <input
            id={ids.labels}
            defaultValue={draft.labels.join(', ')}
            placeholder={t('composer.labelsPlaceholder')}
            onChange={(e) => update({ labels: [...new Set(e.target.value.split(',').map((l) => l.trim()).filter(Boolean))] })}
          />
        </div>
        <div className="composer-field">
          <label htmlFor={ids.campaign}>{t('composer.campaign')}</label>
          <input id={ids.campaign} value={draft.campaign} maxLength={200} onChange={(e) => update({ campaign: e.target.value })} />
        </div>
      </div>
    </section>
  );
}
