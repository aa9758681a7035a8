/**
 * Attached files: a task's upload form (a scan, a map, a decision document: PDF, PNG or JPEG up to
 * 10 MB) and a process's list, each file opened as a download by its SHA-256.
 */
import { useState } from 'preact/hooks';
import { t, useLang } from '../i18n';
import { useData } from '../use-data';

const PURPOSES: [string, string, string][] = [
  ['scan', '扫描件', 'Scan'],
  ['map', '地图', 'Map'],
  ['decision', '决定书', 'Decision document'],
  ['photo', '现场照片', 'On-site photo'],
  ['other', '其他', 'Other'],
];

interface Attachment {
  sha256: string;
  size: number;
  fileName: string;
  purpose: string;
  uploadedBy: { userId: string; orgId: string };
}

export function AttachmentUpload({ taskId, onDone }: { taskId: string; onDone(): void }) {
  const lang = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState('scan');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const upload = async (event: Event) => {
    event.preventDefault();
    if (!file) return setMessage({ ok: false, text: t(lang, 'chooseFile') });
    const query = new URLSearchParams({ name: file.name, purpose });
    const response = await fetch(`/api/tasks/${encodeURIComponent(taskId)}/attachments?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    if (!response.ok)
      return setMessage({
        ok: false,
        text: response.status === 413 ? t(lang, 'fileTooLarge') : (body.error?.message ?? response.statusText),
      });
    setMessage({ ok: true, text: t(lang, 'uploaded') });
    onDone();
  };
  return (
    <form data-testid="attachment-upload" onSubmit={upload}>
      <h3>{t(lang, 'attachments')}</h3>
      <label>
        {t(lang, 'file')}{' '}
        <input
          type="file"
          name="file"
          accept="application/pdf,image/png,image/jpeg"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </label>{' '}
      <select name="purpose" value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} aria-label={t(lang, 'attachmentPurpose')}>
        {PURPOSES.map(([value, zh, en]) => (
          <option value={value}>{lang === 'en' ? en : zh}</option>
        ))}
      </select>{' '}
      <button type="submit" class="secondary">
        {t(lang, 'upload')}
      </button>
      {message && (
        <p class={message.ok ? 'muted' : 'field-error'} data-testid="attachment-message">
          {message.text}
        </p>
      )}
    </form>
  );
}

export function AttachmentList({ processId }: { processId: string }) {
  const lang = useLang();
  const list = useData<{ items: Attachment[] }>(`/api/processes/${encodeURIComponent(processId)}/attachments`, 3000);
  const items = list.data?.items ?? [];
  return (
    <div data-testid="attachments">
      {items.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
      <ul>
        {items.map((a) => (
          <li data-sha256={a.sha256}>
            <a href={`/api/processes/${encodeURIComponent(processId)}/attachments/${a.sha256}`} download={a.fileName}>
              {a.fileName}
            </a>{' '}
            <span class="badge">{PURPOSES.find(([v]) => v === a.purpose)?.[lang === 'en' ? 2 : 1]}</span>{' '}
            <span class="muted" title={a.sha256}>
              {Math.ceil(a.size / 1024)} KB · SHA-256 {a.sha256.slice(0, 12)}… · {a.uploadedBy.userId}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
