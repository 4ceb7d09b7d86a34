package io.signoff.provider.http;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.Dns;

/**
 * Sockets that reach their target through a SOCKS5 proxy, with RFC 1929 username/password authentication held by
 * this one factory.
 *
 * <p>Why not OkHttp's own SOCKS support: it uses {@code java.net.Socket(Proxy)}, whose SOCKS code asks the JVM-wide
 * {@code java.net.Authenticator.setDefault(..)} for credentials — one global, mutable slot shared by every connection
 * and every library in the process. Doing the short SOCKS5 handshake here keeps each connection's proxy credentials
 * with that connection, and a proxy that wants credentials we do not have fails loudly with
 * {@link ProxyAuthenticationException} instead of the JDK silently trying the OS user name.
 *
 * <p>OkHttp is configured with {@code Proxy.NO_PROXY}, this factory and {@link #remoteDns()}: host names are resolved
 * by the proxy (like curl's {@code socks5h://}), which is what locked-down networks without public DNS need.
 */
final class Socks5SocketFactory extends SocketFactory {
    private static final int VERSION = 5;
    private static final int NO_AUTH = 0x00;
    private static final int USER_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int CMD_CONNECT = 1;
    private static final int ATYP_IPV4 = 1;
    private static final int ATYP_DOMAIN = 3;
    private static final int ATYP_IPV6 = 4;
    /** Marks "resolve at the proxy": an address nothing else connects to, carrying the host name. */
    private static final byte[] UNRESOLVED = {0, 0, 0, 0};

    private final String proxyHost;
    private final int proxyPort;
    private final String username;
    private final byte[] password;
    private final int handshakeTimeoutMillis;

    /**
     * @param username null when the proxy needs no credentials
     * @param password may be null or empty (RFC 1929 allows an empty password)
     */
    Socks5SocketFactory(String proxyHost, int proxyPort, String username, char[] password, int handshakeTimeoutMillis) {
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.username = username == null || username.isBlank() ? null : username;
        this.password = password == null ? new byte[0] : new String(password).getBytes(StandardCharsets.UTF_8);
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        if (this.username != null && this.username.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("SOCKS proxy user name is longer than 255 bytes");
        }
        if (this.password.length > 255) {
            throw new IllegalArgumentException("SOCKS proxy password is longer than 255 bytes");
        }
    }

    /**
     * Hands host names to the proxy unresolved; IP literals never reach a {@link Dns} in OkHttp. Every name maps to
     * the same placeholder address, so OkHttp may consider two hosts' routes equal; it still only shares an HTTP/2
     * connection between hosts when that server's verified certificate covers both, which is TLS's own standard.
     */
    static Dns remoteDns() {
        return hostname -> List.of(InetAddress.getByAddress(hostname, UNRESOLVED));
    }

    @Override public Socket createSocket() { return new Socks5Socket(); }

