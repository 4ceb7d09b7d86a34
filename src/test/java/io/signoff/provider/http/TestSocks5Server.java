package io.signoff.provider.http;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SOCKS5 proxy (RFC 1928 CONNECT, RFC 1929 user/password) on loopback for the proxy tests: it records who
 * authenticated and which target was asked for, then relays bytes both ways.
 */
final class TestSocks5Server implements AutoCloseable {
    private final ServerSocket listener;
    private final String user;
    private final String password;
    final List<String> usersSeen = new CopyOnWriteArrayList<>();
    /** "domain:host:port" or "ipv4:a.b.c.d:port" per CONNECT. */
    final List<String> targetsSeen = new CopyOnWriteArrayList<>();

    /** @param user null: no authentication required */
    TestSocks5Server(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-socks5");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() { return listener.getLocalPort(); }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread t = new Thread(() -> serve(client), "test-socks5-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            in.readUnsignedByte(); // version
            byte[] methods = new byte[in.readUnsignedByte()];
            in.readFully(methods);
            boolean offersPassword = new String(methods, StandardCharsets.ISO_8859_1).indexOf(2) >= 0;
            if (user == null) {
                out.write(new byte[] {5, 0});
            } else if (!offersPassword) {
                out.write(new byte[] {5, (byte) 0xFF});
                return;
            } else {
                out.write(new byte[] {5, 2});
                in.readUnsignedByte();
                String u = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
                String p = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
                usersSeen.add(u);
                boolean ok = user.equals(u) && password.equals(p);
                out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
                if (!ok) return;
            }
            in.readUnsignedByte();
            in.readUnsignedByte(); // CONNECT
            in.readUnsignedByte();
            int atyp = in.readUnsignedByte();
            String host;
            if (atyp == 3) {
                host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
                targetsSeen.add("domain:" + host);
            } else {
                host = InetAddress.getByAddress(in.readNBytes(atyp == 1 ? 4 : 16)).getHostAddress();
                targetsSeen.add("ip:" + host);
            }
            int port = in.readUnsignedShort();
            targetsSeen.set(targetsSeen.size() - 1, targetsSeen.get(targetsSeen.size() - 1) + ":" + port);
            try (Socket upstream = new Socket(host, port)) {
                out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                out.flush();
                Thread back = new Thread(() -> pump(upstream, client), "test-socks5-back");
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
                back.join(2000);
            }
        } catch (IOException | InterruptedException ignored) {
            // The test's client decides when a conversation ends.
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) != -1; ) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
