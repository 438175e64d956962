package org.opencxm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a published package from the npm registry as its tarball, unpacked under {@code
 * target/npm}, so that a browser test can serve the very files a website would. Needs the
 * machine's npm and tar; a package fetched once stays for the next run.
 */
public final class NpmPackages {

    private static final Path ROOT = Path.of("target", "npm");

    private NpmPackages() {}

    /**
     * @param name the package, such as {@code @segment/analytics-next}
     * @param version the exact version, pinned
     * @return the package's root directory (the tarball's {@code package/})
     */
    public static synchronized Path fetch(String name, String version) {
        var directory = ROOT.resolve(name.replace('/', '+') + "@" + version);
        var root = directory.resolve("package");
        if (Files.isRegularFile(root.resolve("package.json"))) {
            return root;
        }
        try {
            Files.createDirectories(directory);
            run(directory, "npm", "pack", name + "@" + version, "--silent", "--pack-destination", ".");
            try (var tarballs = Files.list(directory)) {
                var tarball = tarballs.filter(p -> p.toString().endsWith(".tgz"))
                        .findFirst()
                        .orElseThrow();
                run(directory, "tar", "xzf", tarball.getFileName().toString());
                Files.delete(tarball);
            }
            return root;
        } catch (IOException e) {
            throw new IllegalStateException("Could not fetch " + name + "@" + version + " from npm", e);
        }
    }

    private static void run(Path directory, String... command) throws IOException {
        var process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("npm.log").toFile())
                .start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed; see " + directory.resolve("npm.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
