import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/** A modal dialog holding a form; Escape or "Schließen" closes it and focus returns to the trigger. */
export function FormDialog(props: {
  isOpen: boolean;
  title: string;
  onClose: () => void;
  /** For tables to tick or report (several columns): up to 880 px wide. */
  wider?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      onOpenChange={(open) => !open && props.onClose()}
      isDismissable
    >
      <Modal className={props.wider ? 'modal wide wider' : 'modal wide'}>
        <Dialog>
          <Heading slot="title">{props.title}</Heading>
          {props.children}
          <div className="btn-row">
            <Button variant="secondary" onPress={props.onClose}>
              {t('common.close')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
