package org.opencxm.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, as DESIGN.md prescribes: Playwright must not download
 * a browser of its own. CI installs Chromium; on a developer machine without it the browser
 * tests are skipped, never in CI.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic",
                                "--disable-dev-shm-usage")));
    }

    public static Browser launch() {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        }
        return new Browser();
    }

    public com.microsoft.playwright.BrowserContext newContext(String locale) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale)
                .setExtraHTTPHeaders(Map.of("Accept-Language", locale)));
    }

    /**
     * A desktop context whose pages accept injected scripts despite their Content-Security-Policy,
     * for audits such as axe-core; never for tests of the pages' own behaviour.
     */
    public com.microsoft.playwright.BrowserContext newAuditContext(String locale) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale)
                .setExtraHTTPHeaders(Map.of("Accept-Language", locale))
                .setBypassCSP(true));
    }

    /** A phone-sized touch screen (390 × 844 CSS pixels, as an iPhone 12–15). */
    public com.microsoft.playwright.BrowserContext newPhoneContext(String locale) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale)
                .setExtraHTTPHeaders(Map.of("Accept-Language", locale))
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(3)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
