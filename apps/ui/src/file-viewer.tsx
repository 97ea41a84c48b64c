/** The written file in H5Web, read in the browser by h5wasm from the downloaded bytes. */
import { App } from '@h5web/app';
import { H5WasmBufferProvider } from '@h5web/h5wasm';

export function FileViewer(props: { buffer: ArrayBuffer; filename: string }): React.JSX.Element {
  return (
    <section className="viewer" aria-label="NeXus file viewer">
      <H5WasmBufferProvider buffer={props.buffer} filename={props.filename}>
        <App />
      </H5WasmBufferProvider>
    </section>
  );
}
