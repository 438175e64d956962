package org.opencxm.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded PostgreSQL's superuser password: generated on the first start, kept in the data
 * directory readable by its owner only (the directory itself is too, as PostgreSQL demands), and
 * never logged. Connections authenticate with it by SCRAM-SHA-256, so another local user of the
 * machine cannot connect, which with PostgreSQL's default {@code trust} they could, as superuser.
 */
final class DatabasePassword {

    /** Beside PostgreSQL's own files, which it leaves alone. */
    static final String FILE = "opencxm-password";

    private DatabasePassword() {}

    static Optional<String> read(Path dataDirectory) throws IOException {
        var file = dataDirectory.resolve(FILE);
        return Files.exists(file)
                ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                : Optional.empty();
    }

    static String generate() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the password where only the owner can read it; {@code file} must not exist yet. */
    static void write(Path file, String password) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }
}
