import { Alert, Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { HubStatus } from '../../../../shared/contract/hub';
import { useApi } from '../../api/ApiProvider';
import { ApiError, callOrThrow } from '../../api/queries';
import { formatDateTime, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { hubErrorText } from './hubText';

/**
 * "Join a workshop hub": the address and pairing code (or the QR text pasted in the code
 * field), and once joined, where this laptop syncs and how to leave. Every refusal says what
 * to check: a wrong code, another computer at the address, or no hub answering.
 */
export function JoinHub({ status }: { status: HubStatus }) {
  const api = useApi();
  const client = useQueryClient();
  const { t, locale } = useI18n();
  const notify = useNotify();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  // Joining or leaving changes the panel under the curator: the focus goes to the news (joined)
  // or back to the address (left, in place of the Leave button that is gone).
  const acted = useRef(false);
  const joinedText = useRef<HTMLParagraphElement>(null);
  const addressInput = useRef<HTMLInputElement>(null);
  const joinedUrl = status.joined?.url ?? null;
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    (joinedUrl ? joinedText.current : addressInput.current)?.focus();
  }, [joinedUrl]);
  // Marked when pressed, not when answered: a status read meanwhile may bring the change first.
  const press = () => void (acted.current = true);
  const unpress = () => void (acted.current = false);
  const settle = (next: HubStatus) => {
    client.setQueryData(['hub.status'], next);
    void client.invalidateQueries({ queryKey: ['app.info'] });
  };
  const join = useMutation({
    mutationFn: () => callOrThrow(api, 'hub.join', { address, code }),
    onMutate: press,
    onError: unpress,
    onSuccess: (next) => {
      settle(next);
      setCode('');
      notify.success(t('hub.join.done'));
    },
  });
  const leave = useMutation({
    mutationFn: () => callOrThrow(api, 'hub.leave', {}),
    onMutate: press,
    onError: unpress,
    onSuccess: (next) => {
      settle(next);
      notify.success(t('hub.join.left'));
    },
  });
  const failed = [join.error, leave.error].find((e) => e instanceof ApiError)?.error ?? null;
  const codeIsWrong = failed?.code === 'ENROLLMENT_INVALID' || failed?.code === 'INVALID_INPUT';

  return (
    <Stack gap="sm">
      {status.joined && (
        <Alert color="teal" role="status" data-testid="hub-joined">
          <Stack gap="xs">
            <Text size="sm" ref={joinedText} tabIndex={-1} style={{ outlineOffset: 2 }}>{t('hub.join.joined', { url: status.joined.url, when: formatDateTime(locale, status.joined.since) })}</Text>
            <div>
              <Button size="xs" variant="default" onClick={() => leave.mutate()} loading={leave.isPending}>
                {t('hub.join.leave')}
              </Button>
            </div>
          </Stack>
        </Alert>
      )}
      <Text size="sm">{t('hub.join.body')}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          join.mutate();
        }}
      >
        <Stack gap="sm" maw={520}>
          <TextInput
            label={t('hub.join.address')}
            description={t('hub.join.address.description')}
            placeholder="https://"
            spellCheck={false}
            autoComplete="off"
            ref={addressInput}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
          />
          <Textarea
            label={t('hub.join.code')}
            description={t('hub.join.code.description')}
            required
            autosize
            minRows={1}
            maxRows={3}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              // One line for a typed code: Enter joins, as in a text field.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                if (code.trim()) join.mutate();
              }
            }}
            error={codeIsWrong && failed ? hubErrorText(failed, t, notify.describe) : undefined}
          />
          {failed && !codeIsWrong && (
            <Alert color="red" title={t('common.errorTitle')} role="alert">
              {hubErrorText(failed, t, notify.describe)}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={join.isPending} disabled={!code.trim()}>
              {t('hub.join.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
