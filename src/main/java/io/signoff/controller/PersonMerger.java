package io.signoff.controller;

import io.signoff.model.DirectoryUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups accounts into people. Two accounts are the same person when they share an address (primary email or any
 * alias, case-insensitive) or were found for the same searched email; the grouping is transitive.
 */
final class PersonMerger {
    private PersonMerger() { }

    /** An account together with the searched email it was found for (null for a name search). */
    record Hit(DirectoryUser account, String searchedEmail) { }

    static List<Person> merge(Collection<Hit> hits) {
        return merge(hits, (a, b) -> 0);
    }

    /** As {@link #merge(Collection)}, with each person's accounts in {@code accountOrder} (e.g. the connections' order). */
    static List<Person> merge(Collection<Hit> hits, Comparator<DirectoryUser> accountOrder) {
        List<Hit> list = List.copyOf(hits);
        int[] parent = new int[list.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<String, Integer> firstByAddress = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            for (String address : keys(list.get(i))) {
                Integer other = firstByAddress.putIfAbsent(address, i);
                if (other != null) union(parent, other, i);
            }
        }
        Map<Integer, List<Hit>> groups = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(list.get(i));
        }
        List<Person> people = new ArrayList<>();
        for (List<Hit> group : groups.values()) {
            group.sort(Comparator.comparing(Hit::account, accountOrder));
            people.add(person(group));
        }
        return people;
    }

    private static List<String> keys(Hit hit) {
        List<String> keys = new ArrayList<>();
        DirectoryUser a = hit.account();
        if (hit.searchedEmail() != null) keys.add(hit.searchedEmail().toLowerCase(Locale.ROOT));
        if (!a.email().isBlank()) keys.add(a.email().toLowerCase(Locale.ROOT));
        a.aliases().forEach(alias -> keys.add(alias.toLowerCase(Locale.ROOT)));
        if (keys.isEmpty()) keys.add("\u0000" + a.connectionId() + "\u0000" + a.id()); // no address: a person of its own
        return keys;
    }

    private static Person person(List<Hit> group) {
        String searched = group.stream().map(Hit::searchedEmail).filter(e -> e != null).findFirst().orElse(null);
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (Hit h : group) {
            if (!h.account().email().isBlank()) votes.merge(h.account().email().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        // The searched address names the person, unless it is only an alias: then their primary address does.
        String mostCommon = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        String email = searched != null && (votes.containsKey(searched) || mostCommon.isEmpty()) ? searched : mostCommon;
        // The name most accounts agree on; a full name ("Jane Doe") beats a handle ("jane") on a tie.
        Map<String, Integer> names = new LinkedHashMap<>();
        for (Hit h : group) {
            String n = h.account().displayName();
            if (n != null && !n.isBlank() && !n.contains("@")) names.merge(n.strip(), n.strip().contains(" ") ? 3 : 2, Integer::sum);
        }
        String name = names.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(group.get(0).account().displayName());
        return new Person(email, name, group.stream().map(Hit::account).toList());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
