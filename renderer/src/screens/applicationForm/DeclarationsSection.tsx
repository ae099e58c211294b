import { Paper, Stack, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import { declarationKinds, type DeclarationKind } from '../../../../shared/model/vetting/application';
import { formatDateTime, useI18n } from '../../i18n';
import { sameDataProps } from '../../lib/memo';
import { FormSection } from '../form/formSections';
import type { PartProps } from './sections';

/**
 * The three declarations ACCSM asks for, each signed by typing one's name under its text. The
 * signature is { signedName, signedAt }: the time is when the name was last typed, and clearing
 * the name withdraws the signature.
 */
export const DeclarationsSection = memo(function DeclarationsSection({ values, errors, set, touch, mode }: PartProps<'declarations'>) {
  const { locale, t } = useI18n();
  const sign = (kind: DeclarationKind, name: string) =>
    set('declarations', { ...values.declarations, [kind]: name.trim() ? { signedName: name, signedAt: Date.now() } : null });

  return (
    <FormSection title={t('application.section.declarations')} description={t(mode === 'kiosk' ? 'application.declarations.description.you' : 'application.declarations.description')}>
      {declarationKinds.map((kind) => {
        const signature = values.declarations[kind];
        return (
          <Paper key={kind} withBorder p="sm" radius="sm" role="group" aria-labelledby={`declaration-${kind}-title`} data-testid={`declaration-${kind}`}>
            <Stack gap="xs">
              <Text fw={600} size="sm" id={`declaration-${kind}-title`}>
                {t(`application.declaration.${kind}.title`)}
              </Text>
              <Text size="sm">
                {t(`application.declaration.${kind}.text`)}
              </Text>
              <TextInput
                label={t('application.declaration.sign', { what: t(`application.declaration.${kind}.title`) })}
                description={signature ? t('application.declaration.signedAt', { time: formatDateTime(locale, signature.signedAt) }) : t('application.declaration.signHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={signature?.signedName ?? ''}
                onChange={(e) => sign(kind, e.currentTarget.value)}
                onBlur={() => touch('declarations')}
                error={errors[`declarations.${kind}`]}
                required={mode === 'kiosk'}
                autoComplete="off"
                maw={420}
              />
            </Stack>
          </Paper>
        );
      })}
    </FormSection>
  );
}, sameDataProps);
