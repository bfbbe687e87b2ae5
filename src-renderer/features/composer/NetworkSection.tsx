// One network of the post in the composer: its own caption or the master's, its counter and
// problems, its picture (MediaPicker) and its first comment.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORK_RULES, type CaptionMeasure } from '../../../src-main/core/captions';
import type { NetworkId } from '../../../src-main/core/domain/posts';
import { NetworkIcon } from '../../ui/NetworkIcon';
import { CaptionEditor, Chips, Counter, Problems } from '../../ui/caption-text/CaptionText';
import type { NetworkDraft, PostDraft } from './draft';
import { MediaPicker } from './MediaPicker';
import type { ComposerData } from './use-composer-data';

export function NetworkSection({
  network: n,
  draft,
  measure,
  data,
  expand,
  update,
  updateNetwork,
  onFocus,
  onNewDesign,
  onPhotos,
}: {
  network: NetworkDraft;
  draft: PostDraft;
  measure: CaptionMeasure | undefined;
  data: ComposerData;
  expand(body: string): string;
  update(patch: (d: PostDraft) => PostDraft): void;
  updateNetwork(network: NetworkId, patch: Partial<NetworkDraft>): void;
  onFocus(): void;
  onNewDesign(): void;
  onPhotos(assetIds: string[]): Promise<void>;
}) {
  const { t } = useTranslation();
  const name = NETWORK_RULES[n.network].name;
  return (
    <section className="composer-section composer-network" data-network={n.network} aria-label={name} onFocus={onFocus}>
      <div className="composer-section-head">
        <h3>
          <NetworkIcon network={n.network} brand /> {name}
        </h3>
        {measure && <Counter measure={measure} label={name} />}
        <label className="composer-check-label">
          <input
            type="checkbox"
            checked={!n.followsMaster}
            onChange={(e) => updateNetwork(n.network, e.target.checked ? { followsMaster: false, caption: draft.master } : { followsMaster: true })}
          />
          {t('composer.ownCaption', { network: name })}
        </label>
      </div>
      {!n.followsMaster && (
        <CaptionEditor
          label={t('composer.variantLabel', { network: name })}
          value={n.caption}
          snippets={data.snippets}
          expand={expand}
          onChange={(caption) => updateNetwork(n.network, { caption })}
        />
      )}
      {measure && <Chips measure={measure} name={name} />}
      {measure && <Problems measure={measure} name={name} />}
      <MediaPicker
        network={n.network}
        networkName={name}
        draft={n}
        clientId={draft.clientId}
        designs={data.designs}
        previews={data.previews}
        canShare={draft.networks.length > 1}
        onAttach={(designId, pageIndex) => updateNetwork(n.network, { designId, pageIndex })}
        onRemove={() => updateNetwork(n.network, { designId: null, pageIndex: null })}
        onUseEverywhere={() => update((d) => ({ ...d, networks: d.networks.map((x) => ({ ...x, designId: n.designId, pageIndex: n.pageIndex })) }))}
        onNewDesign={onNewDesign}
        onPhotos={onPhotos}
      />
      <FirstComment value={n.firstComment} network={name} onChange={(firstComment) => updateNetwork(n.network, { firstComment })} />
    </section>
  );
}

function FirstComment({ value, network, onChange }: { value: string; network: string; onChange(text: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(value !== '');
  if (!open) {
    return (
      <button type="button" className="button button-ghost composer-add-comment" onClick={() => setOpen(true)}>
        {t('composer.firstComment.add')}
      </button>
    );
  }
  return (
    <div className="composer-field">
      <label htmlFor={id}>{t('composer.firstComment.label', { network })}</label>
      <textarea id={id} className="caption-textarea" rows={2} value={value} maxLength={10_000} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
