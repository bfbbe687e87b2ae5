// Brand kit rows (one per client: palette, heading and body fonts, logos). The assets a kit uses are
// recorded as asset references (owner type brand_kit) by the asset service. Statements are prepared once.
import type { Db } from '../open';

export interface BrandKitRow {
  client_id: string;
  palette: string;
  heading_font: string | null;
  heading_font_asset: string | null;
  body_font: string | null;
  body_font_asset: string | null;
  logos: string;
  updated_at: number;
}

export function createBrandKitsRepository(db: Db) {
  const kitByClient = db.prepare<[string], BrandKitRow>('SELECT * FROM brand_kits WHERE client_id = ?');
  const upsertKit = db.prepare<BrandKitRow>(
    `INSERT INTO brand_kits (client_id, palette, heading_font, heading_font_asset, body_font, body_font_asset, logos, updated_at)
     VALUES (@client_id, @palette, @heading_font, @heading_font_asset, @body_font, @body_font_asset, @logos, @updated_at)
     ON CONFLICT (client_id) DO UPDATE SET palette = excluded.palette, heading_font = excluded.heading_font,
       heading_font_asset = excluded.heading_font_asset, body_font = excluded.body_font,
       body_font_asset = excluded.body_font_asset, logos = excluded.logos, updated_at = excluded.updated_at`,
  );

  return {
    get(clientId: string): BrandKitRow | undefined {
      return kitByClient.get(clientId);
    },
    save(row: BrandKitRow): void {
      upsertKit.run(row);
    },
  };
}
