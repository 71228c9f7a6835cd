package dev.scout.store.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Streams query results page by page with keyset paging: each page is a separate short query that starts after
 * the last item of the previous page, so no read transaction stays open between pages and memory holds one page.
 * Not thread-safe (one consumer).
 *
 * @param <T> the items
 */
public final class PagedIterator<T> implements Iterator<T> {
    private final Function<Optional<T>, List<T>> nextPage;
    private final int pageSize;
    private List<T> page = List.of();
    private int index;
    private boolean exhausted;

    /** @param nextPage returns up to {@code pageSize} items after the given one (or from the start when empty) */
    public PagedIterator(int pageSize, Function<Optional<T>, List<T>> nextPage) {
        this.pageSize = pageSize;
        this.nextPage = nextPage;
    }

    @Override
    public boolean hasNext() {
        if (index < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        Optional<T> last = page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1));
        page = nextPage.apply(last);
        index = 0;
        exhausted = page.size() < pageSize;
        return !page.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items");
        }
        return page.get(index++);
    }
}
