// Schema v4: the media and brand library. Tags per asset, the font family of imported fonts, and
// one brand kit per client (palette, heading/body fonts, logos). Logos and kit fonts are also
// recorded in `asset_refs` (owner_type 'brand_kit', owner_id = client id) so "where used" and gc see them.
export const librarySchema = /* sql */ `
ALTER TABLE assets ADD COLUMN font_family TEXT;
CREATE INDEX assets_by_created ON assets (created_at);
CREATE INDEX assets_by_client ON assets (client_id);

CREATE TABLE asset_tags (
  asset_sha256 TEXT NOT NULL REFERENCES assets (sha256) ON DELETE CASCADE,
  tag          TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
  PRIMARY KEY (asset_sha256, tag)
);
CREATE INDEX asset_tags_by_tag ON asset_tags (tag);

CREATE TABLE brand_kits (
  client_id          TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  palette            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(palette)),
  heading_font       TEXT,
  heading_font_asset TEXT REFERENCES assets (sha256) ON DELETE SET NULL,
  body_font          TEXT,
  body_font_asset    TEXT REFERENCES assets (sha256) ON DELETE SET NULL,
  logos              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(logos)),
  updated_at         INTEGER NOT NULL
);
`;
