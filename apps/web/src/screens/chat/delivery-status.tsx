// Ticks for my own messages: clock (pending), one tick (sent to the relay), two (delivered),
// two coloured (read). Each has a text name for screen readers.
import { useTranslation } from 'react-i18next';
import type { MessageStatus } from '../../../../../packages/engine/src/store/schema';
import { AlertIcon, ClockIcon, DoubleTickIcon, TickIcon } from '../../components/icons';

const LABEL_KEYS = {
  pending: 'status.pending',
  sent: 'status.sent',
  delivered: 'status.delivered',
  read: 'status.read',
  failed: 'status.failed',
  unverified: 'status.unverified',
} as const satisfies Record<MessageStatus, string>;

export function DeliveryStatus({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  const icon =
    status === 'pending' ? (
      <ClockIcon width={14} height={14} />
    ) : status === 'sent' ? (
      <TickIcon width={14} height={14} />
    ) : status === 'delivered' || status === 'read' ? (
      <DoubleTickIcon width={17} height={14} />
    ) : (
      <AlertIcon width={14} height={14} />
    );
  return (
    <span
      className={`ticks ticks--${status}`}
      role="img"
      aria-label={t(LABEL_KEYS[status])}
      title={t(LABEL_KEYS[status])}
    >
      {icon}
    </span>
  );
}
