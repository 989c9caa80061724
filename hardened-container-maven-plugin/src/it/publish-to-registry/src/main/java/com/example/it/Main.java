package com.example.it;

/** The application of the publish-to-registry IT: its image is built, never run, so it need not serve anything. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("publish-to-registry");
    }
}
