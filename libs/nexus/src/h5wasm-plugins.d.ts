/** The part of h5wasm-plugins (which ships no types) that the runtime calls. */
declare module 'h5wasm-plugins' {
  /** Puts the package's own plugins folder first on the module's HDF5 plugin path. */
  export function install_local_plugins(module: {
    insert_plugin_search_path(path: string, index: number): number;
  }): void;
}
