package com.example.it.lib;

public final class Greeting {
    public static String text() {
        return "hello";
    }
}
