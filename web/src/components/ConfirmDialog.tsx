import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/** Asks before a destructive action; Escape and "Abbrechen" close it, focus returns to the trigger. */
export function ConfirmDialog(props: {
  isOpen: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Optional form fields shown between text and buttons (e.g. a date). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      onOpenChange={(open) => !open && props.onCancel()}
      isDismissable
    >
      <Modal className="modal">
        <Dialog role="alertdialog">
          <Heading slot="title">{props.title}</Heading>
          <p>{props.body}</p>
          {props.extra}
          <div className="btn-row">
            <Button variant="danger" onPress={props.onConfirm}>
              {props.confirmLabel}
            </Button>
            <Button variant="secondary" onPress={props.onCancel} autoFocus>
              {t('common.cancel')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
