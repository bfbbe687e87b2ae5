import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src-main/contract';
import { translateMessage } from '../../app/messages';

/** A report's warnings, each in the studio's language. */
export function TranslatedNotes({ messages }: { messages: readonly Message[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {messages.map((m, i) => (
        <p key={i} className="muted">
          {translateMessage(t, i18n.language, m)}
        </p>
      ))}
    </>
  );
}
