// A tiny HTTP CONNECT proxy that tunnels every HTTPS connection to the fixture server,
// whatever host and port the browser asked for. Firefox uses it so that the fixture
// pages load as https://www.facebook.com/ with no port in the address, exactly as the
// real site: Firefox grants host permissions per port, so a port would make tests of
// `tabs` and `scripting` fail where real users would not.
import { createServer } from 'node:http';
import { connect } from 'node:net';

/** @param {{ targetPort: number }} options */
export async function startConnectProxy({ targetPort }) {
  const server = createServer((_req, res) => {
    res.writeHead(405).end('CONNECT only');
  });
  // Tunnels leave the HTTP server's bookkeeping: keep our own, to end them on close.
  const sockets = new Set();
  server.on('connect', (_req, clientSocket, head) => {
    const upstream = connect(targetPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head?.length) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(clientSocket).add(upstream);
    const close = () => {
      upstream.destroy();
      clientSocket.destroy();
      sockets.delete(clientSocket);
      sockets.delete(upstream);
    };
    upstream.on('close', close);
    clientSocket.on('close', close);
    upstream.on('error', close);
    clientSocket.on('error', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
