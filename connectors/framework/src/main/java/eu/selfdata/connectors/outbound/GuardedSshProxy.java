package eu.selfdata.connectors.outbound;

import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * JSch's way in for SSH (Camel's SFTP endpoint takes it as {@code proxy}): instead of a proxy
 * server, it connects directly to an address {@link OutboundGuard} checked for the city. JSch calls
 * it under a lock on the proxy and closes it on disconnect; it holds one session's socket, so each
 * endpoint gets its own.
 */
final class GuardedSshProxy implements Proxy {

    private final OutboundGuard guard;
    private final String city;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private Socket socket;

    GuardedSshProxy(OutboundGuard guard, String city, Duration connectTimeout, Duration readTimeout) {
        this.guard = guard;
        this.city = city;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** @param timeout JSch's connect timeout in milliseconds, 0 for none: the guard's then applies */
    @Override
    public synchronized void connect(SocketFactory ignored, String host, int port, int timeout) throws IOException {
        close();
        int millis = timeout > 0 ? Math.min(timeout, (int) connectTimeout.toMillis()) : (int) connectTimeout.toMillis();
        IOException last = null;
        for (InetAddress address : guard.resolve(city, host, port)) {
            Socket candidate = new Socket();
            try {
                candidate.connect(new InetSocketAddress(address, port), millis);
                candidate.setTcpNoDelay(true);
                candidate.setSoTimeout((int) readTimeout.toMillis());
                socket = candidate;
                return;
            } catch (IOException e) {
                candidate.close();
                last = e;
            }
        }
        String reason = "SSH connection to " + host + ":" + port + " failed: " + last.getMessage();
        throw last instanceof java.net.SocketTimeoutException
                ? new OutboundException.Timeout(reason, last)
                : new OutboundException(reason, last);
    }

    @Override
    public synchronized InputStream getInputStream() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("not connected", e);
        }
    }

    @Override
    public synchronized OutputStream getOutputStream() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException("not connected", e);
        }
    }

    @Override
    public synchronized Socket getSocket() {
        return socket;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead socket: nothing left to release
            }
            socket = null;
        }
    }
}
