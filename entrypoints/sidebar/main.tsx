import { mountPage } from '@/components/mountPage';
import { SidebarApp } from './SidebarApp';

mountPage(<SidebarApp />);
