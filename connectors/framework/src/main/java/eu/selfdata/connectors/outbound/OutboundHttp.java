package eu.selfdata.connectors.outbound;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.usecase.api.limits.CappedInputStream;
import eu.selfdata.usecase.api.limits.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of every connector (Apache HttpClient 5), for GETs on behalf of a city:
 * <ul>
 *   <li>every connection goes to an address {@link OutboundGuard} returned for that city: the DNS
 *   resolver of the client is the guard, IP literals included;</li>
 *   <li>redirects are followed here, at most {@value #MAX_REDIRECTS}, each one checked again: http or
 *   https only, never from https down to http, no user info; credentials headers are dropped when
 *   the origin changes;</li>
 *   <li>connect and read timeouts, and a deadline for the whole call that closes the connection of a
 *   server trickling bytes;</li>
 *   <li>bodies are capped while they stream; what is left unread is never drained, the connection
 *   is closed instead.</li>
 * </ul>
 * Failures are {@link OutboundException}s whose message says why and never holds the answer. No
 * connection is pooled across calls (a pooled connection would skip the check for the next city).
 */
public final class OutboundHttp implements AutoCloseable {

    public static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");

    private final OutboundGuard guard;
    private final OutboundSettings settings;
    private final Lookup<TlsSocketStrategy> tls = RegistryBuilder.<TlsSocketStrategy>create()
            .register(URIScheme.HTTPS.id, DefaultClientTlsStrategy.createDefault())
            .build();
    private final ManagedHttpClientConnectionFactory connections = ManagedHttpClientConnectionFactory.builder()
            .http1Config(Http1Config.custom()
                    .setMaxLineLength(8 * 1024)
                    .setMaxHeaderCount(100)
                    .build())
            .build();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outbound-deadlines").factory());

    private final DetachedSocketFactory sockets;

    public OutboundHttp(OutboundGuard guard) {
        this(guard, proxy -> new Socket());
    }

    /** @param sockets where tests make sure that no connection leaves loopback, whatever the guard decided */
    OutboundHttp(OutboundGuard guard, DetachedSocketFactory sockets) {
        this.guard = guard;
        this.settings = guard.settings();
        this.sockets = sockets;
    }

    /** A text answer: the URL that gave it (after redirects), its content type, the decoded body. */
    public record Text(URI uri, String contentType, String body) {}

    /** A body written to the caller's file: the URL that gave it, its content type and size. */
    public record Download(URI uri, String contentType, long bytes) {}

    /**
     * GETs {@code url} for {@code city} and decodes the answer (charset of its content type, UTF-8 by
     * default), refused past {@code max-text-size}.
     *
     * @param headers request headers chosen by code, e.g. {@code Accept}
     */
    public Text getText(String city, URI url, Map<String, String> headers) throws OutboundException {
        long cap = settings.maxTextSize().toBytes();
        return call(
                city,
                url,
                headers,
                settings.textDeadline(),
                (uri, entity) -> new Text(
                        uri,
                        entity.getContentType(),
                        new String(capped(uri, entity, cap).readAllBytes(), charset(entity))));
    }

    /**
     * GETs {@code url} for {@code city} into {@code target} (replaced), refused past
     * {@code max-download-size}. The caller owns the file, also when this fails.
     */
    public Download download(String city, URI url, Map<String, String> headers, Path target) throws OutboundException {
        long cap = settings.maxDownloadSize().toBytes();
        return call(
                city,
                url,
                headers,
                settings.downloadDeadline(),
                (uri, entity) -> new Download(
                        uri,
                        entity.getContentType(),
                        Files.copy(capped(uri, entity, cap), target, StandardCopyOption.REPLACE_EXISTING)));
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    /** Reads what it needs of the body and leaves the stream open: closing it would read the rest. */
    private interface BodyReader<T> {
        T read(URI uri, HttpEntity entity) throws IOException;
    }

    private <T> T call(String city, URI url, Map<String, String> headers, Duration deadline, BodyReader<T> reader)
            throws OutboundException {
        CitySlug.of(city);
        URI current = checked(url, null);
        AtomicBoolean expired = new AtomicBoolean();
        AtomicReference<HttpGet> inFlight = new AtomicReference<>();
        ScheduledFuture<?> watchdog = deadlines.schedule(
                () -> {
                    expired.set(true);
                    HttpGet request = inFlight.get();
                    if (request != null) {
                        request.cancel();
                    }
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        Map<String, String> sent = new LinkedHashMap<>(headers);
        try (CloseableHttpClient client = client(city)) {
            for (int hop = 0; ; hop++) {
                HttpGet request = new HttpGet(current);
                sent.forEach(request::addHeader);
                inFlight.set(request);
                if (expired.get()) {
                    request.cancel();
                }
                ClassicHttpResponse response = client.executeOpen(null, request, null);
                try {
                    int status = response.getCode();
                    if (REDIRECTS.contains(status)) {
                        if (hop == MAX_REDIRECTS) {
                            throw new OutboundException.Refused(
                                    "more than " + MAX_REDIRECTS + " redirects, the last from " + describe(current));
                        }
                        URI next = checked(location(current, response), current);
                        if (!origin(next).equals(origin(current))) {
                            sent.keySet().removeIf(name -> CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)));
                        }
                        current = next;
                        continue;
                    }
                    if (status < 200 || status > 299) {
                        throw new OutboundException.Status(status, "GET " + describe(current) + " answered " + status);
                    }
                    return reader.read(current, response.getEntity());
                } finally {
                    // What is left of the body is never read (closing the response first would drain it):
                    // the connection is closed instead.
                    request.cancel();
                    closeQuietly(response);
                }
            }
        } catch (LimitExceededException e) {
            throw new OutboundException.TooLarge(e.getMessage());
        } catch (OutboundException e) {
            throw expired.get() ? timeout(current, deadline, e) : e;
        } catch (IOException e) {
            throw failure(current, deadline, expired.get(), e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private CloseableHttpClient client(String city) {
        BasicHttpClientConnectionManager manager = new BasicHttpClientConnectionManager(
                new DefaultHttpClientConnectionOperator(
                        sockets, DefaultSchemePortResolver.INSTANCE, new GuardedDnsResolver(guard, city), tls),
                connections);
        manager.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build());
        return HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("selfdata-connectors")
                .build();
    }

    private static InputStream capped(URI uri, HttpEntity entity, long cap) throws IOException {
        if (entity == null) {
            return InputStream.nullInputStream();
        }
        if (entity.getContentLength() > cap) {
            throw new OutboundException.TooLarge("the answer of " + describe(uri) + " announces "
                    + entity.getContentLength() + " bytes, more than the cap of " + cap);
        }
        return new CappedInputStream(entity.getContent(), cap, "the answer of " + describe(uri));
    }

    private static Charset charset(HttpEntity entity) {
        try {
            ContentType type = ContentType.parseLenient(entity.getContentType());
            return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static URI location(URI current, ClassicHttpResponse response) throws OutboundException.Refused {
        Header location = response.getFirstHeader("Location");
        if (location == null) {
            throw new OutboundException.Refused(
                    describe(current) + " redirects (" + response.getCode() + ") without a Location");
        }
        try {
            return current.resolve(new URI(location.getValue().strip()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new OutboundException.Refused(describe(current) + " redirects to a location that is not a URL");
        }
    }

    /** An absolute http(s) URL without user info; no step down from https to http. */
    private static URI checked(URI url, URI from) throws OutboundException.Refused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String where = from == null ? "" : " (redirect from " + describe(from) + ")";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundException.Refused("only http and https URLs are fetched, not '" + scheme + ":'" + where);
        }
        if (url.getHost() == null) {
            throw new OutboundException.Refused("the URL has no host" + where);
        }
        if (url.getRawUserInfo() != null) {
            throw new OutboundException.Refused("a URL with user info is refused: " + describe(url) + where);
        }
        if (from != null && "https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http")) {
            throw new OutboundException.Refused(
                    "a redirect from https down to http is refused: " + describe(url) + where);
        }
        return url;
    }

    private static String origin(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":"
                + url.getPort();
    }

    /** Scheme, host, port and path: never user info nor the query (it may hold a key). */
    static String describe(URI url) {
        String path = Objects.requireNonNullElse(url.getRawPath(), "");
        String text = Objects.requireNonNullElse(url.getScheme(), "") + "://" + url.getHost()
                + (url.getPort() >= 0 ? ":" + url.getPort() : "") + path;
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the connection is already closed: nothing left to release
        }
    }

    private static OutboundException failure(URI current, Duration deadline, boolean expired, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutboundException.Refused refused) {
                return refused;
            }
        }
        if (expired) {
            return timeout(current, deadline, e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new OutboundException.Timeout(
                    "no connection to " + describe(current) + " within the connect timeout", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new OutboundException.Timeout(
                    describe(current) + " sent nothing for longer than the read timeout", e);
        }
        if (e instanceof UnknownHostException) {
            return new OutboundException("host " + current.getHost() + " not found", e);
        }
        return new OutboundException(
                "GET " + describe(current) + " failed: " + e.getClass().getSimpleName(), e);
    }

    private static OutboundException.Timeout timeout(URI current, Duration deadline, IOException e) {
        return new OutboundException.Timeout(
                "no complete answer from " + describe(current) + " within " + deadline.toSeconds() + " s", e);
    }

    /** HttpClient's resolver for one city: only addresses the guard returned are ever connected to. */
    private record GuardedDnsResolver(OutboundGuard guard, String city) implements DnsResolver {

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            try {
                return guard.resolve(city, host, port).stream()
                        .map(address -> new InetSocketAddress(address, port))
                        .toList();
            } catch (OutboundException.Refused e) {
                throw new RefusedHost(e);
            }
        }

        /** Port unknown: only allow-list entries without a port apply. */
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return resolve(host, 0).stream().map(InetSocketAddress::getAddress).toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** The resolver may only throw UnknownHostException: the refusal travels inside it. */
    private static final class RefusedHost extends UnknownHostException {
        RefusedHost(OutboundException.Refused refusal) {
            super(refusal.getMessage());
            initCause(refusal);
        }
    }
}
