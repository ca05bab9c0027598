import { useEffect, useRef } from 'react';
import { startupSweep } from '../store/startupSweep';
import { CasesView } from '../views/cases/CasesView';
import { DatasetsView } from '../views/DatasetsView';
import { ExploreView } from '../views/explore/ExploreView';
import { ReportPage } from '../report/ReportPage';
import { NetworkView } from '../views/network/NetworkView';
import { decodeSegment, hrefFor, useRoute, VIEWS } from './routes';
import { ImportIndicator } from './ImportIndicator';
import { focusInView } from './focusIfLost';

export function App() {
  const route = useRoute();

  // Imports left 'running' by a killed page are deleted before anything else happens.
  useEffect(() => {
    void startupSweep();
  }, []);

  // Alt+1..4 jumps between the top-level views from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const view = VIEWS.find((v) => v.key === e.key);
      if (view) {
        e.preventDefault();
        location.hash = hrefFor(view.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A page change moves keyboard focus to the new page's heading (it fell to the page's body): the
  // heading marked data-route-focus (an account page, the accounts table, search), else the h1.
  // Not on the first load, and not once the user is typing in a field of the new page.
  const routeKey = route.view + '/' + route.rest.join('/');
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    // A new page starts at its top (the main area keeps its scroll otherwise: an account page opened
    // from far down the Overview would open halfway down, its heading out of sight).
    document.getElementById('main')?.scrollTo(0, 0);
    const wanted = route.view === 'explore' && ['accounts', 'account', 'search'].includes(route.rest[0] ?? '') ? '[data-route-focus]' : 'h1';
    let frame = 0;
    let raf = 0;
    const focusHeading = () => {
      if (document.activeElement?.matches('main input, main textarea, main select')) return;
      const main = document.getElementById('main');
      const target = main?.querySelector<HTMLElement>(wanted) ?? (frame > 120 ? main?.querySelector<HTMLElement>('h1') : null);
      if (target) {
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
        focusInView(target);
      } else if (frame++ <= 120) raf = requestAnimationFrame(focusHeading); // the page may still be loading its data
    };
    focusHeading();
    return () => cancelAnimationFrame(raf);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- routeKey names the route
  }, [routeKey]);

  // Each page names the window (the report names it itself) by its headings, as they come with its
  // data: "Accounts — Explore: ira_2018", "@name — Explore: …", a case's name; the view's name until then.
  // Followed as long as the page is shown: a case renamed later renames the window too.
  useEffect(() => {
    if (location.hash.startsWith('#/report/')) return;
    const label = VIEWS.find((v) => v.id === route.view)?.label ?? '';
    document.title = `${label} — Disclosure Workbench`;
    const main = document.getElementById('main');
    if (!main) return;
    let raf = 0;
    const name = () => {
      raf = 0;
      const parts = [main.querySelector('[data-route-focus]')?.textContent, main.querySelector('h1')?.textContent].map((t) => t?.trim()).filter((t): t is string => !!t);
      const title = parts.length ? [...new Set(parts), 'Disclosure Workbench'].join(' — ') : document.title;
      if (document.title !== title) document.title = title;
    };
    name();
    // At most once a frame, however many changes a frame brings (a table filling).
    const observer = new MutationObserver(() => void (raf ||= requestAnimationFrame(name)));
    observer.observe(main, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(raf);
    };
  }, [routeKey, route.view]);

  // The evidence report renders alone (no app chrome): it is the page that gets printed.
  if (location.hash.startsWith('#/report/')) return <ReportPage rest={location.hash.slice(9).split('/').filter(Boolean).map(decodeSegment)} />;

  return (
    <div className="app">
      {/* Not an href="#main" jump: the hash is the router's (it would leave the view for Datasets). */}
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="app-header">
        <span className="app-title">Disclosure Workbench</span>
        <nav aria-label="Main">
          <ul className="nav-list">
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a href={hrefFor(v.id)} aria-current={route.view === v.id ? 'page' : undefined} title={`${v.label} (Alt+${v.key})`} aria-keyshortcuts={`Alt+${v.key}`}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <ImportIndicator here={route.view === 'datasets'} />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {route.view === 'datasets' && <DatasetsView />}
        {route.view === 'explore' && <ExploreView rest={route.rest} />}
        {route.view === 'network' && <NetworkView />}
        {route.view === 'cases' && <CasesView rest={route.rest} />}
      </main>
    </div>
  );
}
