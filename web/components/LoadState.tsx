import type { ApiError } from '../api';
import { refusalText, t, useLang } from '../i18n';

/** A page that cannot be shown: not allowed, not there, or the server out of reach; each with a way on. */
export function ErrorPage({ error, onRetry }: { error: ApiError; onRetry?(): void }) {
  const lang = useLang();
  const kind = error.status === 403 ? 'forbidden' : error.status === 404 ? 'notFound' : error.status === 0 ? 'offline' : 'failed';
  return (
    <main>
      <div class="card problem" role="alert" data-testid={`page-${kind}`}>
        <h2>{t(lang, `${kind}Title`)}</h2>
        <p>{t(lang, `${kind}Text`)}</p>
        {kind === 'failed' && <p class="muted">{refusalText(lang, error)}</p>}
        {/* The server's own reason why (a role or an organisation that is not this caller's). */}
        {kind === 'forbidden' && error.message && (
          <p class="muted" data-testid="forbidden-reason">
            {error.message}
          </p>
        )}
        <p class="way-back">
          <a href="#/inbox">{t(lang, 'backToInbox')}</a>
          <button type="button" class="secondary" onClick={() => history.back()}>
            {t(lang, 'goBack')}
          </button>
          {onRetry && (
            <button type="button" class="secondary" onClick={onRetry}>
              {t(lang, 'retry')}
            </button>
          )}
        </p>
      </div>
    </main>
  );
}

/**
 * What a list shows before and instead of its rows: loading, a failure in words with a retry, or that
 * there is nothing. Renders nothing once there is data to show.
 */
export function LoadState({ state, empty }: { state: { data?: unknown; error?: ApiError; reload(): void }; empty?: boolean }) {
  const lang = useLang();
  if (state.error && !state.data) {
    return (
      <p class="error" role="alert" data-testid="load-error">
        {refusalText(lang, state.error)}{' '}
        <button type="button" class="secondary" onClick={state.reload}>
          {t(lang, 'retry')}
        </button>
      </p>
    );
  }
  if (!state.data)
    return (
      <p class="muted" aria-busy="true" data-testid="loading">
        {t(lang, 'loading')}
      </p>
    );
  if (empty)
    return (
      <p class="muted" data-testid="empty">
        {t(lang, 'nothingHere')}
      </p>
    );
  return null;
}
