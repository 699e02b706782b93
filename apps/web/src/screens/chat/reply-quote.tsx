// Inside a reply's bubble: a one-line quote of the message it answers, found by clientId in the
// local store (a reply to something this device never had says so).
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/services';
import { previewText, viewMessage } from '../../chat/message-view';

export function ReplyQuote({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const target = useLiveQuery(async () => (await db.messages.get(clientId)) ?? null, [db, clientId]);
  if (target === undefined) return null;
  const text = target ? previewText(viewMessage(target)) : undefined;
  return <p className="bubble__quote">{text ?? t('reactions.missing')}</p>;
}
