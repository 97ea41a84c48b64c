/** Stylesheets are bundled by esbuild (scripts/build-ui.mjs); to the compiler they are only names. */
declare module '*.css';
