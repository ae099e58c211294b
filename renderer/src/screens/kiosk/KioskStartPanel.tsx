import { Alert, Button, Group, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { errorMessage, localeNames, locales, useI18n, type Locale } from '../../i18n';
import { useKioskControl } from './KioskSwitch';

const digitsOnly = (v: string) => v.replace(/\D/g, '').slice(0, 8);

/**
 * Where a curator starts the workshop kiosk (Applications, Settings): a PIN of 4 to 8 digits,
 * typed twice, and the language the form opens in. The kiosk writes every application as this
 * curator, and only this PIN leaves it.
 */
export function KioskStartPanel() {
  const api = useApi();
  const control = useKioskControl();
  const { locale, t } = useI18n();
  const headingId = useId();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [lang, setLang] = useState<Locale>(locale);
  const [errors, setErrors] = useState<{ pin?: string; again?: string }>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const next = {
      pin: /^\d{4,8}$/.test(pin) ? undefined : t('kiosk.pin.rule'),
      again: pin === again ? undefined : t('kiosk.start.mismatch'),
    };
    setErrors(next);
    setRefusal(null);
    if (next.pin || next.again) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-kiosk-start] [aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    const result = await api.call('kiosk.start', { pin, lang });
    setBusy(false);
    if (!result.ok) {
      setRefusal(errorMessage(result.error, locale, t));
      return;
    }
    control.entered(result.value);
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} data-kiosk-start>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <Stack gap="sm" maw={560}>
          <Title order={2} size="h4" id={headingId}>
            {t('kiosk.start.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('kiosk.start.body')}
          </Text>
          <Group grow align="flex-start" wrap="wrap">
            <PasswordInput
              label={t('kiosk.start.pin')}
              description={t('kiosk.pin.rule')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={pin}
              onChange={(e) => setPin(digitsOnly(e.currentTarget.value))}
              error={errors.pin}
              inputMode="numeric"
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('kiosk.pin.show') }}
              miw={200}
            />
            <PasswordInput
              label={t('kiosk.start.again')}
              value={again}
              onChange={(e) => setAgain(digitsOnly(e.currentTarget.value))}
              error={errors.again}
              inputMode="numeric"
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('kiosk.pin.show') }}
              miw={200}
            />
          </Group>
          <Select
            label={t('kiosk.start.lang')}
            data={locales.map((l) => ({ value: l, label: localeNames[l] }))}
            value={lang}
            onChange={(v) => v && setLang(v as Locale)}
            allowDeselect={false}
            maw={280}
          />
          {refusal && (
            <Alert color="red" role="alert">
              {refusal}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {t('kiosk.start.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
