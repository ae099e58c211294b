import { Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { displayName } from '../../../../shared/model/expert';
import { useApi, useInvalidate } from '../../api/ApiProvider';
import { callOrThrow } from '../../api/queries';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { useLeaveGuard, useNavigation } from '../../nav/Navigation';
import type { UploadAttachment } from './AttachmentField';
import { ApplicationForm } from './ApplicationForm';

function LeaveGuard({ dirty }: { dirty: boolean }) {
  useLeaveGuard(dirty);
  return null;
}

/**
 * `#/applications/new`: a curator enters an application (from paper, an e-mail, an interview).
 * It is created with its `submitted` event (applications.create) and the curator lands on its page.
 */
export function NewApplicationScreen() {
  const api = useApi();
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const client = useQueryClient();
  const { navigate } = useNavigation();
  const saved = useRef(false);

  const upload = useCallback<UploadAttachment>((file) => api.call('applications.putAttachment', file), [api]);

  return (
    <ApplicationForm
      mode="curator"
      title={t('application.new.title')}
      intro={<Text c="dimmed">{t('application.new.intro')}</Text>}
      submitLabel={t('application.new.create')}
      upload={upload}
      guard={(dirty) => <LeaveGuard dirty={dirty && !saved.current} />}
      onCancel={() => navigate({ screen: 'applications' })}
      onSubmit={async (fields) => {
        const created = await callOrThrow(api, 'applications.create', { fields: { ...fields, source: 'curator' } });
        saved.current = true;
        client.setQueryData(['applications.get', { id: created.id }], created);
        invalidate(['application', 'vetting_event']);
        notify.success(t('application.new.created', { name: displayName(created.fields) }));
        navigate({ screen: 'application', id: created.id }, { replace: true, force: true });
      }}
    />
  );
}
