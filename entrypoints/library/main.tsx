import { mountPage } from '@/components/mountPage';
import { LibraryApp } from './LibraryApp';

mountPage(<LibraryApp />);
