// The library grid: rows virtualised with @tanstack/react-virtual, so 10,000 assets cost a few
// dozen DOM nodes. Thumbnails are small WebPs made at import; the browser caches them for ever.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../../src-main/contract/api/library';
import { mediaPath, usageCount } from '../../../src-main/core/domain/assets';

const CELL = 156;
const GAP = 12;
const ROW = CELL + 44;

const AssetCell = memo(function AssetCell({ asset, selected, focusable, index, onSelect }: { asset: Asset; selected: boolean; focusable: boolean; index: number; onSelect(id: string, index: number): void }) {
  const { t } = useTranslation();
  const used = usageCount(asset);
  return (
    <button
      type="button"
      className="asset-cell"
      data-index={index}
      data-asset-id={asset.id}
      aria-pressed={selected}
      tabIndex={focusable ? 0 : -1}
      title={asset.name}
      onClick={() => onSelect(asset.id, index)}
    >
      <span className="asset-thumb">
        {asset.kind === 'image' ? (
          <img src={mediaPath('thumbs', asset.id)} alt="" loading="lazy" decoding="async" draggable={false} />
        ) : (
          <span className="asset-font" aria-hidden="true">
            Aa
          </span>
        )}
      </span>
      <span className="asset-name">{asset.name}</span>
      <span className="asset-meta muted">{used > 0 ? t('library.grid.used', { count: used }) : t('library.grid.unused')}</span>
    </button>
  );
});

export function AssetGrid({ assets, selectedId, onSelect }: { assets: Asset[]; selectedId: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const columns = Math.max(1, Math.floor((width + GAP) / (CELL + GAP)));
  const rows = Math.ceil(assets.length / columns);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({ count: rows, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 4 });
  const selectedIndex = selectedId ? assets.findIndex((a) => a.id === selectedId) : -1;
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    const cell = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${focusIndex}"]`);
    cell?.focus();
  });

  function select(id: string, index: number) {
    setFocusIndex(index);
    onSelect(id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = selectedIndex < 0 ? 0 : selectedIndex;
    const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns, Home: -current, End: assets.length - 1 - current };
    const delta = step[event.key];
    if (delta === undefined || assets.length === 0) return;
    event.preventDefault();
    const next = Math.min(assets.length - 1, Math.max(0, current + delta));
    virtualizer.scrollToIndex(Math.floor(next / columns));
    select(assets[next]!.id, next);
  }

  return (
    <div ref={scrollRef} className="asset-grid-scroll" role="region" aria-label={t('library.grid.label', { count: assets.length })} onKeyDown={onKeyDown} data-testid="asset-grid">
      <div className="asset-grid-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} className="asset-row" style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, ${CELL}px)` }}>
            {assets.slice(row.index * columns, row.index * columns + columns).map((asset, i) => {
              const index = row.index * columns + i;
              const selected = asset.id === selectedId;
              const focusable = selected || (selectedIndex < 0 && index === 0);
              return <AssetCell key={asset.id} asset={asset} index={index} selected={selected} focusable={focusable} onSelect={select} />;
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
