// wawoff2 ships no types: its decoder takes WOFF2 bytes and resolves to TrueType/OpenType bytes.
declare module 'wawoff2/decompress.js' {
  const decompress: (woff2: Uint8Array) => Promise<Uint8Array>;
  export default decompress;
}
