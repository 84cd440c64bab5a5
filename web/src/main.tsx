/** The dashboard's entry: self-hosted fonts (Latin, Cyrillic, Arabic), styles, and the app. */
import '@fontsource-variable/noto-sans';
import '@fontsource-variable/noto-sans-arabic';
import './styles.css';
import { render } from 'preact';
import { App } from './app.js';

const root = document.getElementById('app');
if (root) render(<App />, root);
