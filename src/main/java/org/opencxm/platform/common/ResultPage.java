package org.opencxm.platform.common;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, as every list endpoint of the API returns it. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
