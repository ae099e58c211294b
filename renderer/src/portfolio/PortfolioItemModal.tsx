import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { portfolioFieldsSchema, type PortfolioFields, type PortfolioItem } from '../../../shared/model/expert';
import { useApi } from '../api/ApiProvider';
import { useT } from '../i18n';
import { serverErrors, zodErrors, type FieldErrors } from '../lib/issues';
import { useNotify } from '../lib/notify';
import { emptyPortfolioItem, PortfolioFieldsEditor } from './PortfolioFieldsEditor';

const fieldsOf = (item: PortfolioItem): PortfolioFields => ({
  kind: item.kind,
  title: item.title,
  year: item.year,
  description: item.description,
  link: item.link,
});

/** Adds a portfolio item to an expert, or edits one; saved at once with portfolio.add / portfolio.update. */
export function PortfolioItemModal({
  expertId,
  item,
  opened,
  onClose,
  onSaved,
}: {
  expertId: string;
  /** The item to edit; null adds a new one. */
  item: PortfolioItem | null;
  opened: boolean;
  onClose(): void;
  onSaved?(): void;
}) {
  const api = useApi();
  const t = useT();
  const notify = useNotify();
  const [value, setValue] = useState<PortfolioFields>(emptyPortfolioItem);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setValue(item ? fieldsOf(item) : emptyPortfolioItem());
      setErrors({});
    }
  }, [opened, item]);

  const submit = async () => {
    const parsed = portfolioFieldsSchema.safeParse(value);
    if (!parsed.success) {
      setErrors(zodErrors(parsed.error, t));
      return;
    }
    setBusy(true);
    let result;
    if (item) {
      // Only what changed, so a concurrent edit of another field elsewhere is not overwritten.
      const before = fieldsOf(item);
      const patch = Object.fromEntries(Object.entries(parsed.data).filter(([k, v]) => before[k as keyof PortfolioFields] !== v));
      result = await api.call('portfolio.update', { id: item.id, patch });
    } else {
      result = await api.call('portfolio.add', { expertId, item: parsed.data });
    }
    setBusy(false);
    if (result.ok) {
      notify.success(t(item ? 'portfolio.updated' : 'portfolio.added'));
      onSaved?.();
      onClose();
      return;
    }
    const mapped = serverErrors(result.error.issues, t, ['item', 'patch']);
    setErrors(mapped);
    if (Object.keys(mapped).length === 0) notify.failure(result.error);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(item ? 'portfolio.edit' : 'portfolio.add')} size="lg" centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <PortfolioFieldsEditor
            value={value}
            onChange={(next) => {
              setValue(next);
              if (Object.keys(errors).length) {
                const parsed = portfolioFieldsSchema.safeParse(next);
                setErrors(parsed.success ? {} : zodErrors(parsed.error, t));
              }
            }}
            errors={errors}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
