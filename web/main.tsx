import { render } from 'preact';
import { OVERSEERS } from '../domain/oversight';
import { useEffect, useState } from 'preact/hooks';
import { api, session } from './api';
import { ErrorPage } from './components/LoadState';
import { useNames } from './names';
import { setLang, t, useLang, type Word } from './i18n';
import { Entities, EntityPage } from './pages/Entities';
import { Inbox, TaskOversight } from './pages/Inbox';
import { Launch } from './pages/Launch';
import { Login } from './pages/Login';
import { Agreements, Powers } from './pages/Powers';
import { ProcessPage } from './pages/ProcessPage';
import { Penalties, PenaltyPage } from './pages/Penalties';
import { NotificationBell, NotificationCentre, Oversight } from './pages/Notifications';
import { Pilots } from './pages/Pilots';
import { Reform } from './pages/Reform';
import { Inspections, PublicInspections } from './pages/Inspections';
import { PublicCatalogPage } from './pages/PublicCatalog';
import { Organizations, Processes, ZonePage, Zones } from './pages/Registries';
import { Statistics } from './pages/Statistics';
import { TaskPage } from './pages/TaskPage';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return hash;
}

/** The menu: each entry's address and word, and the roles it is for when not everyone's. */
const NAV: [string, Word, (readonly string[])?][] = [
  ['#/inbox', 'inbox'],
  // The organisation's whole inbox: for those who oversee it (GET /api/tasks?view=oversight).
  ['#/task-oversight', 'taskOversight', OVERSEERS],
  ['#/oversight', 'oversight'],
  ['#/processes', 'processes'],
  ['#/launch', 'launch'],
  ['#/zones', 'zones'],
  ['#/powers', 'powers'],
  ['#/agreements', 'agreements'],
  ['#/entities', 'entities'],
  ['#/penalties', 'penalties'],
  ['#/statistics', 'statistics'],
  ['#/pilots', 'pilots'],
  ['#/reform', 'reform'],
  ['#/supervision', 'supervision'],
  ['#/organizations', 'organizations'],
];

function page(hash: string) {
  const [, section, id] = /^#\/([\w-]+)(?:\/(.+))?$/.exec(hash) ?? [];
  const param = id ? decodeURIComponent(id) : '';
  if (section === 'tasks' && param) return <TaskPage id={param} />;
  if (section === 'processes' && param) return <ProcessPage id={param} />;
  if (section === 'processes') return <Processes />;
  if (section === 'launch') return <Launch />;
  if (section === 'zones' && param) return <ZonePage code={param} />;
  if (section === 'zones') return <Zones />;
  if (section === 'organizations') return <Organizations />;
  if (section === 'powers') return <Powers />;
  if (section === 'agreements') return <Agreements />;
  if (section === 'entities' && param) return <EntityPage uscc={param} />;
  if (section === 'entities') return <Entities />;
  if (section === 'penalties' && param) return <PenaltyPage decisionNumber={param} />;
  if (section === 'penalties') return <Penalties />;
  if (section === 'statistics') return <Statistics />;
  if (section === 'pilots') return <Pilots />;
  if (section === 'reform') return <Reform />;
  if (section === 'supervision') return <Inspections />;
  if (section === 'public' && param === 'inspections') return <PublicInspections />;
  if (section === 'notifications') return <NotificationCentre />;
  if (section === 'oversight') return <Oversight />;
  if (section === 'task-oversight') return <TaskOversight />;
  if (!section || section === 'inbox' || section === 'login') return <Inbox />;
  // An address the console does not know: say so, rather than show the inbox as if it were asked for.
  return <ErrorPage error={{ status: 404, code: 'NOT_FOUND', message: '', fields: {} }} />;
}

/** The page's name for the window title: the menu entry the address falls under. */
function pageWord(hash: string): Word | undefined {
  const section = /^#\/([\w-]+)/.exec(hash)?.[1];
  if (section === 'tasks') return 'task';
  if (section === 'public') return hash === '#/public/inspections' ? 'publicInspections' : 'publicCatalog';
  if (section === 'notifications') return 'notifications';
  return NAV.find(([href]) => href === `#/${section}`)?.[1] ?? (section ? undefined : 'inbox');
}

/** Offline or online, as the browser knows it: a banner says that what is shown may be stale. */
function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function App() {
  const hash = useHash();
  const lang = useLang();
  const user = session.user();
  const online = useOnline();
  const names = useNames();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    // Each navigation: the title names the page, focus goes to the page's content, the phone menu closes.
    const word = pageWord(hash);
    document.title = `${word ? `${t(lang, word)} · ` : ''}${t(lang, 'appTitle')}`;
    setMenuOpen(false);
    document.getElementById('content')?.focus({ preventScroll: true });
  }, [hash, lang]);
  const switcher = (
    <button class="secondary" data-testid="language" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t(lang, 'language')}
    </button>
  );
  // The published catalogue is for everyone, signed in or not; everything else asks who is there.
  const publicPage = hash === '#/public/powers' || hash === '#/public/inspections';
  if (publicPage || !user || hash === '#/login') {
    return (
      <>
        <header>
          <h1>{t(lang, 'appTitle')}</h1>
          <span class="spacer" />
          {switcher}
        </header>
        <div id="content" tabIndex={-1}>
          {hash === '#/public/inspections' ? <PublicInspections /> : publicPage ? <PublicCatalogPage /> : <Login />}
        </div>
      </>
    );
  }
  return (
    <>
      <a class="skip" href="#content" onClick={(e) => (e.preventDefault(), document.getElementById('content')?.focus())}>
        {t(lang, 'skipToContent')}
      </a>
      <header>
        <h1>{t(lang, 'appTitle')}</h1>
        <button
          type="button"
          class="secondary menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t(lang, 'menu')}
        </button>
        <nav id="main-menu" aria-label={t(lang, 'menu')} class={menuOpen ? 'open' : ''}>
          {NAV.filter(([, , roles]) => !roles || roles.some((role) => user.roles.includes(role))).map(([href, word]) => (
            <a
              href={href}
              class={hash.startsWith(href) || (href === '#/inbox' && !hash) ? 'current' : ''}
              aria-current={hash.startsWith(href) ? 'page' : undefined}
            >
              {t(lang, word)}
            </a>
          ))}
        </nav>
        <NotificationBell />
        <span data-testid="who" class="who" title={user.orgId}>
          {user.username} · {names.org(lang, user.orgId)}
        </span>
        {switcher}
        <button
          class="secondary"
          data-testid="logout"
          onClick={() => {
            // The server revokes this token; the console forgets it even if the server cannot be reached.
            void api('POST', '/api/auth/logout', {})
              .catch(() => undefined)
              .finally(() => {
                session.clear();
                location.hash = '#/login';
              });
          }}
        >
          {t(lang, 'logout')}
        </button>
      </header>
      {!online && (
        <p class="error offline" role="status" data-testid="offline">
          {t(lang, 'offlineBanner')}
        </p>
      )}
      <div id="content" tabIndex={-1}>
        {page(hash)}
      </div>
    </>
  );
}

render(<App />, document.getElementById('app')!);
