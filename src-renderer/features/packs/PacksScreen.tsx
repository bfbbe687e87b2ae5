// Content packs: export a client's posts for review, import a pack, apply a client's decisions.
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../src-main/contract';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { PackExportCard } from './PackExportCard';
import { PackImportSections } from './PackImportSections';
import './packs.css';

export function PacksScreen({ clients }: { clients: Client[] }) {
  const { t } = useTranslation();
  if (clients.length === 0) {
    return (
      <section className="screen" aria-labelledby="packs-title">
        <ScreenHeader id="packs-title" title={t('packs.title')} />
        <div className="empty-state">
          <p>{t('packs.noClients')}</p>
        </div>
        <PackImportSections clients={clients} />
      </section>
    );
  }
  return (
    <section className="screen packs" aria-labelledby="packs-title">
      <ScreenHeader id="packs-title" title={t('packs.title')} intro={t('packs.intro')} />
      <PackExportCard clients={clients} />
      <PackImportSections clients={clients} />
    </section>
  );
}
