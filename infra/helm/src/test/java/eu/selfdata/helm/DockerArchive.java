package eu.selfdata.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An image in the tarball format of `docker save` (manifest.json, the config, one tar per layer), the
 * format Jib reads as a {@code tar://} base image and writes with {@code jib:buildTar}.
 *
 * @param repoTags the names the image is saved under
 * @param config the image configuration (its {@code config} object holds User, Entrypoint, Env…)
 * @param layers each layer's entries, base image's first
 */
record DockerArchive(List<String> repoTags, JsonNode config, List<List<TarArchiveEntry>> layers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes the smallest base image Jib accepts: one uncompressed layer (as `docker save` leaves them)
     * with a world-writable {@code /tmp} and one file, linux/amd64, and an environment of its own.
     */
    static void writeBase(Path file) throws IOException {
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(layer)) {
            TarArchiveEntry tmp = new TarArchiveEntry("tmp/");
            tmp.setMode(01777);
            tar.putArchiveEntry(tmp);
            tar.closeArchiveEntry();
            put(tar, "etc/os-release", "ID=selfdata-test\n".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> config = Map.of(
                "architecture",
                "amd64",
                "os",
                "linux",
                "config",
                Map.of("Env", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")),
                "rootfs",
                Map.of("type", "layers", "diff_ids", List.of("sha256:" + sha256(layer.toByteArray()))));
        List<Map<String, Object>> manifest = List.of(
                Map.of("Config", "config.json", "RepoTags", List.of("base:test"), "Layers", List.of("layer.tar")));
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            put(tar, "manifest.json", JSON.writeValueAsBytes(manifest));
            put(tar, "config.json", JSON.writeValueAsBytes(config));
            put(tar, "layer.tar", layer.toByteArray());
        }
    }

    /** Reads an image tarball; its layers may be gzipped (Jib's) or not (`docker save`'s). */
    static DockerArchive read(Path file) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        List<String> repoTags = new ArrayList<>();
        manifest.get("RepoTags").forEach(tag -> repoTags.add(tag.asText()));
        List<List<TarArchiveEntry>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            layers.add(entries(files.get(layer.asText())));
        }
        return new DockerArchive(
                repoTags, JSON.readTree(files.get(manifest.get("Config").asText())), layers);
    }

    private static List<TarArchiveEntry> entries(byte[] layer) throws IOException {
        boolean gzipped = layer.length > 1 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b;
        InputStream in = new ByteArrayInputStream(layer);
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(gzipped ? new GZIPInputStream(in) : in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
