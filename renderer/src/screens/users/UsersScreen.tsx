import { Badge, Button, Group, Modal, SegmentedControl, Skeleton, Stack, Switch, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { UserRecord } from '../../../../shared/contract/vetting';
import { roles, type Role } from '../../../../shared/sync/protocol';
import { useVettingQuery, useVettingWrite } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { countryName, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import { GatedScreen } from '../profile/ProfileGate';
import { emptyUser, fieldsOf, UserForm, type UserFields } from './UserForm';

type Editing = { user: UserRecord | null; initial: UserFields } | null;

/** Users and the reviewer pool: who may act in vetting, with what role, country, agency and expertise. */
export function UsersScreen() {
  const { t } = useI18n();
  return <GatedScreen title={t('oversight.users.title')}>{() => <UsersList />}</GatedScreen>;
}

function UsersList() {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const taxonomy = useTaxonomy();
  const filterLabel = useId();
  const [role, setRole] = useState<Role | 'all'>('all');
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const list = useVettingQuery('users.list', { role: role === 'all' ? [] : [role], includeDisabled });
  const save = useVettingWrite('users.save');

  const submit = (fields: UserFields) => {
    const id = editing?.user?.id;
    save.mutate(
      { id, fields },
      {
        onSuccess: (u) => {
          notify.success(t(id ? 'oversight.users.saved' : 'oversight.users.added', { name: u.name }));
          setEditing(null);
        },
        onError: (err) => notify.failure(errorShape(err)!, t('oversight.users.saveFailed')),
      },
    );
  };

  const toggleDisabled = (u: UserRecord) =>
    save.mutate(
      { id: u.id, fields: { ...fieldsOf(u), disabled: !u.disabled } },
      {
        onSuccess: (saved) => notify.success(t(saved.disabled ? 'oversight.users.disabledDone' : 'oversight.users.enabledDone', { name: saved.name })),
        onError: (err) => notify.failure(errorShape(err)!, t('oversight.users.saveFailed')),
      },
    );

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('oversight.users.body')}
      </Text>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Text id={filterLabel} size="sm" fw={500}>
            {t('oversight.users.filter')}
          </Text>
          <SegmentedControl
            role="radiogroup"
            aria-labelledby={filterLabel}
            value={role}
            onChange={(v) => setRole(v as Role | 'all')}
            data={[{ value: 'all', label: t('oversight.users.all') }, ...roles.map((r) => ({ value: r, label: t(`sync.role.${r}`) }))]}
          />
        </Group>
        <Group gap="md">
          <Switch label={t('oversight.users.showDisabled')} checked={includeDisabled} onChange={(e) => setIncludeDisabled(e.currentTarget.checked)} />
          <Button onClick={() => setEditing({ user: null, initial: emptyUser('reviewer') })}>{t('oversight.users.addReviewer')}</Button>
        </Group>
      </Group>

      {list.isPending && <Skeleton height={160} />}
      {list.isError && <LoadError error={errorShape(list.error)} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState framed testId="users-empty" title={t('oversight.users.empty')} body={t('oversight.users.emptyBody')} />}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="users-table">
            <Table.Caption>{t('oversight.users.caption', { count: list.data.items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('oversight.user.name')}</Table.Th>
                <Table.Th scope="col">{t('oversight.user.role')}</Table.Th>
                <Table.Th scope="col">{t('field.country')}</Table.Th>
                <Table.Th scope="col">{t('field.agency')}</Table.Th>
                <Table.Th scope="col">{t('field.expertise')}</Table.Th>
                <Table.Th scope="col">{t('oversight.users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Th scope="row" fw={500}>
                    {u.name}
                    {u.disabled && (
                      <Badge ml="xs" size="sm" color="gray" variant="light">
                        {t('oversight.users.disabledBadge')}
                      </Badge>
                    )}
                    {u.email && (
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{t(`sync.role.${u.role}`)}</Table.Td>
                  <Table.Td>{u.country ? countryName(locale, u.country) : t('sync.scope.region')}</Table.Td>
                  <Table.Td>{u.agency || '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {u.expertise.map((id) => taxonomy.label(id)).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Button size="compact-sm" variant="light" onClick={() => setEditing({ user: u, initial: fieldsOf(u) })} aria-label={t('oversight.users.editNamed', { name: u.name })}>
                        {t('common.edit')}
                      </Button>
                      <Button size="compact-sm" variant="subtle" color={u.disabled ? 'teal' : 'red'} onClick={() => toggleDisabled(u)} aria-label={t(u.disabled ? 'oversight.users.enableNamed' : 'oversight.users.disableNamed', { name: u.name })}>
                        {t(u.disabled ? 'oversight.users.enable' : 'oversight.users.disable')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.user ? t('oversight.users.editTitle', { name: editing.user.name }) : t('oversight.users.addTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <UserForm
            key={editing.user?.id ?? 'new'}
            initial={editing.initial}
            busy={save.isPending}
            submitLabel={editing.user ? t('common.save') : t('oversight.users.add')}
            onSubmit={submit}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
