// Live "typing…" and online status for the thread header, from the engine's events. Both are
// ephemeral and follow the privacy settings (the engine sends and shows nothing when they are off).
import { useEffect, useState } from 'react';
import type { PresenceView } from '../../../../../packages/engine/src/engine-api';
import { useEngine } from '../../app/services';

/** The addresses typing in `conversationId` now (never mine). */
export function useTyping(conversationId: string): readonly string[] {
  const engine = useEngine();
  const [typing, setTyping] = useState<readonly string[]>([]);
  useEffect(() => {
    setTyping([]);
    return engine.on('typing', (e) => {
      if (e.conversationId === conversationId) setTyping(e.typing);
    });
  }, [engine, conversationId]);
  return typing;
}

/** A DM peer's online status as this device last heard it. */
export function usePresence(peer: string | undefined): PresenceView | undefined {
  const engine = useEngine();
  const [presence, setPresence] = useState<PresenceView | undefined>();
  useEffect(() => {
    setPresence(undefined);
    if (!peer) return;
    return engine.onPresence((p) => {
      if (p.address === peer) setPresence(p);
    });
  }, [engine, peer]);
  return presence;
}
