package com.example.it;

/** The application of the verify-override-behind IT: its image is built, never run, so it need not serve anything. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("verify-override-behind");
    }
}
