// RelayApi: one typed method per operation in packages/protocol/src/graphql/operations.ts, over any
// Transport. Each answer is parsed with its zod schema (relay-schemas.ts) before it is returned; a
// response that does not parse is ProtocolError('internal'), since the relay broke the contract
// (and retrying an idempotent operation is safe).
import { z } from 'zod';
import { type OperationName, ProtocolError } from '../deps/protocol';
import {
  CatchUpPageOut,
  ChallengeOut,
  ConversationOut,
  ConversationPageOut,
  DeviceChallengeOut,
  DeviceLogHeadOut,
  DeviceLogPageOut,
  GroupControlOut,
  GroupControlPageOut,
  HistoryPageOut,
  MemberPageOut,
  MeOut,
  PrekeyBundleOut,
  ReceiptOut,
  RelayEventOut,
  SessionOut,
} from './relay-schemas';
import type { Transport } from './transport';

export interface EnvelopeIn {
  readonly conversationId: string;
  readonly clientId: string;
  readonly body: string;
  readonly recipientDevice?: string;
}

export interface GroupControlIn {
  readonly conversationId: string;
  readonly action: string;
  readonly targets: readonly string[];
  readonly prevStateHash: string;
  readonly signerAddress: string;
  readonly signerDevice: string;
  readonly issuedAt: number;
  readonly signature: string;
}

export interface EventSink {
  next(event: RelayEventOut): void;
  error(error: ProtocolError): void;
  complete(): void;
}

const DataObject = z.record(z.string(), z.unknown());

function pick<T extends z.ZodType>(data: unknown, field: string, schema: T, operation: string): z.output<T> {
  const container = DataObject.safeParse(data);
  const parsed = schema.safeParse(container.success ? container.data[field] : undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'bad shape';
    throw new ProtocolError('internal', `${operation}: the relay's answer does not parse (${where})`);
  }
  return parsed.data;
}

export class RelayApi {
  constructor(readonly transport: Transport) {}

  private async call<T extends z.ZodType>(
    operation: OperationName,
    variables: Record<string, unknown>,
    schema: T,
  ): Promise<z.output<T>> {
    return pick(await this.transport.request(operation, variables), operation, schema, operation);
  }

  challenge(address: string, deviceId: string) {
    return this.call('challenge', { address, deviceId }, ChallengeOut);
  }
  signIn(message: string, signature: string) {
    return this.call('signIn', { message, signature }, SessionOut);
  }
  deviceChallenge(address: string, deviceId: string) {
    return this.call('deviceChallenge', { address, deviceId }, DeviceChallengeOut);
  }
  renewSession(address: string, deviceId: string, challenge: string, signature: string) {
    return this.call('renewSession', { address, deviceId, challenge, signature }, SessionOut);
  }
  signOut() {
    return this.call('signOut', {}, z.boolean());
  }
  me() {
    return this.call('me', {}, MeOut);
  }
  deviceLog(address: string, fromSeq: number) {
    return this.call('deviceLog', { address, fromSeq }, DeviceLogPageOut);
  }
  publishDeviceLog(fromSeq: number, entries: readonly object[]) {
    return this.call('publishDeviceLog', { fromSeq, entries }, DeviceLogHeadOut);
  }
  publishPrekeys(
    signedPrekey: string | undefined,
    oneTimePrekeys: ReadonlyArray<{ keyId: string; publicKey: string }>,
  ) {
    return this.call('publishPrekeys', { signedPrekey: signedPrekey ?? null, oneTimePrekeys }, z.boolean());
  }
  claimPrekeyBundle(address: string, deviceId: string) {
    return this.call('claimPrekeyBundle', { address, deviceId }, PrekeyBundleOut);
  }
  createDm(peer: string) {
    return this.call('createDm', { peer }, ConversationOut);
  }
  createGroup() {
    return this.call('createGroup', {}, ConversationOut);
  }
  conversations(first: number, after: string | undefined) {
    return this.call('conversations', { first, after: after ?? null }, ConversationPageOut);
  }
  conversation(id: string) {
    return this.call('conversation', { id }, ConversationOut);
  }
  members(conversationId: string, first: number, after: string | undefined) {
    return this.call('members', { conversationId, first, after: after ?? null }, MemberPageOut);
  }
  groupControl(control: GroupControlIn, wraps: ReadonlyArray<{ recipientDevice: string; body: string }>) {
    return this.call('groupControl', { control, wraps }, GroupControlOut);
  }
  groupControls(conversationId: string, fromIndex: number, first: number) {
    return this.call('groupControls', { conversationId, fromIndex, first }, GroupControlPageOut);
  }
  send(envelopes: readonly EnvelopeIn[]) {
    return this.call('send', { envelopes }, z.array(ReceiptOut));
  }
  history(conversationId: string, afterSeq: number, first: number) {
    return this.call('history', { conversationId, afterSeq, first }, HistoryPageOut);
  }
  catchUp(cursor: string | undefined, first: number) {
    return this.call('catchUp', { cursor: cursor ?? null, first }, CatchUpPageOut);
  }
  signal(conversationId: string, kind: 'typing' | 'presence', active: boolean) {
    return this.call('signal', { conversationId, kind, active }, z.boolean());
  }

  /** The one multiplexed `events` subscription. An event that does not parse ends it with an error. */
  events(sink: EventSink): () => void {
    let stop: (() => void) | undefined;
    let failed = false;
    stop = this.transport.subscribe(
      'events',
      {},
      {
        next: (data) => {
          if (failed) return;
          let event: RelayEventOut;
          try {
            event = pick(data, 'events', RelayEventOut, 'events');
          } catch (error) {
            failed = true;
            stop?.();
            sink.error(
              error instanceof ProtocolError ? error : new ProtocolError('internal', 'events: bad event'),
            );
            return;
          }
          sink.next(event);
        },
        error: (error) => sink.error(error),
        complete: () => sink.complete(),
      },
    );
    return () => {
      stop?.();
      stop = undefined;
    };
  }
}
