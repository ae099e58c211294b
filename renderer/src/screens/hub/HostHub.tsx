import { ActionIcon, Alert, Button, Code, CopyButton, Group, Image, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_HUB_PORT, type HubStatus } from '../../../../shared/contract/hub';
import { useApi } from '../../api/ApiProvider';
import { ApiError, callOrThrow } from '../../api/queries';
import { CopyableText } from '../../components/CopyableText';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { codeGroups, hubErrorText } from './hubText';

/**
 * "Host a workshop hub": start and stop, where other laptops reach it, the pairing code in
 * large groups and its QR code, and how many laptops joined. Everything a participant needs
 * is on this one panel, so the host can turn the screen towards the room.
 */
export function HostHub({ status, signedIn }: { status: HubStatus; signedIn: boolean }) {
  const api = useApi();
  const client = useQueryClient();
  const { t } = useI18n();
  const notify = useNotify();
  const [port, setPort] = useState<number | string>(status.port ?? DEFAULT_HUB_PORT);
  // Starting or stopping replaces the button that was pressed: the focus goes to what took its
  // place (the line saying the hub runs, or the Start button), never to the page body.
  const acted = useRef(false);
  const runningLine = useRef<HTMLParagraphElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    (status.running ? runningLine.current : startButton.current)?.focus();
  }, [status.running]);
  const settle = (next: HubStatus) => client.setQueryData(['hub.status'], next);
  // Marked when pressed, not when answered: a status read meanwhile may bring the change first.
  const press = () => void (acted.current = true);
  const unpress = () => void (acted.current = false);
  const start = useMutation({
    mutationFn: (newCode: boolean) => callOrThrow(api, 'hub.start', { port: typeof port === 'number' ? port : DEFAULT_HUB_PORT, newCode }),
    onMutate: (newCode) => (newCode ? undefined : press()),
    onSuccess: settle,
    onError: unpress,
  });
  const stop = useMutation({ mutationFn: () => callOrThrow(api, 'hub.stop', {}), onMutate: press, onSuccess: settle, onError: unpress });
  const failed = [start.error, stop.error].find((e) => e instanceof ApiError)?.error ?? null;
  // Refused to start: say who may host, rather than the join side's sentence for the same code.
  const failure = failed && (failed.code === 'NOT_ALLOWED' ? t('hub.error.hostNotAllowed') : hubErrorText(failed, t, notify.describe));

  if (!status.running) {
    return (
      <Stack gap="sm">
        <Text size="sm">{t('hub.host.body')}</Text>
        {!signedIn && (
          <Alert color="yellow" role="status">
            {t('hub.host.notSignedIn')}
          </Alert>
        )}
        <NumberInput label={t('hub.host.port')} description={t('hub.host.port.description')} min={1024} max={65535} allowDecimal={false} value={port} onChange={setPort} maw={220} />
        {failed && (
          <Alert color="red" title={t('common.errorTitle')} role="alert">
            {failure}
          </Alert>
        )}
        <div>
          <Button ref={startButton} onClick={() => start.mutate(false)} loading={start.isPending}>
            {t('hub.host.start')}
          </Button>
        </div>
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="hub-host-running">
      <Text fw={500} role="status" ref={runningLine} tabIndex={-1} style={{ outlineOffset: 2 }}>
        {t('hub.host.running')} {t('hub.host.devices', { joined: status.devices.joined, active: status.devices.active })}
      </Text>
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <div>
            <Text fw={500}>{t('hub.host.addresses')}</Text>
            {status.addresses.length === 0 && (
              <Alert color="yellow" role="status">
                {t('hub.host.noAddress')}
              </Alert>
            )}
            {status.addresses.map((a) => (
              <CopyableText key={a} value={a} />
            ))}
          </div>
          <div>
            <Text fw={500} id="hub-code-label">
              {t('hub.host.code')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('hub.host.code.description')}
            </Text>
            {status.code && (
              <Group gap="xs" mt={6} aria-labelledby="hub-code-label" role="group" data-testid="hub-code">
                {codeGroups(status.code).map((g, i) => (
                  <Code key={i} fz={24} fw={700} px={8} py={4} style={{ letterSpacing: '0.12em' }}>
                    {g}
                  </Code>
                ))}
              </Group>
            )}
          </div>
          {status.qrText && (
            <div>
              <Text size="sm" fw={500}>
                {t('hub.host.qrText')}
              </Text>
              {/* One long word: it wraps anywhere rather than run off the panel. */}
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all', userSelect: 'text', minWidth: 0 }}>
                  {status.qrText}
                </Text>
                <CopyButton value={status.qrText} timeout={1500}>
                  {({ copied, copy }) => (
                    <ActionIcon variant="subtle" size="sm" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`${t('action.copy')}: ${t('hub.host.qrText')}`}>
                      {copied ? '✓' : '⧉'}
                    </ActionIcon>
                  )}
                </CopyButton>
              </Group>
            </div>
          )}
          {status.fingerprint && (
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {t('hub.host.fingerprint')}: {status.fingerprint}
            </Text>
          )}
        </Stack>
        {status.qrSvg && <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(status.qrSvg)}`} alt={t('hub.host.qr.alt')} w={200} h={200} fit="contain" bg="white" />}
      </Group>
      {failed && (
        <Alert color="red" title={t('common.errorTitle')} role="alert">
          {failure}
        </Alert>
      )}
      <Group gap="sm">
        <Button color="red" variant="light" onClick={() => stop.mutate()} loading={stop.isPending}>
          {t('hub.host.stop')}
        </Button>
        <Button variant="default" onClick={() => start.mutate(true)} loading={start.isPending} title={t('hub.host.newCode.description')}>
          {t('hub.host.newCode')}
        </Button>
      </Group>
    </Stack>
  );
}
