// The posting queue: weekly slots per client and network; a post given the next free slot, or put at a
// time that pushes the later queued posts along. Every change goes through the undo log.
import type { CalendarPost } from '../contract/api/calendar';
import { AtelierError } from '../contract/errors';
import type { NetworkId, PostStatus } from '../core/domain/posts';
import { message } from '../core/messages';
import { insertAndPush, nextFreeSlot, type QueueSlot } from '../core/schedule/queue';
import { minuteToTime, timeToMinute } from '../core/schedule/wallclock';
import { checkTransition } from '../core/schedule/workflow';
import { wallClockToInstant, type WallClockResolution } from '../core/time/zones';
import type { ClientRow } from '../db/repositories/clients';
import type { PostRow } from '../db/repositories/posts';
import { stateOf, type Change } from './calendar-commands';
import type { CalendarContext } from './calendar-context';

export function createCalendarQueue({ lib, repo, requireMovable, activeClient, hydrate, one, commit, emitChanged }: CalendarContext) {
  function queueNetwork(row: PostRow, network: NetworkId | undefined): NetworkId {
    const networks = lib.posts.variants(row.id).map((v) => v.network as NetworkId);
    if (network) {
      if (!networks.includes(network)) {
        throw new AtelierError('invalid_input', `"${row.title}" has no ${network} version; add that network to the post first.`, { field: 'network' }, { key: 'calendar.noNetworkVersion', params: { title: row.title, network } });
      }
      return network;
    }
    if (networks.length === 0) throw new AtelierError('invalid_input', `"${row.title}" has no network yet: the queue is per network.`, { field: 'network' }, { key: 'calendar.noNetwork', params: { title: row.title } });
    return networks[0]!;
  }

  /** The post, its client, the queue network and that network's slots (which must exist). */
  function queueContext(id: string, network: NetworkId | undefined) {
    const row = requireMovable(id);
    const client = activeClient(row.client_id);
    const net = queueNetwork(row, network);
    const slots = slotsOf(client.id, net);
    if (slots.length === 0) throw new AtelierError('conflict', `${client.name} has no ${net} queue slots yet: add some first.`, { field: 'network' }, { key: 'calendar.noSlots', params: { client: client.name, network: net } });
    return { row, client, net, slots };
  }

  function slotsOf(clientId: string, network: string): QueueSlot[] {
    return repo
      .slots(clientId)
      .filter((s) => s.network === network)
      .map((s) => ({ weekday: s.weekday, minuteOfDay: s.minute_of_day }));
  }

  /** After the queue gives a post a time, it becomes scheduled when the workflow allows. */
  function queuedStatus(row: PostRow, client: ClientRow): string {
    return checkTransition(row.status as PostStatus, 'scheduled', { approvalMode: client.approval_mode, hasTime: true }).ok ? 'scheduled' : row.status;
  }

  return {
    slots: {
      list(clientId: string) {
        activeClient(clientId);
        return repo.slots(clientId).map((s) => ({ id: s.id, clientId, network: s.network as NetworkId, weekday: s.weekday, time: minuteToTime(s.minute_of_day) }));
      },
      add(input: { clientId: string; network: NetworkId; weekday: number; time: string }) {
        const id = lib.write(() => {
          activeClient(input.clientId);
          const minute = timeToMinute(input.time)!;
          const clash = repo.slots(input.clientId).find((s) => s.network === input.network && s.weekday === input.weekday && s.minute_of_day === minute);
          if (clash) throw new AtelierError('conflict', `There is already a ${input.network} slot on that day at ${input.time}.`, { field: 'time' }, { key: 'calendar.slotClash', params: { network: input.network, time: input.time } });
          const row = { id: lib.ids(), client_id: input.clientId, network: input.network, weekday: input.weekday, minute_of_day: minute };
          repo.addSlot(row);
          return row.id;
        });
        return { id, clientId: input.clientId, network: input.network, weekday: input.weekday, time: input.time };
      },
      remove(id: string) {
        lib.write(() => {
          if (!repo.slot(id)) throw new AtelierError('not_found', `No queue slot with id ${id}.`, { id }, { key: 'calendar.slotNotFound' });
          repo.deleteSlot(id);
        });
        return { id };
      },
    },

    addToQueue(id: string, network?: NetworkId): { post: CalendarPost; resolution: WallClockResolution } {
      const resolution = lib.write(() => {
        const { row, client, net, slots } = queueContext(id, network);
        const taken = repo.networkTimes(client.id, net).filter((p) => p.id !== id).map((p) => p.scheduled_at);
        const slot = nextFreeSlot(slots, client.time_zone, lib.clock.now(), taken);
        if (!slot) throw new AtelierError('conflict', `The ${net} queue of ${client.name} is full for the coming year.`, { field: 'network' }, { key: 'calendar.queueFull', params: { network: net, client: client.name } });
        commit('queue', message('undo.queue', { title: row.title }, `Add "${row.title}" to the queue`), [
          { postId: id, before: stateOf(row), after: { ...stateOf(row), scheduled_at: slot.instantMs, status: queuedStatus(row, client) } },
        ]);
        return slot.resolution;
      });
      emitChanged([id]);
      return { post: one(id), resolution };
    },

    insertAndPush(id: string, at: string, network?: NetworkId): { posts: CalendarPost[] } {
      const ids = lib.write(() => {
        const { row, client, net, slots } = queueContext(id, network);
        const atMs = wallClockToInstant(at, client.time_zone);
        if (!atMs) throw new AtelierError('invalid_input', `${at} is not a real date and time.`, { field: 'at' }, { key: 'posts.notRealTime', params: { value: at } });
        const existing = repo
          .networkTimes(client.id, net)
          .filter((p) => p.scheduled_at >= atMs.instantMs && lib.posts.get(p.id)?.status !== 'published')
          .map((p) => ({ id: p.id, instantMs: p.scheduled_at }));
        const moves = insertAndPush(slots, client.time_zone, atMs.instantMs, { id, instantMs: row.scheduled_at }, existing);
        if (!moves) throw new AtelierError('conflict', `The ${net} queue of ${client.name} is full for the coming year.`, { field: 'network' }, { key: 'calendar.queueFull', params: { network: net, client: client.name } });
        const changes: Change[] = moves.map((m) => {
          const r = lib.posts.get(m.postId)!;
          return { postId: m.postId, before: stateOf(r), after: { ...stateOf(r), scheduled_at: m.toMs, status: m.postId === id ? queuedStatus(r, client) : r.status } };
        });
        commit('queue', message('undo.insertAndPush', { title: row.title, count: moves.length - 1 }, `Insert "${row.title}" and push ${moves.length - 1} post(s)`), changes);
        return moves.map((m) => m.postId);
      });
      emitChanged(ids);
      return { posts: hydrate(ids.map((i) => lib.posts.get(i)!)) };
    },
  };
}
