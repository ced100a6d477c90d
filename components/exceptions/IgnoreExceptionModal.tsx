'use client';
import { Modal, Text, Textarea } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { ExceptionView } from '@/lib/sync/panel/list-exceptions';
import { EXCEPTION_TYPE_LABELS } from './labels';

/** Asks for the note an ignore needs: why this exception needs no fix. */
export function IgnoreExceptionModal({
  exception,
  busy,
  onCancel,
  onConfirm,
}: {
  exception: ExceptionView | null;
  busy: boolean;
  onCancel(): void;
  onConfirm(note: string): void;
}) {
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    onCancel();
  };
  return (
    <Modal
      isOpen={exception !== null}
      header="Ignore this exception"
      onClose={close}
      closeOnEscKey
      actions={[
        { text: 'Cancel', variant: 'subtle', onClick: close },
        {
          text: 'Ignore exception',
          actionType: 'destructive',
          isLoading: busy,
          disabled: note.trim() === '',
          onClick: () => {
            onConfirm(note.trim());
            setNote('');
          },
        },
      ]}
    >
      {exception ? (
        <>
          <Text>
            <strong>{EXCEPTION_TYPE_LABELS[exception.type]}:</strong> {exception.message}
          </Text>
          <Text color="secondary60">
            The exception is closed and kept with your note. If it is the order&rsquo;s last open exception, the order is set aside and not sent to Whistl.
          </Text>
          <Textarea
            label="Note (required)"
            description="Why does this need no fix? Others will read it on the order's timeline."
            rows={3}
            value={note}
            maxLength={1000}
            onChange={(event) => setNote(event.target.value)}
            required
          />
        </>
      ) : null}
    </Modal>
  );
}
