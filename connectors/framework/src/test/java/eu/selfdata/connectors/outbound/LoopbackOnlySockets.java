package eu.selfdata.connectors.outbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Test safety net: sockets that refuse to connect anywhere but loopback, so a test of "refuse X"
 * can never send a packet to X even when the code under test is wrong.
 */
final class LoopbackOnlySockets implements DetachedSocketFactory {

    @Override
    public Socket create(Proxy proxy) {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                if (!(endpoint instanceof InetSocketAddress address)
                        || address.getAddress() == null
                        || !address.getAddress().isLoopbackAddress()) {
                    throw new AssertionError("test hook: a connection to " + endpoint + " would have left the machine");
                }
                super.connect(endpoint, timeout);
            }
        };
    }
}
