import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useI18n } from '../i18n';

/**
 * Text with a copy button. Used for e-mail addresses instead of mailto: links, which the
 * desktop shell does not hand to other programs (only http(s) links leave the app).
 */
export function CopyableText({ value }: { value: string }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="nowrap">
      <Text component="span" style={{ userSelect: 'text' }}>
        {value}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('action.copied') : t('action.copy')} withArrow>
            <ActionIcon variant="subtle" size="sm" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`${t('action.copy')} ${value}`}>
              {copied ? '✓' : '⧉'}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
