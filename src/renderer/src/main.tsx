import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/AppRoot';
import { NoKeyScreen } from './app/NoKeyScreen';
import { createTransport } from './transport/createApi';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const transport = createTransport();

createRoot(container).render(
  <StrictMode>
    {transport.kind === 'ready' ? <AppRoot api={transport.api} connection={transport.connection} /> : <NoKeyScreen />}
  </StrictMode>,
);
