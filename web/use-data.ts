import { useEffect, useRef, useState } from 'preact/hooks';
import { api, RequestFailed, type ApiError } from './api';

/**
 * Fetches a GET route; `reload` fetches it again, and so does the page every `refreshMs` while it is open.
 * A refresh is due `refreshMs` after the last answer came, never while a request is still out, and not
 * while the tab is hidden: a slow answer (a busy engine) then slows the polling instead of stacking
 * requests behind it.
 */
export function useData<T>(path: string | null, refreshMs?: number) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [answered, setAnswered] = useState(0);
  const shown = useRef(path);
  useEffect(() => {
    // Another address (the next process, another filter): what the last one showed is not this one's.
    if (shown.current !== path) {
      shown.current = path;
      setData(undefined);
      setError(undefined);
    }
    if (!path) return;
    let live = true;
    api<T>('GET', path)
      .then(
        (value) => live && (setData(value), setError(undefined)),
        (failure: unknown) =>
          live &&
          setError(failure instanceof RequestFailed ? failure.error : { status: 0, code: 'NETWORK', message: String(failure), fields: {} }),
      )
      .finally(() => live && setAnswered((n) => n + 1));
    return () => {
      live = false;
    };
  }, [path, version]);
  useEffect(() => {
    if (!refreshMs || !path) return;
    const refresh = () => setVersion((v) => v + 1);
    const timer = setTimeout(() => {
      if (document.visibilityState === 'hidden') document.addEventListener('visibilitychange', refresh, { once: true });
      else refresh();
    }, refreshMs);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [refreshMs, path, answered]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}
