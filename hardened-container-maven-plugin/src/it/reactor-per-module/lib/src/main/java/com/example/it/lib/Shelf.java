package com.example.it.lib;

public final class Shelf {
    public static void main(String[] args) {
        System.out.println("Shelf");
    }
}
