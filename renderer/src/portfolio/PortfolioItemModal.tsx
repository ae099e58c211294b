import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { portfolioFieldsSchema, type PortfolioFields, type PortfolioItem } from '../../../shared/model/expert';
import { useApi, useInvalidate } from '../api/ApiProvider';
import { ApiError, callOrThrow } from '../api/queries';
import { useI18n } from '../i18n';
import { parseIn, serverErrors, type FieldErrors } from '../lib/issues';
import { useNotify } from '../lib/notify';
import { emptyPortfolioItem, PortfolioFieldsEditor } from './PortfolioFieldsEditor';

const fieldsOf = (item: PortfolioItem): PortfolioFields => ({
  kind: item.kind,
  title: item.title,
  year: item.year,
  description: item.description,
  link: item.link,
});

type SaveInput = { item: PortfolioItem | null; expertId: string; fields: PortfolioFields };

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
  const invalidate = useInvalidate();
  const { locale, t } = useI18n();
  const notify = useNotify();
  const check = (values: PortfolioFields) => parseIn(portfolioFieldsSchema, values, locale, t);
  const form = useForm<PortfolioFields>({
    mode: 'controlled',
    initialValues: emptyPortfolioItem(),
    validate: (values) => check(values).errors,
  });

  useEffect(() => {
    if (!opened) return;
    const start = item ? fieldsOf(item) : emptyPortfolioItem();
    form.setInitialValues(start);
    form.setValues(start);
    form.clearErrors();
    // Only opening (or switching items) starts over; `form` is a new object every render.
  }, [opened, item]);

  const save = useMutation({
    mutationFn: ({ item, expertId, fields }: SaveInput) => {
      if (!item) return callOrThrow(api, 'portfolio.add', { expertId, item: fields });
      // Only what changed, so a concurrent edit of another field elsewhere is not overwritten.
      const before = fieldsOf(item);
      const patch = Object.fromEntries(Object.entries(fields).filter(([k, v]) => before[k as keyof PortfolioFields] !== v));
      return callOrThrow(api, 'portfolio.update', { id: item.id, patch });
    },
    onSuccess: () => invalidate(['portfolio']),
  });

  const submit = async (values: PortfolioFields) => {
    const parsed = check(values);
    if (!parsed.ok) return;
    try {
      await save.mutateAsync({ item, expertId, fields: parsed.data });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const mapped: FieldErrors = serverErrors(error.error.issues, t, ['item', 'patch']);
      form.setErrors(mapped);
      if (Object.keys(mapped).length === 0) notify.failure(error.error);
      return;
    }
    notify.success(t(item ? 'portfolio.updated' : 'portfolio.added'));
    onSaved?.();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(item ? 'portfolio.edit' : 'portfolio.add')} size="lg" centered>
      <form noValidate onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack>
          <PortfolioFieldsEditor
            value={form.getValues()}
            onChange={(next) => {
              form.setValues(next);
              // After a refused save, the messages follow each change.
              if (Object.keys(form.errors).length) form.setErrors(check(next).errors);
            }}
            errors={form.errors as FieldErrors}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
