// Files wrangler bundles as Data modules (wrangler.toml [[rules]]): their default export is the bytes.
declare module "*.ttf" {
  const bytes: ArrayBuffer;
  export default bytes;
}
declare module "*.icc" {
  const bytes: ArrayBuffer;
  export default bytes;
}
