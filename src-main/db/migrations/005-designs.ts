// Designs: user templates ("save as template") and linked copies from magic resize.
export const designsSchema = `
ALTER TABLE designs ADD COLUMN is_template INTEGER NOT NULL DEFAULT 0 CHECK (is_template IN (0, 1));
ALTER TABLE designs ADD COLUMN linked_from TEXT REFERENCES designs (id) ON DELETE SET NULL;
CREATE INDEX designs_by_link ON designs (linked_from);
`;
