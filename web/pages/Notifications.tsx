import { useEffect, useState } from 'preact/hooks';
import { api, RequestFailed, session } from '../api';
import { LoadState } from '../components/LoadState';
import { formatDate, refusalText, t, useLang, type Word } from '../i18n';
import { useNames } from '../names';
import { useData } from '../use-data';

export interface Notification {
  id: string;
  processId: string;
  processTitle: string;
  kind: 'reminder' | 'escalation' | 'task';
  kindLabel: string;
  message: string;
  at: string;
  readAt: string | null;
  readBy: string | null;
  deliveries: { channel: string; target: string; status: 'PENDING' | 'SENT' | 'FAILED'; attempts: number; lastError: string | null }[];
}

/** Tells the header's count that something was read. */
export const NOTIFICATIONS_CHANGED = 'collab-zones:notifications-changed';

const KIND_BADGE: Record<Notification['kind'], string> = { escalation: 'overdue', reminder: '', task: 'done' };

/** The organisation's notifications: reminders, escalations and new tasks, unread first in weight, each linked to its process. */
export function NotificationCentre() {
  const lang = useLang();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [failure, setFailure] = useState('');
  const list = useData<{ unread: number; items: Notification[] }>(
    `/api/notifications?lang=${lang}&limit=200${unreadOnly ? '&unread=true' : ''}`,
    10_000,
  );
  const { data } = list;
  async function markRead(id: string) {
    try {
      await api('POST', `/api/notifications/${id}/read`, {});
      setFailure('');
      list.reload();
      dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
    } catch (error) {
      setFailure(error instanceof RequestFailed ? refusalText(lang, error.error) : String(error));
    }
  }
  return (
    <main>
      <div class="filters">
        <span data-testid="unread-count">{data ? t(lang, 'unreadCount', { n: data.unread }) : ''}</span>
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} /> {t(lang, 'onlyUnread')}
        </label>
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <div class="card">
        {!data ? (
          <LoadState state={list} />
        ) : data.items.length === 0 ? (
          <p class="muted">{t(lang, 'noNotifications')}</p>
        ) : (
          <table data-testid="notifications">
            <thead>
              <tr>
                <th>{t(lang, 'notificationKind')}</th>
                <th>{t(lang, 'notificationMessage')}</th>
                <th>{t(lang, 'process')}</th>
                <th>{t(lang, 'notificationAt')}</th>
                <th>{t(lang, 'deliveries')}</th>
                <th>{t(lang, 'status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((n) => (
                <tr data-notification={n.id} data-kind={n.kind} class={n.readAt ? 'muted' : ''}>
                  <td>
                    <span class={`badge ${KIND_BADGE[n.kind]}`}>{n.kindLabel}</span>
                  </td>
                  <td>{n.message}</td>
                  <td>
                    <a href={`#/processes/${encodeURIComponent(n.processId)}`} title={n.processId}>
                      {n.processTitle || n.processId}
                    </a>
                  </td>
                  <td>{formatDate(lang, n.at)}</td>
                  <td data-testid="deliveries">
                    {n.deliveries.map((d) => (
                      <div data-channel={d.channel} data-status={d.status} title={d.lastError ?? d.target}>
                        {t(lang, `channel_${d.channel}` as Word)}：{t(lang, `delivery_${d.status}` as Word)}
                        {d.attempts > 1 || d.status !== 'SENT' ? `（${t(lang, 'deliveryAttempts', { n: d.attempts })}）` : ''}
                      </div>
                    ))}
                  </td>
                  <td>
                    {n.readAt ? (
                      <span title={`${n.readBy ?? ''} ${formatDate(lang, n.readAt)}`}>{t(lang, 'notificationRead')}</span>
                    ) : (
                      <button type="button" class="secondary" onClick={() => void markRead(n.id)}>
                        {t(lang, 'markRead')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {session.user()?.roles.includes('admin') && <Channels />}
    </main>
  );
}

interface ChannelList {
  items: { channel: 'email' | 'webhook'; target: string; enabled: boolean; sent: number; pending: number; failed: number }[];
}

/** An admin sets where the organisation's notifications go besides the console. */
function Channels() {
  const lang = useLang();
  const channels = useData<ChannelList>('/api/notification-channels');
  const current = (channel: 'email' | 'webhook') => channels.data?.items.find((c) => c.channel === channel && c.enabled);
  const [email, setEmail] = useState<string | undefined>(undefined);
  const [webhook, setWebhook] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; fields: Record<string, string> } | undefined>();
  async function save(event: Event) {
    event.preventDefault();
    const value = (typed: string | undefined, channel: 'email' | 'webhook') => {
      const text = (typed ?? current(channel)?.target ?? '').trim();
      return text ? text : null;
    };
    try {
      await api('POST', '/api/notification-channels', { email: value(email, 'email'), webhook: value(webhook, 'webhook') });
      setOutcome({ ok: true, text: t(lang, 'channelsSaved'), fields: {} });
      channels.reload();
    } catch (error) {
      if (error instanceof RequestFailed) setOutcome({ ok: false, text: refusalText(lang, error.error), fields: error.error.fields });
      else setOutcome({ ok: false, text: String(error), fields: {} });
    }
  }
  if (!channels.data) return <LoadState state={channels} />;
  const counts = (channel: 'email' | 'webhook') => {
    const c = channels.data!.items.find((item) => item.channel === channel);
    return c ? <span class="muted">{t(lang, 'channelCounts', { sent: c.sent, pending: c.pending, failed: c.failed })}</span> : null;
  };
  return (
    <form class="card" data-testid="channels" onSubmit={(e) => void save(e)}>
      <h2>{t(lang, 'channels')}</h2>
      <p class="muted">{t(lang, 'channelsHelp')}</p>
      <label>
        {t(lang, 'emailAddress')}
        <input name="email" type="text" value={email ?? current('email')?.target ?? ''} onInput={(e) => setEmail(e.currentTarget.value)} />
        {outcome?.fields.email && <span class="error">{outcome.fields.email}</span>} {counts('email')}
      </label>
      <label>
        {t(lang, 'webhookUrl')}
        <input
          name="webhook"
          type="text"
          value={webhook ?? current('webhook')?.target ?? ''}
          onInput={(e) => setWebhook(e.currentTarget.value)}
        />
        {outcome?.fields.webhook && <span class="error">{outcome.fields.webhook}</span>} {counts('webhook')}
      </label>
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <button type="submit">{t(lang, 'saveChannels')}</button>
    </form>
  );
}

interface OversightItem {
  processId: string;
  processTitle: string;
  escalatedAt: string;
  message: string;
  overdueTasks: { id: string; title: string; orgId: string; dueAt: string }[];
  settled: boolean;
}

/** 督办: the processes escalated to the organisation, what is overdue in each and with whom. */
export function Oversight() {
  const lang = useLang();
  const names = useNames();
  const list = useData<{ items: OversightItem[] }>(`/api/oversight?lang=${lang}`, 10_000);
  const { data } = list;
  return (
    <main>
      <div class="card">
        {!data ? (
          <LoadState state={list} />
        ) : data.items.length === 0 ? (
          <p class="muted">{t(lang, 'noOversight')}</p>
        ) : (
          <table data-testid="oversight">
            <thead>
              <tr>
                <th>{t(lang, 'process')}</th>
                <th>{t(lang, 'escalatedAt')}</th>
                <th>{t(lang, 'overdueTasks')}</th>
                <th>{t(lang, 'status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr data-process={item.processId}>
                  <td>
                    <a href={`#/processes/${encodeURIComponent(item.processId)}`} title={item.message}>
                      {item.processTitle || item.processId}
                    </a>
                    <div class="muted">{item.processId}</div>
                  </td>
                  <td>{formatDate(lang, item.escalatedAt)}</td>
                  <td>
                    {item.overdueTasks.map((task) => (
                      <div>
                        {task.title} · {names.org(lang, task.orgId)} · {formatDate(lang, task.dueAt)}
                      </div>
                    ))}
                  </td>
                  <td>
                    <span class={`badge ${item.settled ? 'done' : 'overdue'}`}>
                      {t(lang, item.settled ? 'oversightSettled' : 'oversightOpen')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}

/** The header's way to the centre, with the unread count; it looks again every 15 s and after a read. */
export function NotificationBell() {
  const lang = useLang();
  const state = useData<{ unread: number }>('/api/notifications?limit=1', 15_000);
  const { reload } = state;
  useNotificationsChanged(reload);
  const unread = state.data?.unread ?? 0;
  return (
    <a
      href="#/notifications"
      class="bell"
      data-testid="bell"
      aria-label={`${t(lang, 'notifications')} ${t(lang, 'unreadCount', { n: unread })}`}
    >
      {t(lang, 'notifications')}
      {unread > 0 && (
        <span class="badge overdue" data-testid="bell-count">
          {unread}
        </span>
      )}
    </a>
  );
}

function useNotificationsChanged(reload: () => void) {
  useEffect(() => {
    addEventListener(NOTIFICATIONS_CHANGED, reload);
    return () => removeEventListener(NOTIFICATIONS_CHANGED, reload);
  }, []);
}