    @Override public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
    }

    @Override public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    private final class Socks5Socket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new IllegalArgumentException("Unsupported address type " + endpoint);
            }
            InetSocketAddress proxy = new InetSocketAddress(proxyHost, proxyPort);
            if (proxy.isUnresolved()) throw new UnknownHostException("SOCKS proxy host " + proxyHost);
            try {
                super.connect(proxy, timeout);
            } catch (ConnectException e) {
                throw new ConnectException("SOCKS proxy " + proxyHost + ":" + proxyPort + ": " + e.getMessage());
            }
            int readTimeout = getSoTimeout();
            // The handshake is part of connecting: bound it by the connect timeout, then restore the read timeout.
            setSoTimeout(timeout > 0 ? timeout : handshakeTimeoutMillis);
            try {
                handshake(target, super.getInputStream(), super.getOutputStream());
            } catch (IOException e) {
                close();
                throw e;
            }
            setSoTimeout(readTimeout);
        }

        private void handshake(InetSocketAddress target, InputStream rawIn, OutputStream out) throws IOException {
            DataInputStream in = new DataInputStream(rawIn);
            String where = "SOCKS proxy " + proxyHost + ":" + proxyPort;
            out.write(username == null ? new byte[] {VERSION, 1, NO_AUTH} : new byte[] {VERSION, 2, NO_AUTH, USER_PASSWORD});
            out.flush();
            expectVersion(in.readUnsignedByte(), where);
            int method = in.readUnsignedByte();
            if (method == USER_PASSWORD && username != null) {
                authenticate(in, out, where);
            } else if (method == USER_PASSWORD || method == NO_ACCEPTABLE_METHOD && username == null) {
                throw new ProxyAuthenticationException(where + " requires a user name and password, and this connection has none");
            } else if (method != NO_AUTH) {
                throw new ConnectException(where + " offers no authentication method Signoff supports (method " + method + ")");
            }
            out.write(connectRequest(target));
            out.flush();
            expectVersion(in.readUnsignedByte(), where);
            int reply = in.readUnsignedByte();
            in.readUnsignedByte(); // reserved
            skipBoundAddress(in, in.readUnsignedByte());
            if (reply != 0) {
                // Nothing reached the target: report it like a refused connection, which callers may safely retry.
                throw new ConnectException(where + " could not connect to " + target.getHostString() + ":"
                        + target.getPort() + " (" + replyText(reply) + ")");
            }
        }

        private void authenticate(DataInputStream in, OutputStream out, String where) throws IOException {
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            byte[] message = new byte[3 + user.length + password.length];
            message[0] = 1; // sub-negotiation version
            message[1] = (byte) user.length;
            System.arraycopy(user, 0, message, 2, user.length);
            message[2 + user.length] = (byte) password.length;
            System.arraycopy(password, 0, message, 3 + user.length, password.length);
            try {
                out.write(message);
                out.flush();
            } finally {
                Arrays.fill(message, (byte) 0);
            }
            in.readUnsignedByte(); // sub-negotiation version
            if (in.readUnsignedByte() != 0) {
                throw new ProxyAuthenticationException(where + " rejected the user name and password of user '" + username + "'");
            }
        }
    }

    private static byte[] connectRequest(InetSocketAddress target) {
        InetAddress address = target.getAddress();
        byte[] host;
        int atyp;
        if (address == null || Arrays.equals(address.getAddress(), UNRESOLVED)) {
            host = target.getHostString().getBytes(StandardCharsets.US_ASCII);
            atyp = ATYP_DOMAIN;
        } else {
            host = address.getAddress();
            atyp = address instanceof Inet6Address ? ATYP_IPV6 : ATYP_IPV4;
        }
        int prefix = atyp == ATYP_DOMAIN ? 5 : 4;
        byte[] message = new byte[prefix + host.length + 2];
        message[0] = VERSION;
        message[1] = CMD_CONNECT;
        message[2] = 0;
        message[3] = (byte) atyp;
        if (atyp == ATYP_DOMAIN) message[4] = (byte) host.length;
        System.arraycopy(host, 0, message, prefix, host.length);
        message[prefix + host.length] = (byte) (target.getPort() >> 8);
        message[prefix + host.length + 1] = (byte) target.getPort();
        return message;
    }

    private static void expectVersion(int version, String where) throws IOException {
        if (version != VERSION) throw new ConnectException(where + " does not speak SOCKS5 (answered version " + version + ")");
    }

    private static void skipBoundAddress(DataInputStream in, int atyp) throws IOException {
        int length = switch (atyp) {
            case ATYP_IPV4 -> 4;
            case ATYP_IPV6 -> 16;
            case ATYP_DOMAIN -> in.readUnsignedByte();
            default -> throw new ConnectException("SOCKS proxy answered an unknown address type " + atyp);
        };
        in.readFully(new byte[length + 2]);
    }

    private static String replyText(int reply) {
        return switch (reply) {
            case 1 -> "general failure";
            case 2 -> "not allowed by the proxy's rules";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "error " + reply;
        };
    }
}
