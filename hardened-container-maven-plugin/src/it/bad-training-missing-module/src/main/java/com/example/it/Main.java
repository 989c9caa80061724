package com.example.it;

/** Loads a JDK class by name at start, which jdeps cannot see: the linked runtime lacks its module. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> introspector = Class.forName("java.beans.Introspector");
        System.out.println("loaded " + introspector.getName());
        Thread.sleep(60_000);
    }
}
