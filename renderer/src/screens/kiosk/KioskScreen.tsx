import { Box, Button, Center, Container, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { callOrThrow } from '../../api/queries';
import { localeNames, locales, useI18n, type Locale } from '../../i18n';
import type { UploadAttachment } from '../applicationForm/AttachmentField';
import { ApplicationForm } from '../applicationForm/ApplicationForm';
import { ExitKioskModal } from './ExitKioskModal';

/**
 * What the applicant sees at the workshop kiosk: the language switch, the application form, and
 * after sending, their reference and a "next applicant" button that starts a clean form in the
 * kiosk's language. Nothing here reaches the directory; the core would refuse it anyway.
 */
export function KioskScreen({ startLang, onExit }: { startLang: Locale; onExit(): void }) {
  const api = useApi();
  const { locale, setLocale, t } = useI18n();
  const [reference, setReference] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [leaving, setLeaving] = useState(false);
  const languageLabel = useId();
  const thanksHeading = useRef<HTMLHeadingElement>(null);

  const upload = useCallback<UploadAttachment>((file) => api.call('kiosk.putAttachment', file), [api]);

  // Each screen starts at its top with the focus on its heading: the form (entering the kiosk, a
  // new applicant) and the thank-you page.
  useEffect(() => {
    window.scrollTo(0, 0);
    if (reference) thanksHeading.current?.focus();
    else document.querySelector<HTMLElement>('[data-application-form] [data-form-title]')?.focus();
  }, [reference, round]);

  const nextApplicant = () => {
    setReference(null);
    setLocale(startLang);
    setRound((r) => r + 1);
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Paper component="header" radius={0} withBorder px="md" py="xs" pos="sticky" top={0} style={{ zIndex: 10 }}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <img src="./favicon.svg" width={28} height={28} alt="" />
            <Text fw={700}>{t('kiosk.banner')}</Text>
          </Group>
          <Group gap="sm" wrap="wrap">
            <Text id={languageLabel} size="sm" fw={500}>
              {t('kiosk.language')}
            </Text>
            <SegmentedControl
              role="radiogroup"
              aria-labelledby={languageLabel}
              data={locales.map((l) => ({ value: l, label: localeNames[l] }))}
              value={locale}
              onChange={(v) => setLocale(v as Locale)}
            />
            <Button variant="subtle" color="gray" onClick={() => setLeaving(true)}>
              {t('kiosk.leave')}
            </Button>
          </Group>
        </Group>
      </Paper>
      <Container component="main" size="lg" py="lg">
        {reference ? (
          <Center mih="60vh">
            <Stack align="center" gap="md" maw={560} ta="center" data-testid="kiosk-thanks">
              <Title order={1} ref={thanksHeading} tabIndex={-1}>
                {t('kiosk.thanks.title')}
              </Title>
              <Text>{t('kiosk.thanks.body')}</Text>
              <Text size="sm" c="dimmed" id="kiosk-reference-label">
                {t('kiosk.thanks.reference')}
              </Text>
              {/* The outcome of sending, named by the line above it, so it is read as "Your reference: …". */}
              <Text fz={36} fw={700} ff="monospace" role="status" aria-labelledby="kiosk-reference-label" data-testid="kiosk-reference">
                {reference}
              </Text>
              <Text size="sm">{t('kiosk.thanks.keep')}</Text>
              <Button size="lg" onClick={nextApplicant}>
                {t('kiosk.thanks.next')}
              </Button>
            </Stack>
          </Center>
        ) : (
          <ApplicationForm
            key={round}
            mode="kiosk"
            title={t('kiosk.form.title')}
            intro={<Text>{t('kiosk.form.intro')}</Text>}
            submitLabel={t('kiosk.form.submit')}
            upload={upload}
            onSubmit={async (fields) => {
              const { source: _source, ...rest } = fields;
              const sent = await callOrThrow(api, 'kiosk.submit', { fields: rest });
              setReference(sent.reference);
            }}
          />
        )}
      </Container>
      <ExitKioskModal opened={leaving} onClose={() => setLeaving(false)} onExited={onExit} />
    </Box>
  );
}
