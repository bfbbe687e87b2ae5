// Date and time fields follow the studio's language, not the browser's: a French studio in an
// English browser shows 06/01/2027, 09:30 and "janvier 2027"; an English one 01/06/2027 and 9:30 AM.
// Values stay ISO either way.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-renderer/app/i18n';
import { formatDate, formatTime, parseDate, parseTime } from '../../../src-renderer/ui/date-text';
import { DateField, DateTimeField, TimeField } from '../../../src-renderer/ui/DateFields';

afterEach(cleanup);

describe('reading and writing dates and times in the app language', () => {
  it('writes and reads each language’s own order', () => {
    expect(formatDate('2027-01-06', 'fr')).toBe('06/01/2027');
    expect(formatDate('2027-01-06', 'en')).toBe('01/06/2027');
    expect(parseDate('06/01/2027', 'fr')).toBe('2027-01-06');
    expect(parseDate('01/06/2027', 'en')).toBe('2027-01-06');
    expect(parseDate('6.1.27', 'fr')).toBe('2027-01-06');
    expect(parseDate('2027-01-06', 'fr')).toBe('2027-01-06');
    expect(parseDate('31/02/2027', 'fr')).toBeNull();
    expect(parseDate('13/31/2027', 'en')).toBeNull();
  });

  it('writes 24-hour French and 12-hour English times, and reads both ways of typing', () => {
    expect(formatTime('09:30', 'fr')).toBe('09:30');
    expect(formatTime('14:05', 'en').replace(/\s/g, ' ')).toBe('2:05 PM');
    expect(parseTime('14h30', 'fr')).toBe('14:30');
    expect(parseTime('2:30 pm', 'en')).toBe('14:30');
    expect(parseTime('12:15 AM', 'en')).toBe('00:15');
    expect(parseTime('9', 'fr')).toBe('09:00');
    expect(parseTime('25:00', 'fr')).toBeNull();
    expect(parseTime('13:00 pm', 'en')).toBeNull();
  });
});

function Harness({ language, initial, kind }: { language: 'en' | 'fr'; initial: string; kind: 'date' | 'time' | 'datetime' }) {
  const [value, setValue] = useState(initial);
  const Field = kind === 'date' ? DateField : kind === 'time' ? TimeField : DateTimeField;
  return (
    <I18nextProvider i18n={createI18n(language)}>
      <label htmlFor="f">When</label>
      <Field id="f" value={value} onChange={setValue} />
      <output data-testid="value">{value}</output>
    </I18nextProvider>
  );
}

describe('the fields', () => {
  it('a French date field shows and reads French dates, with a French month grid starting on Monday', () => {
    render(<Harness language="fr" initial="2027-01-06" kind="date" />);
    const input = screen.getByLabelText('When') as HTMLInputElement;
    expect(input.value).toBe('06/01/2027');
    expect(input.placeholder).toBe('jj/mm/aaaa');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '07/01/2027' } });
    expect(screen.getByTestId('value').textContent).toBe('2027-01-07');
    fireEvent.change(input, { target: { value: '32/01/2027' } });
    expect(screen.getByTestId('value').textContent).toBe('');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '8/1/2027' } });
    fireEvent.blur(input);
    expect(input.value).toBe('08/01/2027');

    fireEvent.click(screen.getByRole('button', { name: 'Choisir une date' }));
    const grid = screen.getByRole('dialog', { name: 'janvier 2027' });
    expect(grid.querySelectorAll('[role="columnheader"]')[0]!.textContent).toBe('L');
    fireEvent.click(screen.getByRole('button', { name: 'vendredi 15 janvier 2027' }));
    expect(screen.getByTestId('value').textContent).toBe('2027-01-15');
    expect(input.value).toBe('15/01/2027');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('an English date field writes month first and its grid starts on Sunday', () => {
    render(<Harness language="en" initial="2027-01-06" kind="date" />);
    expect((screen.getByLabelText('When') as HTMLInputElement).value).toBe('01/06/2027');
    fireEvent.click(screen.getByRole('button', { name: 'Choose a date' }));
    expect(screen.getByRole('dialog', { name: 'January 2027' }).querySelectorAll('[role="columnheader"]')[0]!.textContent).toBe('S');
  });

  it('time fields follow the language’s clock', () => {
    render(<Harness language="en" initial="14:30" kind="time" />);
    const en = screen.getByLabelText('When') as HTMLInputElement;
    expect(en.value.replace(/\s/g, ' ')).toBe('2:30 PM');
    fireEvent.focus(en);
    fireEvent.change(en, { target: { value: '9:05 am' } });
    expect(screen.getByTestId('value').textContent).toBe('09:05');
    cleanup();
    render(<Harness language="fr" initial="14:30" kind="time" />);
    expect((screen.getByLabelText('When') as HTMLInputElement).value).toBe('14:30');
  });

  it('a date-and-time field gives one wall-clock value once both parts read', () => {
    render(<Harness language="fr" initial="2027-11-07T01:30" kind="datetime" />);
    const date = screen.getByLabelText('When') as HTMLInputElement;
    const time = screen.getByLabelText('Heure') as HTMLInputElement;
    expect([date.value, time.value]).toEqual(['07/11/2027', '01:30']);
    fireEvent.focus(time);
    fireEvent.change(time, { target: { value: '18h45' } });
    expect(screen.getByTestId('value').textContent).toBe('2027-11-07T18:45');
  });
});
