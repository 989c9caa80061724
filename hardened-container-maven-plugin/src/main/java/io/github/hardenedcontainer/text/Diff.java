package io.github.hardenedcontainer.text;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, by longest common subsequence of lines (files here are small). */
public final class Diff {

    private static final int CONTEXT = 3;
    private static final int MAX_LINES = 2000;

    private Diff() {
    }

    /** The unified diff from {@code expected} (what generate renders) to {@code actual} (what is committed). */
    public static String unified(String path, String expected, String actual) {
        return unified(path + " (generated)", path + " (committed)", expected, actual);
    }

    /** The unified diff from {@code from} to {@code to}, headed with the two labels. */
    public static String unified(String fromLabel, String toLabel, String from, String to) {
        String[] a = from.split("\n", -1);
        String[] b = to.split("\n", -1);
        String head = "--- " + fromLabel + "\n+++ " + toLabel + "\n";
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            return head + "(files too large to diff: " + a.length + " and " + b.length + " lines)\n";
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // Edit script: ' ' keep, '-' only in expected, '+' only in actual; with line numbers in both.
        List<char[]> ops = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add(new char[] {' '});
                texts.add(a[i]);
                positions.add(new int[] {i++, j++});
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[] {'-'});
                texts.add(a[i]);
                positions.add(new int[] {i++, j});
            } else {
                ops.add(new char[] {'+'});
                texts.add(b[j]);
                positions.add(new int[] {i, j++});
            }
        }
        StringBuilder out = new StringBuilder(head);
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int quiet = 0;
            while (end < ops.size() && quiet <= 2 * CONTEXT) {
                quiet = ops.get(end)[0] == ' ' ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
            int aStart = positions.get(start)[0];
            int bStart = positions.get(start)[1];
            int aCount = 0;
            int bCount = 0;
            for (int x = start; x < end; x++) {
                char op = ops.get(x)[0];
                aCount += op != '+' ? 1 : 0;
                bCount += op != '-' ? 1 : 0;
            }
            out.append("@@ -").append(aStart + 1).append(',').append(aCount)
                    .append(" +").append(bStart + 1).append(',').append(bCount).append(" @@\n");
            for (int x = start; x < end; x++) {
                out.append(ops.get(x)[0]).append(texts.get(x)).append('\n');
            }
            k = end;
        }
        return out.toString();
    }

    /** The lines a unified diff removes and adds: {@code {removed, added}}. */
    public static int[] changedLines(String unifiedDiff) {
        int removed = 0;
        int added = 0;
        String[] lines = unifiedDiff.split("\n");
        for (int i = 2; i < lines.length; i++) { // after the two label lines
            if (lines[i].startsWith("-")) {
                removed++;
            } else if (lines[i].startsWith("+")) {
                added++;
            }
        }
        return new int[] {removed, added};
    }

    /** The first line that differs (1-based, in the committed file). */
    public static int firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return i + 1;
            }
        }
        return Math.min(a.length, b.length) + 1;
    }
}
