import { ActionIcon, Anchor, Button, Group, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { portfolioKinds, type PortfolioItem } from '../../../shared/model/expert';
import { useApi, useInvalidate } from '../api/ApiProvider';
import { callOrThrow, errorShape } from '../api/queries';
import { EditIcon, ExternalIcon, PlusIcon, TrashIcon } from '../components/icons';
import { useT } from '../i18n';
import { useNotify } from '../lib/notify';
import { PortfolioItemModal } from './PortfolioItemModal';

/**
 * An expert's portfolio grouped by kind. Editing adds, changes and removes items at once
 * (portfolio.add / update / remove), on the expert page and in the edit form alike.
 */
export function PortfolioList({ expertId, items, editable, onChanged }: { expertId: string; items: PortfolioItem[]; editable: boolean; onChanged?(): void }) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const [editing, setEditing] = useState<{ item: PortfolioItem | null } | null>(null);
  const [removing, setRemoving] = useState<PortfolioItem | null>(null);
  const invalidate = useInvalidate();
  const removal = useMutation({
    mutationFn: (id: string) => callOrThrow(api, 'portfolio.remove', { id }),
    onSuccess: () => {
      invalidate(['portfolio']);
      notify.success(t('portfolio.removed'));
      onChanged?.();
    },
    onError: (error) => notify.failure(errorShape(error)!),
    onSettled: () => setRemoving(null),
  });
  const remove = () => {
    if (removing) removal.mutate(removing.id);
  };

  const byKind = portfolioKinds.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);

  return (
    <Stack gap="md">
      {items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('expert.noPortfolio')}
        </Text>
      )}
      {byKind.map((group) => (
        <div key={group.kind}>
          <Title order={3} size="h6" tt="uppercase" c="dimmed" mb={6}>
            {t(`portfolio.kind.${group.kind}`)}
          </Title>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {group.items.map((item) => (
              <li key={item.id}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600}>
                      {item.title}
                      {item.year !== null && (
                        <Text span c="dimmed" fw={400}>
                          {' '}
                          · {item.year}
                        </Text>
                      )}
                    </Text>
                    {item.description && (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {item.description}
                      </Text>
                    )}
                    {item.link && (
                      <Anchor href={item.link} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {item.link} <ExternalIcon style={{ verticalAlign: '-2px' }} />
                      </Anchor>
                    )}
                  </div>
                  {editable && (
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('portfolio.editItem', { title: item.title })}>
                        <ActionIcon variant="subtle" aria-label={t('portfolio.editItem', { title: item.title })} onClick={() => setEditing({ item })}>
                          <EditIcon />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('portfolio.removeItem', { title: item.title })}>
                        <ActionIcon variant="subtle" color="red" aria-label={t('portfolio.removeItem', { title: item.title })} onClick={() => setRemoving(item)}>
                          <TrashIcon />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        </div>
      ))}
      {editable && (
        <Group>
          <Button variant="light" leftSection={<PlusIcon />} onClick={() => setEditing({ item: null })}>
            {t('portfolio.add')}
          </Button>
        </Group>
      )}
      <PortfolioItemModal expertId={expertId} item={editing?.item ?? null} opened={editing !== null} onClose={() => setEditing(null)} onSaved={onChanged} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('portfolio.remove.title')} centered>
        <Text mb="lg">{t('portfolio.remove.body', { title: removing?.title ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={removal.isPending} onClick={remove}>
            {t('common.remove')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
