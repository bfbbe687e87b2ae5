// A grid of design thumbnails: the Editor's designs gallery, and any screen that lets people pick a
// design (a post composer). Each card shows the first page (rendered by the host on first use and
// cached per save), the name and the size; what a card offers besides opening is up to the caller.
import type { ReactNode } from 'react';
import type { DesignSummary } from '../../src-main/contract/api/designs';
import './design-grid.css';

export interface DesignGridProps {
  designs: readonly DesignSummary[];
  /** The accessible name of the grid ("Your designs", "Choose a design"). */
  label: string;
  /** Opening (or picking) a design: a click on its thumbnail. */
  onOpen(design: DesignSummary): void;
  /** The name as shown (a default name translated, for instance); the stored name otherwise. */
  displayName?(design: DesignSummary): string;
  /** Second line under the name (size, date…). */
  meta?(design: DesignSummary): ReactNode;
  /** Buttons or a menu under each card (rename, duplicate, delete…). */
  actions?(design: DesignSummary): ReactNode;
  /** The design to mark as chosen (a picker). */
  selectedId?: string | null;
  /** What the open button says to assistive tech ("Open {{name}}"). */
  openLabel(name: string): string;
}

export function DesignGrid(props: DesignGridProps) {
  const name = (d: DesignSummary) => props.displayName?.(d) ?? d.name;
  return (
    <ul className="design-grid" aria-label={props.label}>
      {props.designs.map((d) => (
        <li key={d.id} className={`design-card${props.selectedId === d.id ? ' selected' : ''}`} data-design-id={d.id}>
          <button type="button" className="design-card-open" onClick={() => props.onOpen(d)} aria-label={props.openLabel(name(d))} aria-pressed={props.selectedId === undefined ? undefined : props.selectedId === d.id}>
            {d.thumbnail && <img className="design-card-thumb" src={d.thumbnail} alt="" loading="lazy" decoding="async" draggable={false} />}
          </button>
          <span className="design-card-name" translate="no" title={name(d)}>
            {name(d)}
          </span>
          {props.meta && <span className="design-card-meta">{props.meta(d)}</span>}
          {props.actions && <span className="design-card-actions">{props.actions(d)}</span>}
        </li>
      ))}
    </ul>
  );
}
