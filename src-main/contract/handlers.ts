// What a service provides for its slice of the method table: one function per method, typed by the
// contract. Services build these; the dispatcher runs them after validating the input.
import type { z } from 'zod';
import type { Method, Methods, Out } from './index';

export type Handlers = {
  [M in Method]: (input: z.output<Methods[M]['input']>) => Out<M> | Promise<Out<M>>;
};

/** The handlers for one feature's slice of the method table (e.g. `HandlersFor<typeof clientMethods>`). */
export type HandlersFor<T> = { [M in keyof T & Method]: Handlers[M] };
