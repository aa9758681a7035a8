import { useState } from 'preact/hooks';
import { api, RequestFailed, session, type User } from '../api';
import { refusalText, t, useLang } from '../i18n';

export function Login() {
  const lang = useLang();
  const [error, setError] = useState('');
  return (
    <main>
      <div class="card" style="max-width: 24rem; margin: 3rem auto">
        <h2>{t(lang, 'appTitle')}</h2>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            try {
              const result = await api<{ token: string; user: User }>('POST', '/api/auth/login', {
                username: form.get('username'),
                password: form.get('password'),
              });
              session.save(result.user);
              location.hash = '#/inbox';
            } catch (failure) {
              // Said in the console's language; the server's words only where they add a reason.
              const status = failure instanceof RequestFailed ? failure.error.status : 0;
              setError(
                status === 401
                  ? t(lang, 'wrongLogin')
                  : refusalText(lang, failure instanceof RequestFailed ? failure.error : { status: 0, message: '' }),
              );
            }
          }}
        >
          <label>
            {t(lang, 'username')}
            <input name="username" autoComplete="username" placeholder="ftz.staff" />
          </label>
          <label>
            {t(lang, 'password')}
            <input name="password" type="password" autoComplete="current-password" />
          </label>
          {error && (
            <p class="error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <p>
            <button type="submit">{t(lang, 'login')}</button>
          </p>
        </form>
        <p>
          <a href="#/public/powers" data-testid="public-catalog-link">
            {t(lang, 'publicCatalog')}
          </a>
          {' · '}
          <a href="#/public/inspections" data-testid="public-inspections-link">
            {t(lang, 'publicInspections')}
          </a>
        </p>
      </div>
    </main>
  );
}
