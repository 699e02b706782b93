// The message being replied to in the open thread: set from a message's actions, shown above the
// composer, and sent as a `reply` that names it (senderDevice + clientId, docs/protocol.md §9.2).
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { MessageRow } from '../../../../../packages/engine/src/store/schema';

interface ReplyState {
  readonly replyingTo: MessageRow | undefined;
  setReplyingTo(message: MessageRow | undefined): void;
}

const ReplyContext = createContext<ReplyState>({ replyingTo: undefined, setReplyingTo: () => undefined });

export function ReplyProvider({ children }: { children: ReactNode }) {
  const [replyingTo, setReplyingTo] = useState<MessageRow | undefined>();
  const value = useMemo(() => ({ replyingTo, setReplyingTo }), [replyingTo]);
  return <ReplyContext.Provider value={value}>{children}</ReplyContext.Provider>;
}

export function useReply(): ReplyState {
  return useContext(ReplyContext);
}
