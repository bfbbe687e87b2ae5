// Metadata out of a JPEG without re-encoding it: the segments that carry pictures, tables and colour
// (JFIF, ICC profile, Adobe, quantisation, Huffman, frame, scans) are copied byte for byte; EXIF,
// XMP, IPTC/Photoshop, MPF, comments, any other APPn and data after the end marker are dropped.
// Lossless and fast (no decode). The orientation survives as a one-tag EXIF block.

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** APPn segments worth keeping: they describe how to show the pixels, never where or who. */
function keepApp(marker: number, bytes: Uint8Array, payload: number): boolean {
  if (marker === 0xe0) return startsWith(bytes, payload, 'JFIF\0');
  if (marker === 0xe2) return startsWith(bytes, payload, 'ICC_PROFILE\0');
  if (marker === 0xee) return startsWith(bytes, payload, 'Adobe');
  return false;
}

/** An APP1 EXIF block holding only the Orientation tag (big-endian TIFF, one IFD entry). */
export function orientationExif(orientation: number): Buffer {
  const seg = Buffer.alloc(36);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(34, 2); // length counts itself: 2 + "Exif\0\0" + 26 bytes of TIFF
  seg.write('Exif\0\0', 4, 'latin1');
  seg.write('MM', 10, 'latin1');
  seg.writeUInt16BE(42, 12);
  seg.writeUInt32BE(8, 14); // IFD0 right after the header
  seg.writeUInt16BE(1, 18); // one entry
  seg.writeUInt16BE(0x0112, 20); // Orientation
  seg.writeUInt16BE(3, 22); // SHORT
  seg.writeUInt32BE(1, 24);
  seg.writeUInt16BE(orientation, 28);
  seg.writeUInt32BE(0, 32); // no next IFD
  return seg;
}

/**
 * The JPEG without its metadata, or null when its layout is not the expected one (the caller then
 * re-encodes). `orientation` (EXIF 1–8, from the header read beforehand) is written back when not 1.
 */
export function stripJpegMetadata(bytes: Uint8Array, orientation = 1): Buffer | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let exifWritten = orientation === 1;
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    while (bytes[pos + 1] === 0xff) pos++; // fill bytes
    const marker = bytes[pos + 1];
    if (marker === undefined) return null;
    if (marker === EOI) {
      out.push(bytes.subarray(pos, pos + 2));
      return Buffer.concat(out); // whatever follows (camera trailers, MPF images) stays behind
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(bytes.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > bytes.length) return null;
    const end = pos + 2 + ((bytes[pos + 2]! << 8) | bytes[pos + 3]!);
    if (end > bytes.length || end < pos + 4) return null;
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = isApp ? keepApp(marker, bytes, pos + 4) : marker !== COM;
    // The orientation goes after a leading JFIF block (or first), before tables and frame.
    if (!exifWritten && !(marker === 0xe0 && keep)) {
      out.push(orientationExif(orientation));
      exifWritten = true;
    }
    if (keep) out.push(bytes.subarray(pos, end));
    pos = end;
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker that is neither stuffing (FF00) nor a restart.
      let next = pos;
      while (next + 1 < bytes.length && !(bytes[next] === 0xff && bytes[next + 1] !== 0 && !(bytes[next + 1]! >= 0xd0 && bytes[next + 1]! <= 0xd7))) next++;
      if (next + 1 >= bytes.length) return null;
      out.push(bytes.subarray(pos, next));
      pos = next;
    }
  }
  return null;
}
