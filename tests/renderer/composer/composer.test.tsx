// The post composer over a real in-process Atelier (real SQLite), rendered in happy-dom: what a Save
// writes, what blocks scheduling, and the draft kept across a trip to the editor.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { HostProvider } from '../../../src-renderer/app/host-context';
import { createI18n } from '../../../src-renderer/app/i18n';
import { useApp } from '../../../src-renderer/app/store';
import { Composer } from '../../../src-renderer/features/composer/Composer';
import { newDraft, storeDraft, storedDraft } from '../../../src-renderer/features/composer/draft';
import { testAtelier } from '../../helpers/app';
import { inProcessHost } from '../../helpers/in-process-host';

let t: ReturnType<typeof testAtelier>;
afterEach(() => {
  cleanup();
  t?.cleanup();
  storeDraft(null);
  useApp.setState({ composer: null, toasts: [], clientId: null, screen: 'calendar' });
});

async function setup() {
  t = testAtelier({ start: Date.parse('2027-03-01T12:00:00Z') });
  const client = await t.atelier.call('clients.create', { name: 'Maison Lumière', timeZone: 'Europe/Paris' });
  const design = await t.atelier.call('designs.create', { clientId: client.id, preset: 'instagram-portrait', name: 'Affiche' });
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <HostProvider host={inProcessHost(t.atelier)}>
        <Composer />
      </HostProvider>
    </I18nextProvider>,
  );
  return { client, design };
}

const dialog = () => screen.getByRole('dialog', { name: /post/ });

describe('post composer', () => {
  it('blocks scheduling until every network has what it needs, then saves the post whole', async () => {
    const { client, design } = await setup();
    act(() => useApp.getState().openComposer({ kind: 'new', clientId: client.id, date: '2027-03-09', time: '09:30' }));
    const d = await waitFor(dialog);
    fireEvent.change(within(d).getByLabelText('Title'), { target: { value: 'Vitrine de mars' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Instagram' }));
    fireEvent.change(within(d).getByRole('combobox', { name: 'Caption' }), { target: { value: 'La vitrine change.' } });
    await waitFor(() => expect(within(d).getByLabelText('Status').querySelector('option[value="scheduled"]')).not.toBeNull());
    fireEvent.change(within(d).getByLabelText('Status'), { target: { value: 'scheduled' } });
    expect(within(d).getByText(/1 problem to fix before scheduling/)).toBeTruthy();
    expect(within(d).getByText(/Instagram needs a picture/)).toBeTruthy();
    fireEvent.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(d).getByRole('alert').textContent).toMatch(/Fix the problems/));
    expect(await t.atelier.call('posts.list', { includeUnscheduled: true })).toEqual([]);

    fireEvent.click(within(d).getByRole('button', { name: 'Choose a design' }));
    fireEvent.click(await waitFor(() => within(d).getByText('Affiche')));
    await waitFor(() => expect(within(d).getByText(/Ready: nothing to fix/)).toBeTruthy());
    fireEvent.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const [post] = await t.atelier.call('posts.list', { clientId: client.id });
    expect([post!.title, post!.status, post!.localTime, post!.caption]).toEqual(['Vitrine de mars', 'scheduled', '2027-03-09T09:30', 'La vitrine change.']);
    expect(post!.variants.map((v) => [v.network, v.designId, v.followsMaster])).toEqual([['instagram', design.id, true]]);
    expect(storedDraft()).toBeNull();
    expect(useApp.getState().toasts.at(-1)?.message).toMatch(/“Vitrine de mars” scheduled/);
  });

  it('edits a post: a new time and status are one step of the calendar history', async () => {
    const { client } = await setup();
    const post = await t.atelier.call('posts.create', { clientId: client.id, title: 'Galette', at: '2027-03-10T08:00', networks: ['x'], caption: 'Frangipane' });
    act(() => useApp.getState().openComposer({ kind: 'edit', postId: post.id }));
    const d = await waitFor(() => screen.getByRole('dialog', { name: 'Edit post' }));
    await waitFor(() => expect((within(d).getByLabelText('Title') as HTMLInputElement).value).toBe('Galette'));
    fireEvent.change(within(d).getByLabelText('Time'), { target: { value: '14:45' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await t.atelier.call('posts.get', { id: post.id })).localTime).toBe('2027-03-10T14:45');
    expect((await t.atelier.call('calendar.undoState', {})).undo?.text).toBe('Move "Galette" to 2027-03-10 14:45');
    await t.atelier.call('calendar.undo', {});
    expect((await t.atelier.call('posts.get', { id: post.id })).localTime).toBe('2027-03-10T08:00');
  });

  it('comes back from a trip to the editor with the draft as it was', async () => {
    const { client, design } = await setup();
    storeDraft({ ...newDraft({ clientId: client.id, title: 'En cours', networks: ['pinterest'], designId: design.id }), master: 'Texte gardé' });
    act(() => useApp.getState().openComposer({ kind: 'resume' }));
    const d = await waitFor(dialog);
    await waitFor(() => expect((within(d).getByLabelText('Title') as HTMLInputElement).value).toBe('En cours'));
    expect((within(d).getByRole('combobox', { name: 'Caption' }) as HTMLTextAreaElement).value).toBe('Texte gardé');
    await waitFor(() => expect(within(d).getAllByText('Affiche').length).toBeGreaterThan(0));
    // Cancelling asks first: the resumed draft has changes nobody saved.
    fireEvent.click(within(d).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('dialog', { name: 'Discard your changes?' })).toBeTruthy();
  });
});
