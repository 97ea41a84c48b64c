/** The web catalog: mounted once; everything else is in app.tsx. */
import { createRoot } from 'react-dom/client';
import '@h5web/app/styles.css';
import './styles.css';
import { App } from './app.js';

const root = document.getElementById('root');
if (root === null) throw new Error('the page has no #root');
createRoot(root).render(<App />);
