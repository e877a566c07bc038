import { mountPage } from '@/components/mountPage';
import { PopupApp } from './PopupApp';

mountPage(<PopupApp />);
