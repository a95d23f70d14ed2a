package eu.selfdata.mobility.takeout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;

/**
 * Takeout files as they arrive, by the tus 1.0.0 resumable upload protocol (tus.io; server side by
 * tus-java-server): a client creates an upload with its length, sends it in PATCHes from the offset
 * the server has, and after a broken connection asks that offset (HEAD) and goes on from it. Each
 * upload belongs to one citizen of one city (its owner key): anybody else's request finds nothing.
 * The bytes wait on disk until their import has read them, then are deleted; an upload left
 * unfinished or unimported expires after {@code expiry} (checked every hour).
 */
public class TakeoutUploads implements AutoCloseable {

    /** Where uploads are created; an upload's URL is this path, a slash and its id. */
    public static final String PATH = "/api/mobility-carbon/takeout/uploads";

    private final TusFileUploadService tus;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("takeout-upload-cleaner").daemon().factory());

    /** An upload as its owner sees it: its id, how long it is, how much has arrived. */
    public record Upload(UUID id, long length, long received) {

        public boolean complete() {
            return length >= 0 && received == length;
        }
    }

    /** @param storage created owner-only: citizens' location histories wait there until imported */
    public TakeoutUploads(Path storage, long maxBytes, Duration expiry) {
        createOwnerOnly(storage);
        this.tus = new TusFileUploadService()
                .withUploadUri(PATH)
                .withStoragePath(storage.toString())
                .withMaxUploadSize(maxBytes)
                .withUploadExpirationPeriod(expiry.toMillis())
                .withThreadLocalCache(false);
        cleaner.scheduleWithFixedDelay(this::cleanup, 1, 60, TimeUnit.MINUTES);
    }

    private static void createOwnerOnly(Path storage) {
        try {
            if (storage.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(
                        storage, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(storage);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + storage, e);
        }
    }

    /** Answers one tus request (OPTIONS, POST, HEAD, PATCH, DELETE) for this owner's uploads. */
    public void process(HttpServletRequest request, HttpServletResponse response, Owner owner) {
        try {
            tus.process(request, response, owner.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Upload> find(UUID id, Owner owner) {
        try {
            UploadInfo info = tus.getUploadInfo(url(id), owner.key());
            return Optional.ofNullable(info)
                    .map(found -> new Upload(id, found.hasLength() ? found.getLength() : -1, found.getOffset()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TusException e) {
            return Optional.empty();
        }
    }

    public InputStream open(UUID id, Owner owner) {
        try {
            InputStream bytes = tus.getUploadedBytes(url(id), owner.key());
            if (bytes == null) {
                throw new IllegalStateException("upload " + id + " is gone");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TusException e) {
            throw new IllegalStateException("upload " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Deletes the upload's bytes, if they are still there. */
    public void delete(UUID id, Owner owner) {
        try {
            tus.deleteUpload(url(id), owner.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TusException e) {
            // already gone
        }
    }

    private void cleanup() {
        try {
            tus.cleanup();
        } catch (IOException | RuntimeException e) {
            // the next round tries again
        }
    }

    private static String url(UUID id) {
        return PATH + "/" + id;
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
    }

    /** Whose uploads: a citizen of a city. The key tus stores with each upload and checks on every request. */
    public record Owner(String city, UUID citizen) {

        public Owner {
            if (city == null || city.isBlank() || citizen == null) {
                throw new IllegalArgumentException("an owner is a citizen of a city");
            }
        }

        String key() {
            return city + "/" + citizen;
        }
    }
}
