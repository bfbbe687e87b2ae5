// A network's mark, drawn inline so it renders the same everywhere (no icon font, no glyph that a
// system may lack). Decorative: whatever shows it also shows or speaks the network's name.
import { NETWORK_ICONS } from '../../src-main/core/posts/network-icons';
import type { NetworkId } from '../../src-main/core/domain/posts';

export function NetworkIcon({ network, size = 16, brand = false }: { network: NetworkId; size?: number; brand?: boolean }) {
  const icon = NETWORK_ICONS[network];
  return (
    <svg className="net-icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false" data-network={network}>
      <path fill={brand ? icon.color : 'currentColor'} fillRule="evenodd" d={icon.path} />
    </svg>
  );
}
