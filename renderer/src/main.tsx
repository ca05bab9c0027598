import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-kr/400.css'; // Hangul: Noto Sans SC has none
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-hebrew/400.css';
// The scripts of styles/fontFaces.ts: each file loads only when its script is on the page (unicode-range).
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-bengali/400.css';
import '@fontsource/noto-sans-tamil/400.css';
import '@fontsource/noto-sans-telugu/400.css';
import '@fontsource/noto-sans-kannada/400.css';
import '@fontsource/noto-sans-malayalam/400.css';
import '@fontsource/noto-sans-gujarati/400.css';
import '@fontsource/noto-sans-gurmukhi/400.css';
import '@fontsource/noto-sans-oriya/400.css';
import '@fontsource/noto-sans-myanmar/400.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-sinhala/400.css';
import '@fontsource/noto-serif-tibetan/400.css';
import '@fontsource/noto-sans-mongolian/400.css';
import '@fontsource/noto-sans-georgian/400.css';
import '@fontsource/noto-sans-armenian/400.css';
import '@fontsource/noto-sans-ethiopic/400.css';
import '@fontsource/noto-sans-tifinagh/400.css';
import '@fontsource/noto-sans-thaana/400.css';
import '@fontsource/noto-sans-syriac/400.css';
import '@fontsource/noto-emoji/400.css';
import './styles/cjkExtension.css';
import './styles/flagEmoji.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { host } from './host/host';
import { forwardWorkerCspViolations } from './host/workerCspViolations';
import { startDiskGuard } from './store/diskGuard';
import { askBeforeClosingWithDrafts } from './cases/noteDrafts';
import { answerCaseDraftQuestions } from './cases/otherWindowsDrafts';

forwardWorkerCspViolations(host);
startDiskGuard(host);
askBeforeClosingWithDrafts();
answerCaseDraftQuestions();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
