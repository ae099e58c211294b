import { Alert, Button, Divider, Group, Paper, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useVettingQuery, useVettingWrite } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { emptyUser, UserForm } from '../users/UserForm';
import { describePerson } from './describe';

/**
 * First start: the curator says who they are, by choosing an existing user (synced from
 * colleagues) or creating their own, so every vetting step names who took it.
 */
export function ProfileChooser({ headingLevel = 2, onDone }: { headingLevel?: 2 | 3; onDone?(): void }) {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const users = useVettingQuery('users.list', { role: [], includeDisabled: false });
  const choose = useVettingWrite('profile.choose');
  const create = useVettingWrite('profile.create');
  const [chosen, setChosen] = useState<string | null>(null);
  const items = users.data?.items ?? [];

  const done = (name: string) => {
    notify.success(t('oversight.profile.chosen', { name }));
    onDone?.();
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="profile-chooser-title" data-testid="profile-chooser">
      <Stack gap="md">
        <div>
          <Title order={headingLevel} size="h4" id="profile-chooser-title">
            {t('oversight.profile.chooseTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('oversight.profile.chooseBody')}
          </Text>
        </div>
        {users.isPending && <Skeleton height={60} />}
        {/* Without a profile the core may not list users; creating one still works. */}
        {users.isError && <Alert color="yellow">{notify.describe(errorShape(users.error)!)}</Alert>}
        {items.length > 0 && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!chosen) return;
              choose.mutate(
                { userId: chosen },
                { onSuccess: (p) => done(p.user?.name ?? ''), onError: (err) => notify.failure(errorShape(err)!, t('oversight.profile.failed')) },
              );
            }}
          >
            <Stack gap="sm">
              <Radio.Group label={t('oversight.profile.existing')} value={chosen} onChange={setChosen}>
                <Stack gap={6} mt={6}>
                  {items.map((u) => (
                    <Radio key={u.id} value={u.id} label={describePerson(u, locale, t)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Group>
                <Button type="submit" disabled={!chosen} loading={choose.isPending}>
                  {t('oversight.profile.continue')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {items.length > 0 && <Divider label={t('oversight.profile.or')} labelPosition="center" />}
        <Title order={headingLevel === 2 ? 3 : 4} size="h5">
          {t('oversight.profile.createTitle')}
        </Title>
        <UserForm
          short
          initial={emptyUser('curator')}
          busy={create.isPending}
          submitLabel={t('oversight.profile.create')}
          onSubmit={(fields) =>
            create.mutate(fields, { onSuccess: (p) => done(p.user?.name ?? fields.name), onError: (err) => notify.failure(errorShape(err)!, t('oversight.profile.failed')) })
          }
        />
      </Stack>
    </Paper>
  );
}
