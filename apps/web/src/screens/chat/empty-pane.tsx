import { useTranslation } from 'react-i18next';
import { Logo } from '../../components/logo';

export function EmptyPane({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="empty-pane">
      <Logo size={72} />
      <h2>{t('emptyPane.title')}</h2>
      <p className="muted">{t('emptyPane.body')}</p>
      <button type="button" className="button" onClick={onNew}>
        {t('conversations.new')}
      </button>
    </div>
  );
}
