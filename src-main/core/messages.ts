// A sentence a service says to a person (a warning, an undo label, a skipped row, a note it writes):
// English `text` for the CLI and logs, and a `key` with `params` that the renderer looks up in its
// `serviceMessages` catalogue (locales/<lang>/messages.json), so the studio shows it in its language.
//
// Param names carry their kind, so the renderer can present values in the user's language too:
// `status`/`fromStatus`/`toStatus` are workflow statuses, `network` a network id, `language` a
// language code (`en`, `fr`), names ending in
// `At` are ISO instants and names ending in `Local` are wall-clock times (`YYYY-MM-DDTHH:mm`).
export type MessageParams = Record<string, string | number>;

export interface Message {
  key: string;
  params?: MessageParams;
  text: string;
}

export function message(key: string, params: MessageParams | undefined, text: string): Message {
  return params === undefined ? { key, text } : { key, params, text };
}
