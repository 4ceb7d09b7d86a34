package io.signoff.controller;

import io.signoff.model.DirectoryUser;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Type-ahead filter over a large loaded directory (100,000 users and more). Each user's searchable text (name, email,
 * id, aliases) is lower-cased once at build time, and all of it is also kept as one long string: a word is found with
 * a single {@code indexOf} sweep over that string instead of one call per user. A user matches when every word of the
 * query occurs in its text, so prefixes and fragments both work. Results keep the load order and are views over an
 * index array: nothing is copied per keystroke. Thread-safe (its only state is a cache of one-letter answers); {@link Filter} adds the per-search-box
 * cache that makes typing (narrowing) and backspacing (a result seen before) cheap.
 */
public final class UserIndex<T> {
    /** Joins the users' texts; a query never contains it, so no match spans two users. */
    private static final char USER_SEPARATOR = '\n';
    /** Separates the fields of one user. */
    private static final char FIELD_SEPARATOR = '\u0001';

    private final List<T> items;
    private final String[] keys;
    private final String all;
    private final int[] starts;
    /** First keystrokes match most users and are the costliest sweeps: their answers are kept (≤ 0.4 MB each). */
    private final Map<String, int[]> oneCharacter = new ConcurrentHashMap<>();

    private UserIndex(List<T> items, String[] keys) {
        this.items = items;
        this.keys = keys;
        this.starts = new int[keys.length + 1];
        StringBuilder sb = new StringBuilder(keys.length * 64);
        for (int i = 0; i < keys.length; i++) {
            starts[i] = sb.length();
            sb.append(keys[i]).append(USER_SEPARATOR);
        }
        starts[keys.length] = sb.length();
        this.all = sb.toString();
    }

    /** An index over directory users: name, email, provider id and aliases are searchable. */
    public static UserIndex<DirectoryUser> of(List<DirectoryUser> users) {
        return of(users, UserIndex::searchableText);
    }

    /** An index over anything, searchable by the text {@code searchableText} gives for each item. */
    public static <T> UserIndex<T> of(List<T> items, Function<T, String> searchableText) {
        List<T> copy = List.copyOf(items);
        String[] keys = new String[copy.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = searchableText.apply(copy.get(i)).toLowerCase(Locale.ROOT).replace(USER_SEPARATOR, ' ');
        }
        return new UserIndex<>(copy, keys);
    }

    /** The fields of one user, with a separator no query contains so that a word never spans two fields. */
    public static String searchableText(DirectoryUser u) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(u.displayName()).append(FIELD_SEPARATOR).append(u.email()).append(FIELD_SEPARATOR).append(u.id());
        for (String alias : u.aliases()) sb.append(FIELD_SEPARATOR).append(alias);
        return sb.toString();
    }

    public int size() { return keys.length; }

    public List<T> items() { return items; }

    /** Every user matching the query, in load order; all users for a blank query. */
    public List<T> search(String query) {
        return view(matching(words(normalise(query)), null));
    }

    /** A stateful filter for one search box. */
    public Filter filter() { return new Filter(); }

    static String normalise(String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static String[] words(String normalised) {
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }

    /** Indices (ascending) of users whose text contains every word, among {@code within} (everyone when null). */
    int[] matching(String[] words, int[] within) {
        if (words.length == 0) return within != null ? within : identity();
        if (within == null && words.length == 1 && words[0].length() == 1) {
            return oneCharacter.computeIfAbsent(words[0], this::sweep);
        }
        int[] candidates = within;
        int firstWord = 0;
        // A sweep over the whole text beats a per-user check unless the candidates are already few.
        if (candidates == null || candidates.length > keys.length / 4) {
            int[] swept = sweep(longest(words));
            candidates = candidates == null ? swept : intersect(candidates, swept);
            firstWord = -1;
        }
        int[] out = new int[candidates.length];
        int count = 0;
        String skip = firstWord < 0 ? longest(words) : null;
        for (int i : candidates) {
            if (containsAll(keys[i], words, skip)) out[count++] = i;
        }
        return count == candidates.length ? candidates : Arrays.copyOf(out, count);
    }

    /** Every user whose text contains {@code word}, by one pass of {@code indexOf} over the joined text. */
    private int[] sweep(String word) {
        int[] hits = new int[Math.min(keys.length, 1024)];
        int count = 0;
        int from = 0;
        int user = 0;
        while (true) {
            int pos = all.indexOf(word, from);
            if (pos < 0) break;
            // Positions only grow: walk to the owner (dense hits) or jump by binary search (sparse ones).
            if (pos - starts[user] < 4096) {
                while (starts[user + 1] <= pos) user++;
            } else {
                int found = Arrays.binarySearch(starts, user, starts.length, pos);
                user = found >= 0 ? found : -found - 2;
            }
            if (count == hits.length) hits = Arrays.copyOf(hits, Math.min(keys.length, hits.length * 2));
            hits[count++] = user;
            from = starts[++user];
        }
        return Arrays.copyOf(hits, count);
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { out[n++] = a[i]; i++; j++; }
        }
        return Arrays.copyOf(out, n);
    }

    private static String longest(String[] words) {
        String best = words[0];
        for (String w : words) if (w.length() > best.length()) best = w;
        return best;
    }

    private static boolean containsAll(String key, String[] words, String alreadyChecked) {
        for (String w : words) {
            if (w != alreadyChecked && !key.contains(w)) return false;
        }
        return true;
    }

    private int[] identity() {
        int[] everyone = new int[keys.length];
        for (int i = 0; i < everyone.length; i++) everyone[i] = i;
        return everyone;
    }

    List<T> view(int[] indices) {
        return new Matches<>(items, indices);
    }

    /**
     * The results of one search box while the operator types. Appending characters only lengthens the last word or
     * adds words, so every new match is among the previous matches; deleting returns to a query already answered.
     */
    public final class Filter {
        private static final int REMEMBERED = 64;
        private final Deque<Answer> answers = new ArrayDeque<>();

        public List<T> apply(String query) {
            String normalised = normalise(query);
            Answer narrowest = null;
            for (Iterator<Answer> it = answers.iterator(); it.hasNext(); ) {
                Answer a = it.next();
                if (a.query.equals(normalised)) return view(a.result);
                if (normalised.startsWith(a.query)) {
                    if (narrowest == null) narrowest = a; // most recent first: the longest prefix typed so far
                } else {
                    it.remove(); // typed over: no longer a prefix of anything the operator is heading to
                }
            }
            int[] result = matching(words(normalised), narrowest == null || narrowest.query.isEmpty() ? null : narrowest.result);
            answers.addFirst(new Answer(normalised, result));
            while (answers.size() > REMEMBERED) answers.removeLast();
            return view(result);
        }
    }

    private record Answer(String query, int[] result) { }

    private static final class Matches<T> extends AbstractList<T> implements RandomAccess {
        private final List<T> items;
        private final int[] indices;

        Matches(List<T> items, int[] indices) {
            this.items = items;
            this.indices = indices;
        }

        @Override public T get(int index) { return items.get(indices[index]); }

        @Override public int size() { return indices.length; }
    }
}
