/**
 * DCI replies: the acknowledgement (`Response`: ACK, NACK or ERR with the spec's error
 * code) and the header of a callback or synchronous answer (MsgCallbackHeader_V1.0.0).
 */
import { randomUUID } from 'node:crypto';
import type { ErrorCode, Header } from './dci.envelope.js';

export const REGISTRY_ID = 'jingzhun.registry';

const now = () => new Date().toISOString();

export function ack(status: 'ACK' | 'NACK', correlationId: string) {
  return { message: { ack_status: status, timestamp: now(), correlation_id: correlationId } };
}

export function errAck(code: ErrorCode, reason: string, correlationId = '') {
  return { message: { ack_status: 'ERR' as const, timestamp: now(), correlation_id: correlationId, error: { code, message: reason.slice(0, 999) } } };
}

/** The header of an answer to `request`: the sender becomes the receiver. */
export function callbackHeader(request: Pick<Header, 'sender_id'>, action: string, status: 'succ' | 'rjct' | 'pdng' | 'rcvd', counts: { total: number; completed: number }) {
  return {
    version: '1.0.0',
    message_id: randomUUID(),
    message_ts: now(),
    action,
    status,
    total_count: counts.total,
    completed_count: counts.completed,
    sender_id: REGISTRY_ID,
    receiver_id: request.sender_id,
    is_msg_encrypted: false,
  };
}
