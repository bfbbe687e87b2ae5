declare module 'wawoff2/decompress.js' {
  /** WOFF2 → TrueType/OpenType bytes (Google's woff2 compiled to WebAssembly). */
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
