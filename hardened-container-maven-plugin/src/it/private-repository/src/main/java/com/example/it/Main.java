package com.example.it;

/** The application of the private-repository IT: its image is built, never run, so it need not serve anything. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("private-repository");
    }
}
