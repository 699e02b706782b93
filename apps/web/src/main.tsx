// Entry point: first-paint theme and language, then render. Everything heavy (engine, ethers,
// workbox-window, qrcode) is loaded later with dynamic import(); docs/web.md has the budget.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { bootstrap } from './app/bootstrap';
import { initI18n } from './i18n/i18n';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/onboarding.css';
import './styles/conversations.css';
import './styles/thread.css';
import './styles/settings.css';

const { services, language } = bootstrap();
await initI18n(language);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);
