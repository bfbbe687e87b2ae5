import { useRef } from 'react';

/** A button that opens the native dialog on the desktop, or a file input in the browser. */
export function FileButton(props: { label: string; accept: string; primary?: boolean; disabled: boolean; native: (() => void) | null; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={props.primary ? 'button button-primary' : 'button'} disabled={props.disabled} onClick={() => (props.native ? props.native() : input.current?.click())}>
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-label={props.label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
