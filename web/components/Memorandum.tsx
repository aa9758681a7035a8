import { Facts } from './Facts';

/** A memorandum or agreement version's content, field by field, in words. */
export function MemorandumContent({ content }: { content: Record<string, unknown> }) {
  return <Facts value={content} testId="memorandum" />;
}
