// The title row of a screen (or of a section in one): its heading, an optional line under it, and
// the screen's main actions on the right.
import type { ReactNode } from 'react';

export function ScreenHeader({ id, title, intro, level = 1, children }: { id?: string; title: string; intro?: string; level?: 1 | 2; children?: ReactNode }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <header className="screen-header">
      <div>
        <Heading id={id}>{title}</Heading>
        {intro && <p className="muted">{intro}</p>}
      </div>
      {children}
    </header>
  );
}
