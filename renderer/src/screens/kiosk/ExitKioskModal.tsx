import { Button, Group, Modal, PasswordInput, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import { useApi } from '../../api/ApiProvider';
import { errorMessage, useI18n, type Translate, type Locale } from '../../i18n';

/** The sentence for a refused PIN: how many tries are left, or how long to wait. */
function pinProblem(error: AppErrorShape, locale: Locale, t: Translate, now = Date.now()): string {
  if (error.code === 'KIOSK_PIN_WRONG') {
    const left = Number(error.details?.triesLeft ?? 0);
    return left > 0 ? t(left === 1 ? 'kiosk.exit.wrong.one' : 'kiosk.exit.wrong.other', { count: left }) : t('kiosk.exit.wrong.paused');
  }
  if (error.code === 'KIOSK_PIN_LOCKED') {
    const retryAt = Number(error.details?.retryAt ?? now);
    return t('kiosk.exit.locked', { seconds: Math.max(1, Math.ceil((retryAt - now) / 1000)) });
  }
  if (error.code === 'INVALID_INPUT') return t('kiosk.pin.rule');
  return errorMessage(error, locale, t);
}

/**
 * Leaving the kiosk: only with the PIN of the curator who started it. A wrong PIN says how many
 * tries are left; after too many, the core pauses PIN entry and this says for how long.
 */
export function ExitKioskModal({ opened, onClose, onExited }: { opened: boolean; onClose(): void; onExited(): void }) {
  const api = useApi();
  const { locale, t } = useI18n();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const close = () => {
    setPin('');
    setProblem(null);
    onClose();
  };

  const submit = async () => {
    if (!/^\d{4,8}$/.test(pin)) {
      setProblem(t('kiosk.pin.rule'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call('kiosk.exit', { pin });
    setBusy(false);
    setPin('');
    if (result.ok) {
      setProblem(null);
      onExited();
      return;
    }
    setProblem(pinProblem(result.error, locale, t));
    input.current?.focus();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('kiosk.exit.title')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('kiosk.exit.body')}</Text>
          <PasswordInput
            ref={input}
            label={t('kiosk.exit.pin')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            error={problem}
            inputMode="numeric"
            autoComplete="off"
            data-autofocus
            visibilityToggleButtonProps={{ 'aria-label': t('kiosk.pin.show') }}
          />
          {/* The field's message is announced when it appears, though the focus stays in the field. */}
          <VisuallyHidden role="alert">{problem}</VisuallyHidden>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('kiosk.exit.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
