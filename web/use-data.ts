import { useEffect, useRef, useState } from 'preact/hooks';
import { api, RequestFailed, type ApiError } from './api';

/** Fetches a GET route; `reload` fetches it again, and so does every `refreshMs` while the page is open. */
export function useData<T>(path: string | null, refreshMs?: number) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [version, setVersion] = useState(0);
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
    api<T>('GET', path).then(
      (value) => live && (setData(value), setError(undefined)),
      (failure: unknown) =>
        live &&
        setError(failure instanceof RequestFailed ? failure.error : { status: 0, code: 'NETWORK', message: String(failure), fields: {} }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => setVersion((v) => v + 1), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return { data, error, reload: () => setVersion((v) => v + 1) };
}
