/** Entry point of the web app (`scaleplan serve`, or any static host of dist/web). */
import { render } from 'preact';
import { App } from './app.js';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
