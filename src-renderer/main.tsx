import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { useApp } from './app/store';
import { selectHost } from './host/select';
import './styles.css';

const host = selectHost((connected) => useApp.getState().setConnected(connected));
createRoot(document.getElementById('root')!).render(<Root host={host} />);
