import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * A destructive action behind a question: the button opens a dialog naming what goes and only "confirm"
 * runs `onConfirm`. Focus returns to the button when the dialog closes.
 */
export function ConfirmDeleteButton({
  label,
  ariaLabel,
  title,
  body,
  confirmLabel,
  onConfirm,
  isDisabled,
  small = true,
  extra,
}: {
  /** Visible button text. */
  label: string;
  /** A longer accessible name when several such buttons stand side by side ("Löschen: Meilenstein A"). */
  ariaLabel?: string;
  title: string;
  body: string;
  /** The dialog's confirm button; defaults to the button's label. */
  confirmLabel?: string;
  onConfirm: () => unknown;
  isDisabled?: boolean;
  small?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="danger"
        small={small}
        aria-label={ariaLabel}
        isDisabled={isDisabled}
        onPress={() => setOpen(true)}
      >
        {label}
      </Button>
      <ConfirmDialog
        isOpen={open}
        title={title}
        body={body}
        confirmLabel={confirmLabel ?? label ?? t('common.delete')}
        extra={extra}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          void onConfirm();
        }}
      />
    </>
  );
}
