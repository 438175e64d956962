package org.opencxm.platform.common;

/** A requested page: zero-based number and a size between 1 and {@value #MAX_SIZE}. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    public Paging {
        if (page < 0) {
            throw new InvalidInputException("page", "validation.page.negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "validation.page.size");
        }
    }

    public static Paging first() {
        return new Paging(0, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
