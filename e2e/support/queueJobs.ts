/**
 * The event classes of the queue story, shared by its producer (the test) and its worker
 * processes: each is a {@link ScriptedEvent} under a name of its own, so the dashboard's rows
 * tell the jobs apart by kind.
 */
import { createEventRegistry } from '../../src/lib/bullmq/index.ts';
import { ScriptedEvent } from '../../tests/queue/scriptedEvent.ts';

export class ChargeCard extends ScriptedEvent {}
export class ShipOrder extends ScriptedEvent {}
export class SyncStock extends ScriptedEvent {}
export class SlowReport extends ScriptedEvent {}
export class SplitParcel extends ScriptedEvent {}
export class RefundOrder extends ScriptedEvent {}
export class NotifyBuyer extends ScriptedEvent {}

export const queueRegistry = createEventRegistry({
  ChargeCard,
  ShipOrder,
  SyncStock,
  SlowReport,
  SplitParcel,
  RefundOrder,
  NotifyBuyer,
});
