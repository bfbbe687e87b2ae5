// The live preview: the post as each chosen network shows it (the same mock-up the content pack's
// preview page uses), one network at a time behind tabs, and under it the validation summary.
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORK_RULES } from '../../../src-main/core/captions';
import type { NetworkId } from '../../../src-main/core/domain/posts';
import type { PostCheck } from '../../../src-main/core/posts/checks';
import { MOCKUP_CSS, mockupHtml, type MockupInput } from '../../../src-main/core/posts/mockup';
import { NetworkIcon } from '../../ui/NetworkIcon';

let styled = false;
/** The mock-ups' stylesheet, adopted once by the document (it is shared with the pack's page, as text). */
function adoptMockupStyles(): void {
  if (styled || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(MOCKUP_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  styled = true;
}

/** `active`: the network the user is working on (its tab shows); a tab click chooses another. */
export function PreviewPane({ mockups, active, onActive }: { mockups: MockupInput[]; active: NetworkId | null; onActive(network: NetworkId): void }) {
  const { t } = useTranslation();
  const chosen = active;
  const setChosen = onActive;
  const tabsId = useId();
  useEffect(adoptMockupStyles, []);
  const current = mockups.find((m) => m.network === chosen) ?? mockups[0];
  const html = useMemo(
    () =>
      current
        ? mockupHtml(current, {
            more: t('composer.preview.more'),
            noPicture: t('composer.preview.noPicture'),
            label: (network) => t('composer.preview.label', { network }),
            picture: (n, count) => t('composer.preview.picture', { n, count }),
            carousel: (count) => t('composer.preview.carousel', { count }),
          })
        : '',
    [current, t],
  );
  if (!current) return <p className="muted composer-preview-empty">{t('composer.preview.none')}</p>;
  return (
    <div className="composer-preview">
      <div role="tablist" aria-label={t('composer.preview.tabs')} className="composer-tabs">
        {mockups.map((m) => (
          <button
            key={m.network}
            type="button"
            role="tab"
            id={`${tabsId}-${m.network}`}
            aria-selected={m.network === current.network}
            aria-controls={`${tabsId}-panel`}
            className="composer-tab"
            onClick={() => setChosen(m.network)}
          >
            <NetworkIcon network={m.network} />
            <span>{NETWORK_RULES[m.network].name}</span>
          </button>
        ))}
      </div>
      {/* Markup from core/posts/mockup.ts, where every value is escaped: the same HTML the pack's page shows. */}
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${current.network}`} className="composer-mock" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

export interface CheckGroup {
  network: NetworkId | null;
  checks: PostCheck[];
}

/** "Before you schedule": every error and warning, per network, in words. */
export function ChecksSummary({ groups, scheduling, id }: { groups: CheckGroup[]; scheduling: boolean; id: string }) {
  const { t } = useTranslation();
  const all = groups.flatMap((g) => g.checks);
  const errors = all.filter((c) => c.severity === 'error').length;
  const warnings = all.length - errors;
  const text = (c: PostCheck) => {
    const name = c.network ? NETWORK_RULES[c.network].name : '';
    const values = { ...c.values, name };
    return c.code.startsWith('media_') || c.code === 'no_networks' || c.code === 'no_time' || c.code === 'empty'
      ? t(`composer.checks.${c.code}`, values)
      : t(`captions.problems.${c.code}`, { ...values, defaultValue: t('composer.checks.caption', values) });
  };
  return (
    <section className="composer-checks" aria-labelledby={id}>
      <h3 id={id}>{scheduling ? t('composer.checks.titleScheduling') : t('composer.checks.title')}</h3>
      <p className={errors ? 'composer-checks-bad' : 'muted'} role="status">
        {errors ? t('composer.checks.errors', { count: errors }) : warnings ? t('composer.checks.onlyWarnings', { count: warnings }) : t('composer.checks.allGood')}
      </p>
      {all.length > 0 && (
        <ul className="composer-check-list">
          {groups
            .filter((g) => g.checks.length > 0)
            .flatMap((g) =>
              g.checks.map((c, i) => (
                <li key={`${g.network ?? 'post'}-${c.code}-${i}`} className={`composer-check composer-check-${c.severity}`} data-code={c.code}>
                  {g.network ? <NetworkIcon network={g.network} size={14} /> : null}
                  <span>
                    <span className="visually-hidden">{c.severity === 'error' ? t('composer.checks.error') : t('composer.checks.warning')} </span>
                    {g.network ? <strong>{NETWORK_RULES[g.network].name} · </strong> : null}
                    {text(c)}
                  </span>
                </li>
              )),
            )}
        </ul>
      )}
    </section>
  );
}
