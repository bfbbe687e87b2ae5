import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Client } from '../../../src-main/contract';
import { CLIENT_COLORS } from '../../../src-main/core/domain/clients';
import { isValidTimeZone, listTimeZones } from '../../../src-main/core/time/zones';
import { errorMessage } from '../../app/errors';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { undoToast } from '../../ui/undo-toast';
import { ScreenHeader } from '../../ui/ScreenHeader';
import type { ClientsStore } from './clients-store';

function browserZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function ZoneOptions({ id }: { id: string }) {
  const zones = useMemo(() => listTimeZones(), []);
  return (
    <datalist id={id}>
      {zones.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

function NewClientForm({ store, onDone }: { store: ClientsStore; onDone(): void }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const [name, setName] = useState('');
  const [zone, setZone] = useState(browserZone);
  const [color, setColor] = useState<string>(CLIENT_COLORS[0]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), zone: useId(), color: useId(), zones: useId(), problem: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setProblem(t('clients.form.nameRequired'));
    if (!isValidTimeZone(zone.trim())) return setProblem(t('clients.form.zoneUnknown', { zone }));
    setBusy(true);
    try {
      const client = await store.getState().create({ name: name.trim(), timeZone: zone.trim(), color });
      toast({ message: t('clients.toast.created', { name: client.name }), tone: 'info' });
      onDone();
    } catch (error) {
      setProblem(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${ids.name}-title`} noValidate>
      <h2 id={`${ids.name}-title`}>{t('clients.form.title')}</h2>
      <div className="form-row">
        <label htmlFor={ids.name}>{t('clients.form.name')}</label>
        <input
          id={ids.name}
          name="name"
          value={name}
          autoFocus
          maxLength={200}
          placeholder={t('clients.form.namePlaceholder')}
          aria-invalid={problem !== null && !name.trim()}
          aria-describedby={problem ? ids.problem : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor={ids.zone}>{t('clients.form.timeZone')}</label>
        <input id={ids.zone} name="timeZone" list={ids.zones} value={zone} onChange={(e) => setZone(e.target.value)} />
        <ZoneOptions id={ids.zones} />
      </div>
      <div className="form-row">
        <label htmlFor={ids.color}>{t('clients.form.color')}</label>
        <input id={ids.color} name="color" type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </div>
      {problem && (
        <p id={ids.problem} className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('clients.form.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('clients.form.create')}
        </button>
      </div>
    </form>
  );
}

function ClientRow({ client, store, onDelete, now }: { client: Client; store: ClientsStore; onDelete(c: Client): void; now: number }) {
  const { t, i18n } = useTranslation();
  const toast = useApp((s) => s.toast);
  const [renaming, setRenaming] = useState(false);
  const [draftName, setDraftName] = useState(client.name);
  const [zone, setZone] = useState(client.timeZone);
  const zonesId = useId();
  const renameId = useId();
  useEffect(() => setZone(client.timeZone), [client.timeZone]);

  const localTime = new Intl.DateTimeFormat(i18n.language, { timeZone: client.timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);

  async function save(patch: { name?: string; timeZone?: string; color?: string }) {
    try {
      await store.getState().update({ id: client.id, ...patch });
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  return (
    <li className="client-row" data-client-id={client.id}>
      <span className="client-swatch" style={{ background: client.color }} aria-hidden="true" />
      <div className="client-main">
        {renaming ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (draftName.trim()) void save({ name: draftName.trim() }).then(() => setRenaming(false));
            }}
          >
            <label className="visually-hidden" htmlFor={renameId}>
              {t('clients.list.renameLabel', { name: client.name })}
            </label>
            <input id={renameId} value={draftName} autoFocus maxLength={200} onChange={(e) => setDraftName(e.target.value)} />
            <button type="submit" className="button button-primary">
              {t('clients.list.save')}
            </button>
            <button type="button" className="button" onClick={() => setRenaming(false)}>
              {t('clients.list.cancel')}
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="client-name"
            aria-label={t('clients.list.rename', { name: client.name })}
            onClick={() => {
              setDraftName(client.name);
              setRenaming(true);
            }}
          >
            {client.name}
          </button>
        )}
        <span className="muted">{t('clients.list.localTime', { time: localTime })}</span>
      </div>
      <input
        className="zone-input"
        aria-label={t('clients.list.zoneFor', { name: client.name })}
        list={zonesId}
        value={zone}
        onChange={(e) => setZone(e.target.value)}
        onBlur={() => {
          if (zone !== client.timeZone) {
            if (isValidTimeZone(zone)) void save({ timeZone: zone });
            else {
              toast({ message: t('clients.form.zoneUnknown', { zone }), tone: 'error' });
              setZone(client.timeZone);
            }
          }
        }}
      />
      <ZoneOptions id={zonesId} />
      <input
        type="color"
        aria-label={t('clients.list.colorFor', { name: client.name })}
        value={client.color}
        onChange={(e) => void save({ color: e.target.value })}
      />
      <button type="button" className="button button-danger-ghost" aria-label={t('clients.list.delete', { name: client.name })} onClick={() => onDelete(client)}>
        🗑
      </button>
    </li>
  );
}

export function ClientsScreen({ store }: { store: ClientsStore }) {
  const { t } = useTranslation();
  const toast = useApp((s) => s.toast);
  const clients = useStore(store, (s) => s.clients);
  const loaded = useStore(store, (s) => s.loaded);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<Client | null>(null);
  const now = useNow();

  useEffect(() => {
    if (!loaded) store.getState().load().catch((error: unknown) => toast({ message: errorMessage(t, error), tone: 'error' }));
  }, [loaded, store, t, toast]);

  async function confirmDelete(client: Client) {
    setConfirming(null);
    try {
      await store.getState().remove(client.id);
      undoToast(
        t('clients.toast.deleted', { name: client.name }),
        t('clients.toast.undo'),
        async () => {
          await store.getState().restore(client.id);
          toast({ message: t('clients.toast.restored', { name: client.name }), tone: 'info' });
        },
        (error) => errorMessage(t, error),
      );
    } catch (error) {
      toast({ message: errorMessage(t, error), tone: 'error' });
    }
  }

  return (
    <section className="screen" aria-labelledby="clients-title">
      <ScreenHeader id="clients-title" title={t('clients.title')} intro={t('clients.intro')}>
        {!creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('clients.new')}
          </button>
        )}
      </ScreenHeader>
      {creating && <NewClientForm store={store} onDone={() => setCreating(false)} />}
      {loaded && clients.length === 0 && !creating ? (
        <div className="empty-state">
          <h2>{t('clients.emptyTitle')}</h2>
          <p>{t('clients.emptyBody')}</p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('clients.new')}
          </button>
        </div>
      ) : (
        <ul className="client-list" aria-label={t('clients.list.label')}>
          {clients.map((client) => (
            <ClientRow key={client.id} client={client} store={store} now={now} onDelete={setConfirming} />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('clients.confirmDelete.title', { name: confirming.name })}
          body={t('clients.confirmDelete.body')}
          confirmLabel={t('clients.confirmDelete.confirm')}
          cancelLabel={t('clients.confirmDelete.cancel')}
          onConfirm={() => void confirmDelete(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
