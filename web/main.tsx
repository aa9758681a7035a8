import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session } from './api';
import { setLang, t, useLang, type Word } from './i18n';
import { Entities, EntityPage } from './pages/Entities';
import { Inbox } from './pages/Inbox';
import { Launch } from './pages/Launch';
import { Login } from './pages/Login';
import { Agreements, Powers } from './pages/Powers';
import { ProcessPage } from './pages/ProcessPage';
import { Penalties, PenaltyPage } from './pages/Penalties';
import { Pilots } from './pages/Pilots';
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

const NAV: [string, Word][] = [
  ['#/inbox', 'inbox'],
  ['#/processes', 'processes'],
  ['#/launch', 'launch'],
  ['#/zones', 'zones'],
  ['#/powers', 'powers'],
  ['#/agreements', 'agreements'],
  ['#/entities', 'entities'],
  ['#/penalties', 'penalties'],
  ['#/statistics', 'statistics'],
  ['#/pilots', 'pilots'],
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
  return <Inbox />;
}

function App() {
  const hash = useHash();
  const lang = useLang();
  const user = session.user();
  const switcher = (
    <button class="secondary" data-testid="language" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t(lang, 'language')}
    </button>
  );
  if (!user || hash === '#/login') {
    return (
      <>
        <header>
          <h1>{t(lang, 'appTitle')}</h1>
          <nav />
          {switcher}
        </header>
        <Login />
      </>
    );
  }
  return (
    <>
      <header>
        <h1>{t(lang, 'appTitle')}</h1>
        <nav>
          {NAV.map(([href, word]) => (
            <a href={href} class={hash.startsWith(href) ? 'current' : ''}>
              {t(lang, word)}
            </a>
          ))}
        </nav>
        <span data-testid="who">
          {user.username} · {user.orgId}
        </span>
        {switcher}
        <button
          class="secondary"
          onClick={() => {
            session.clear();
            location.hash = '#/login';
          }}
        >
          {t(lang, 'logout')}
        </button>
      </header>
      {page(hash)}
    </>
  );
}

render(<App />, document.getElementById('app')!);
