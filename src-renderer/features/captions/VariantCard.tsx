// One network's variant of the caption: its own text (following the master until edited), live
// counter, diff against the master, reset, copy, preview, entity chips and problems.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snippet } from '../../../src-main/contract/api/captions';
import { NETWORK_RULES, type CaptionMeasure } from '../../../src-main/core/captions';
import type { NetworkId } from '../../../src-main/core/domain/posts';
import { CaptionEditor, Chips, Counter, Preview, Problems, type Misspellings } from '../../ui/caption-text/CaptionText';

export type Target = 'master' | NetworkId;
export interface VariantState {
  caption: string;
  followsMaster: boolean;
}

export function VariantCard(props: {
  network: NetworkId;
  variant: VariantState;
  master: string;
  measure: CaptionMeasure;
  snippets: readonly Snippet[];
  misspelled: Misspellings;
  expand(body: string): string;
  onChange(network: NetworkId, text: string): void;
  onReset(network: NetworkId): void;
  onCopy(network: NetworkId): void;
  onFocus(target: Target): void;
  registerInput(target: Target, el: HTMLTextAreaElement | null): void;
}) {
  const { t } = useTranslation();
  const { network, variant, measure } = props;
  const name = NETWORK_RULES[network].name;
  const [showDiff, setShowDiff] = useState(false);
  const titleId = useId();
  return (
    <article className="card variant-card" aria-labelledby={titleId} data-network={network}>
      <header className="variant-header">
        <h3 id={titleId}>{name}</h3>
        <Counter measure={measure} label={name} />
        <span className={`variant-status${variant.followsMaster ? '' : ' variant-edited'}`}>
          {variant.followsMaster ? t('captions.variant.follows') : t('captions.variant.edited')}
        </span>
        {!variant.followsMaster && (
          <>
            <button type="button" className="button" aria-pressed={showDiff} onClick={() => setShowDiff((s) => !s)}>
              {t('captions.variant.diff', { name })}
            </button>
            <button type="button" className="button" onClick={() => props.onReset(network)}>
              {t('captions.variant.reset', { name })}
            </button>
          </>
        )}
        <button type="button" className="button" onClick={() => props.onCopy(network)}>
          {t('captions.variant.copy', { name })}
        </button>
      </header>
      <CaptionEditor
        label={t('captions.variant.label', { name })}
        value={variant.caption}
        snippets={props.snippets}
        expand={props.expand}
        onChange={(text) => props.onChange(network, text)}
        onFocus={() => props.onFocus(network)}
        inputRef={(el) => props.registerInput(network, el)}
      />
      {showDiff && !variant.followsMaster && (
        <div className="variant-diff" role="group" aria-label={t('captions.variant.diffLabel', { name })}>
          <div>
            <div className="muted">{t('captions.variant.masterText')}</div>
            <p className="diff-master">{props.master}</p>
          </div>
          <div>
            <div className="muted">{t('captions.variant.variantText', { name })}</div>
            <p className="diff-variant">{variant.caption}</p>
          </div>
        </div>
      )}
      <Preview text={variant.caption} measure={measure} name={name} misspelled={props.misspelled} />
      <Chips measure={measure} name={name} />
      <Problems measure={measure} name={name} />
    </article>
  );
}
