package org.opencxm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencxm.testing.BrowserlessSession;

/**
 * The cases benchmark: 100,000 open cases (seeded with SQL, as COPY would), then
 *
 * <ul>
 *   <li>the deadline sweep as the running application does it, on rounds of cases made due (the
 *       log line the sweep writes gives its time), against a reference in the same run: the
 *       sweep's reads and writes for the same cases done directly over JDBC;
 *   <li>the queue page an agent opens, against the queue's two SQL statements run directly.
 * </ul>
 */
public final class CaseLoad {

    private static final Pattern SWEEP =
            Pattern.compile("Deadline sweep: (\\d+) cases looked at, (\\d+) alarms raised in (\\d+) ms");

    public static void main(String[] args) throws Exception {
        var options = JourneyLoad.options(args);
        var url = options.getOrDefault("url", "http://localhost:8080");
        int cases = Integer.parseInt(options.getOrDefault("cases", "100000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "20000"));
        var log = Path.of(options.get("log"));
        var password =
                Files.readString(Path.of(options.get("jdbc-password-file"))).strip();
        try (var db = DriverManager.getConnection(options.get("jdbc"), "postgres", password)) {
            var workspace = workspace(db);
            seed(db, workspace, customers, cases);
            var session = new BrowserlessSession(url, "de");
            if (!"/".equals(session.signIn("admin@opencxm.local", options.get("password")))) {
                throw new IllegalStateException("cannot sign in");
            }
            JourneyLoad.measure(
                    "queue page (/cases), " + cases + " open cases",
                    20,
                    () -> session.get("/cases").statusCode());
            JourneyLoad.measure(
                    "reference: the queue's count and page queries over JDBC", 20, () -> queue(db, workspace));
            int next = 1;
            for (int size : new int[] {150, 150, 150, 1000, 1000}) {
                var sweep = sweep(db, log, workspace, next, size);
                next += size;
                var reference = reference(db, workspace, next, size);
                next += size;
                System.out.printf(
                        "sweep of %,d due cases among %,d open: %d ms (%s alarms); reference over JDBC: %d ms; ratio %.1f%n",
                        size, cases, sweep[1], sweep[0], reference, sweep[1] / (double) Math.max(1, reference));
            }
            var all = sweep(db, log, workspace, 1, cases);
            System.out.printf("sweep with all %,d open cases due at once: %d ms (%d alarms)%n", cases, all[1], all[0]);
        }
    }

    static UUID workspace(Connection db) throws Exception {
        try (var statement = db.createStatement();
                var result =
                        statement.executeQuery("select id from workspace where not demo order by created_at limit 1")) {
            result.next();
            return result.getObject(1, UUID.class);
        }
    }

    static void seed(Connection db, UUID workspace, int customers, int cases) throws Exception {
        long start = System.nanoTime();
        try (var statement = db.prepareStatement("""
                insert into customer (workspace_id, id, user_id, display_name, first_seen_at, last_seen_at)
                select ?, gen_random_uuid(), 'bench-' || g, 'Kunde ' || g, now(), now() from generate_series(1, ?) g""")) {
            statement.setObject(1, workspace);
            statement.setInt(2, customers);
            statement.executeUpdate();
        }
        // open cases of the last 30 days in every open status and severity; their next looks spread
        // over the coming week, as the sweep leaves them
        try (var statement = db.prepareStatement("""
                with c as (select id, row_number() over (order by id) as n from customer where workspace_id = ?)
                insert into support_case (workspace_id, id, number, customer_id, subject, category, severity, status,
                                          source, department, opened_at, first_response_due, resolution_due, next_due,
                                          next_alarm, last_update_at, updated_at)
                select ?, gen_random_uuid(), g, c.id, 'Anliegen ' || g,
                       (array['delivery', 'product', 'billing', 'service', 'website', 'other'])[1 + g % 6],
                       (array['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + g % 4],
                       (array['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER'])[1 + g % 4],
                       'COMPLAINT', 'SERVICE', o, o + interval '4 hours', o + interval '3 days', o + interval '3 days',
                       now() + (1 + g % 10080) * interval '1 minute', o, now()
                from generate_series(1, ?) g
                join c on c.n = 1 + g % ?
                cross join lateral (select now() - (g % 43200) * interval '1 minute' as o) opened""")) {
            statement.setObject(1, workspace);
            statement.setObject(2, workspace);
            statement.setInt(3, cases);
            statement.setInt(4, customers);
            statement.executeUpdate();
        }
        try (var statement = db.createStatement()) {
            statement.execute("analyze customer");
            statement.execute("analyze support_case");
        }
        System.out.printf(
                "seeded %,d customers and %,d open cases in %.1f s%n",
                customers, cases, (System.nanoTime() - start) / 1e9);
    }

    /** Makes cases {@code first …} due now and waits for the application's sweep to log them: {alarms, ms}. */
    static long[] sweep(Connection db, Path log, UUID workspace, int first, int size) throws Exception {
        var before = Files.readString(log).length();
        due(db, workspace, first, size);
        while (true) {
            Thread.sleep(200);
            var text = Files.readString(log);
            var matcher = SWEEP.matcher(text.substring(Math.min(before, text.length())));
            long looked = 0;
            long alarms = 0;
            long ms = 0;
            while (matcher.find()) {
                looked += Long.parseLong(matcher.group(1));
                alarms += Long.parseLong(matcher.group(2));
                ms += Long.parseLong(matcher.group(3));
            }
            if (looked >= size) {
                return new long[] {alarms, ms};
            }
        }
    }

    static void due(Connection db, UUID workspace, int first, int size) throws Exception {
        try (var statement = db.prepareStatement(
                "update support_case set next_alarm = now() where workspace_id = ? and number between ? and ?")) {
            statement.setObject(1, workspace);
            statement.setInt(2, first);
            statement.setInt(3, first + size - 1);
            statement.executeUpdate();
        }
    }

    /** What the sweep reads and writes per case, done directly: lock, promises, alarms, next look; one transaction each. */
    static long reference(Connection db, UUID workspace, int first, int size) throws Exception {
        long start = System.nanoTime();
        var ids = new ArrayList<UUID>();
        try (var statement =
                db.prepareStatement("select id from support_case where workspace_id = ? and number between ?"
                        + " and ? order by next_alarm")) {
            statement.setObject(1, workspace);
            statement.setInt(2, first);
            statement.setInt(3, first + size - 1);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
            }
        }
        db.setAutoCommit(false);
        try (var lock = db.prepareStatement(
                        "select * from support_case where workspace_id = ? and id = ? for update skip locked");
                var promises =
                        db.prepareStatement("select * from case_promise where workspace_id = ? and case_id = ?");
                var alarms =
                        db.prepareStatement("select occasion from case_alarm where workspace_id = ? and case_id = ?");
                var plan = db.prepareStatement(
                        "update support_case set next_alarm = now() + interval '1 day' where workspace_id = ? and id = ?")) {
            for (var id : ids) {
                for (var statement : new java.sql.PreparedStatement[] {lock, promises, alarms}) {
                    statement.setObject(1, workspace);
                    statement.setObject(2, id);
                    try (var result = statement.executeQuery()) {
                        while (result.next()) {
                            // read it all, as the sweep does
                        }
                    }
                }
                plan.setObject(1, workspace);
                plan.setObject(2, id);
                plan.executeUpdate();
                db.commit();
            }
        } finally {
            db.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static int queue(Connection db, UUID workspace) throws Exception {
        try (var count = db.prepareStatement(
                        "select count(*) from support_case where workspace_id = ? and status not in ('RESOLVED', 'CLOSED')");
                var page = db.prepareStatement(
                        "select * from support_case where workspace_id = ?"
                                + " and status not in ('RESOLVED', 'CLOSED') order by escalations > 0 desc, next_due nulls last,"
                                + " array_position(array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'], severity), opened_at, id limit 50")) {
            count.setObject(1, workspace);
            page.setObject(1, workspace);
            try (var a = count.executeQuery();
                    var b = page.executeQuery()) {
                while (a.next()) {}
                while (b.next()) {}
            }
        }
        return 200;
    }

    private CaseLoad() {}
}
