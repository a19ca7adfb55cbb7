package dev.logredact.collector.api;

import dev.logredact.collector.store.Page;

import java.util.List;

/** A list response: {@code {"items":[…],"total":N,"limit":L,"offset":O}}. */
record PageView<T>(List<T> items, long total, int limit, long offset) {
    static <T> PageView<T> of(Page<T> page, int limit, long offset) {
        return new PageView<>(page.items(), page.total(), limit, offset);
    }
}
