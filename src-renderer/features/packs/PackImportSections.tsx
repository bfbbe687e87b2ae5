// Packs coming back: a pack imported (into its own client, one chosen, or a new one), and the
// decisions a client recorded in a pack's preview applied to the posts.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import type { DecisionsReport, PackImportReport } from '../../../src-main/contract/api/packs';
import { ClientOptions } from '../../ui/ClientOptions';
import { errorMessage } from '../../app/errors';
import { useHost } from '../../app/host-context';
import { translateMessage } from '../../app/messages';
import { useApp } from '../../app/store';
import { FileButton } from './FileButton';
import { TranslatedNotes } from './TranslatedNotes';
import { pickPath, uploadPack } from './transfer';

type Target = 'auto' | 'client' | 'new';

export function PackImportSections({ clients }: { clients: Client[] }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const toast = useApp((s) => s.toast);
  const appClientId = useApp((s) => s.clientId);
  const [target, setTarget] = useState<Target>('auto');
  const [targetClient, setTargetClient] = useState(appClientId ?? clients[0]?.id ?? '');
  const [imported, setImported] = useState<PackImportReport | null>(null);
  const [decided, setDecided] = useState<DecisionsReport | null>(null);
  const [busy, setBusy] = useState<'import' | 'decisions' | null>(null);
  const ids = { targetClient: useId() };
  const desktop = host.kind === 'electron';

  useEffect(() => {
    if (!targetClient && clients[0]) setTargetClient(clients[0].id);
  }, [clients, targetClient]);

  const importTarget = () => (target === 'client' ? { clientId: targetClient } : target === 'new' ? { asNewClient: true } : {});

  async function importPack(file?: File): Promise<void> {
    setBusy('import');
    setImported(null);
    try {
      let report: PackImportReport;
      if (file) report = await uploadPack(file, importTarget());
      else {
        const picked = await pickPath(host, 'zip', t('packs.import.pickTitle'));
        if (!picked) return;
        report = await host.invoke('packs.import', { file: picked, ...importTarget() });
      }
      setImported(report);
      toast({ tone: 'info', message: t('packs.import.done', { count: report.posts, client: report.clientName }) });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  }

  async function applyDecisions(file?: File): Promise<void> {
    setBusy('decisions');
    setDecided(null);
    try {
      let report: DecisionsReport;
      if (file) report = await host.invoke('packs.applyDecisions', { text: await file.text() });
      else {
        const picked = await pickPath(host, 'json', t('packs.decisions.pickTitle'));
        if (!picked) return;
        report = await host.invoke('packs.applyDecisions', { file: picked });
      }
      setDecided(report);
      toast({ tone: 'info', message: t('packs.decisions.done', { count: report.applied.length }) });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <section className="packs-card" aria-labelledby="packs-import-title">
        <h2 id="packs-import-title">{t('packs.import.title')}</h2>
        <p className="muted">{t('packs.import.intro')}</p>
        <fieldset className="packs-fieldset">
          <legend>{t('packs.import.target')}</legend>
          <label>
            <input type="radio" name="packs-target" checked={target === 'auto'} onChange={() => setTarget('auto')} /> {t('packs.import.targetAuto')}
          </label>
          {clients.length > 0 && (
            <label>
              <input type="radio" name="packs-target" checked={target === 'client'} onChange={() => setTarget('client')} /> {t('packs.import.targetClient')}
            </label>
          )}
          <label>
            <input type="radio" name="packs-target" checked={target === 'new'} onChange={() => setTarget('new')} /> {t('packs.import.targetNew')}
          </label>
          {target === 'client' && (
            <div className="packs-field">
              <label htmlFor={ids.targetClient}>{t('packs.import.client')}</label>
              <select id={ids.targetClient} value={targetClient} onChange={(e) => setTargetClient(e.target.value)}>
                <ClientOptions clients={clients} />
              </select>
            </div>
          )}
        </fieldset>
        <div className="packs-actions">
          <FileButton label={busy === 'import' ? t('packs.import.running') : t('packs.import.button')} accept=".zip,application/zip" primary disabled={busy !== null} native={desktop ? () => void importPack() : null} onFile={(f) => void importPack(f)} />
        </div>
        {imported && (
          <div role="status" className="packs-report">
            <p>{t('packs.import.report', { count: imported.posts, client: imported.clientName, designs: imported.designs, added: imported.assetsAdded, present: imported.assetsAlreadyPresent })}</p>
            {imported.skippedPosts.length > 0 && <p className="muted">{t('packs.import.skipped', { count: imported.skippedPosts.length })}</p>}
            <TranslatedNotes messages={imported.warnings} />
          </div>
        )}
      </section>
      <section className="packs-card" aria-labelledby="packs-decisions-title">
        <h2 id="packs-decisions-title">{t('packs.decisions.title')}</h2>
        <p className="muted">{t('packs.decisions.intro')}</p>
        <div className="packs-actions">
          <FileButton label={t('packs.decisions.button')} accept=".json,application/json" disabled={busy !== null} native={desktop ? () => void applyDecisions() : null} onFile={(f) => void applyDecisions(f)} />
        </div>
        {decided && (
          <div role="status" className="packs-report">
            <ul>
              {decided.applied.map((a) => (
                <li key={a.postId}>
                  {a.from === a.to
                    ? t('packs.decisions.unchanged', { title: a.title, status: t(`packs.status.${a.to}`) })
                    : t('packs.decisions.applied', { title: a.title, from: t(`packs.status.${a.from}`), to: t(`packs.status.${a.to}`) })}
                  {a.comment && <q>{a.comment}</q>}
                </li>
              ))}
              {decided.skipped.map((s) => (
                <li key={s.postId} className="muted">
                  {t('packs.decisions.skipped', { title: s.title || t('packs.decisions.unknownPost'), reason: translateMessage(t, i18n.language, s.reason) })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </>
  );
}
