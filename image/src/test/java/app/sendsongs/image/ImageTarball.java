package app.sendsongs.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image tarball as {@code docker save} writes it and {@code docker load} / {@code podman load} read it:
 * {@code manifest.json}, the image configuration, and one (gzipped) tar per layer. Opened into a folder, its
 * layers can be read entry by entry and unpacked into one root file system, as a container engine would.
 */
final class ImageTarball {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of a layer: its path in the image, type, owner and mode. */
    record Entry(String path, boolean directory, long uid, long gid, int mode) {
    }

    private final Path folder;
    private final JsonNode manifest;
    private final JsonNode config;

    private ImageTarball(Path folder, JsonNode manifest, JsonNode config) {
        this.folder = folder;
        this.manifest = manifest;
        this.config = config;
    }

    /** Unpacks the outer tarball into {@code folder}. */
    static ImageTarball open(Path tarball, Path folder) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = inside(folder, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                }
            }
        }
        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
        JsonNode config = JSON.readTree(inside(folder, manifest.path(0).path("Config").asText()).toFile());
        return new ImageTarball(folder, manifest, config);
    }

    JsonNode manifest() {
        return manifest;
    }

    /** The image configuration: {@code config.Entrypoint}, {@code config.User}, {@code rootfs.diff_ids}, ... */
    JsonNode config() {
        return config;
    }

    List<Path> layers() {
        List<Path> layers = new ArrayList<>();
        manifest.path(0).path("Layers").forEach(layer -> layers.add(inside(folder, layer.asText())));
        return layers;
    }

    /** The image's environment, as NAME to value. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        config.path("config").path("Env").forEach(line -> {
            String text = line.asText();
            environment.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
        });
        return environment;
    }

    /** The sha256 of a layer's uncompressed tar: what the configuration's {@code rootfs.diff_ids} must list. */
    static String diffId(Path layer) throws IOException {
        try (DigestInputStream in = new DigestInputStream(uncompressed(layer), sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return "sha256:" + HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }

    /** Every entry of a layer. */
    static List<Entry> entries(Path layer) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed(layer))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(new Entry(normalised(entry.getName()), entry.isDirectory(), entry.getLongUserId(),
                        entry.getLongGroupId(), entry.getMode()));
            }
        }
        return entries;
    }

    /**
     * Unpacks every layer, in order, into {@code root}: files, folders, links and their modes, and, when this
     * process may (as root), their owners. A layer may not delete what an earlier one made (no whiteouts here).
     */
    void unpack(Path root, boolean setOwners) throws IOException {
        for (Path layer : layers()) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed(layer))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String name = normalised(entry.getName());
                    if (name.contains(".wh.")) {
                        throw new IOException("unexpected whiteout in " + layer + ": " + name);
                    }
                    Path target = inside(root, name);
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createLink(target, inside(root, normalised(entry.getLinkName())));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.copy(tar, target);
                    }
                    if (!entry.isSymbolicLink()) {
                        Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                        if (setOwners) {
                            Files.setAttribute(target, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
                            Files.setAttribute(target, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
                        }
                    }
                }
            }
        }
    }

    private static InputStream uncompressed(Path layer) throws IOException {
        InputStream in = Files.newInputStream(layer);
        return layer.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String normalised(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** {@code name} under {@code root}; refuses names that would leave it. */
    private static Path inside(Path root, String name) {
        Path target = root.resolve(normalised(name)).normalize();
        if (!target.startsWith(root)) {
            throw new UncheckedIOException(new IOException("entry outside the image: " + name));
        }
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
